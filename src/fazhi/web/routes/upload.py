"""Upload: several files at once; each gets its own outcome line, as in `fazhi ingest`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Request, UploadFile

from fazhi.store.accounts import User
from fazhi.web.errors import WebError
from fazhi.web.render import render
from fazhi.web.security import needs
from fazhi.web.uploads import ingest_uploads

router = APIRouter()
Reviewer = Annotated[User, Depends(needs("reviewer"))]


def _run(request: Request, files: list[UploadFile]) -> list[dict]:
    settings = request.app.state.settings
    files = [f for f in files if f.filename]
    if not files:
        raise WebError("没有选择文件", hint="选择或拖入 .txt .html .docx .pdf 文件")
    if len(files) > settings.max_upload_files:
        raise WebError(f"一次最多上传 {settings.max_upload_files} 个文件", hint="分批上传")
    return ingest_uploads(files, request.app.state.store, settings)


@router.get("/upload", include_in_schema=False)
def upload_page(request: Request, _: Reviewer):
    return render(request, "upload.html", {"results": None})


@router.post("/upload", include_in_schema=False)
def upload_form(request: Request, _: Reviewer, files: Annotated[list[UploadFile], File()]):
    return render(request, "upload.html", {"results": _run(request, files)})


@router.post("/api/uploads", summary="上传并入库报告文件(可多个);每个文件一条结果")
def upload_api(request: Request, _: Reviewer, files: Annotated[list[UploadFile], File()]) -> dict:
    return {"rows": _run(request, files), "next": None}
