"""One report: identity with evidence, marked text, findings, coverage, score, downloads."""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from fazhi.store.accounts import User
from fazhi.web.downloads import LETTER_TYPES, attachment, display_name, letter_file
from fazhi.web.errors import NotFound
from fazhi.web.render import render
from fazhi.web.report_view import pieces
from fazhi.web.security import needs

router = APIRouter()
Viewer = Annotated[User, Depends(needs("viewer"))]
IDENTITY_FIELDS = [("title", "标题"), ("jurisdiction", "地区"), ("report_year", "报告年度"), ("published", "发布日期"),
                   ("issuer", "发文机关"), ("doc_number", "文号")]


def _row(request: Request, report_id: int) -> dict:
    row = request.app.state.store.get_report(report_id)
    if row is None:
        raise NotFound(f"没有编号为 {report_id} 的报告", hint="从报告列表进入")
    return row


def _identity(row: dict) -> list[dict]:
    """Each identity field with the text it was read from (when it came from the text)."""
    analysis, text = row["analysis"], row["text"]
    evidence = analysis.get("identity_evidence") or {}
    fields = []
    for key, label in IDENTITY_FIELDS:
        value = analysis.get(key)
        if key == "jurisdiction":
            ev = (value or {}).get("evidence") or {}
            value = (value or {}).get("name")
        else:
            ev = evidence.get(key) or {}
        quote = None
        if ev.get("offset") is not None and ev.get("length"):
            quote = text[ev["offset"]: ev["offset"] + ev["length"]]
        fields.append({"label": label, "value": value, "source": ev.get("source"), "quote": quote,
                       "offset": ev.get("offset")})
    return fields


@router.get("/reports/{report_id}", include_in_schema=False)
def report_page(request: Request, _: Viewer, report_id: int):
    row = _row(request, report_id)
    analysis = row["analysis"]
    return render(request, "report.html", {
        "row": row, "a": analysis, "identity": _identity(row), "pieces": pieces(analysis, row["text"]),
        "file_name": display_name(row["source"]),
    })


@router.get("/api/reports/{report_id}", summary="一份报告:识别结果、审查结论与原文")
def report_api(request: Request, _: Viewer, report_id: int) -> dict:
    row = _row(request, report_id)
    return {"id": row["id"], **row["analysis"], "text": row["text"],
            "ingested_at": row["ingested_at"].isoformat()}


@router.get("/reports/{report_id}/original", include_in_schema=False)
@router.get("/api/reports/{report_id}/original", summary="下载原件")
def original(request: Request, _: Viewer, report_id: int) -> Response:
    row = _row(request, report_id)
    data = request.app.state.store.get_original(row["sha256"])
    if data is None:
        raise NotFound("原件不在数据库中")
    return attachment(data, display_name(row["source"]), "application/octet-stream")


@router.get("/reports/{report_id}/letter.{fmt}", include_in_schema=False)
@router.get("/api/reports/{report_id}/letter.{fmt}", summary="下载审查意见书(docx、html 或 md)")
def letter(request: Request, _: Viewer, report_id: int, fmt: str) -> Response:
    if fmt not in LETTER_TYPES:
        raise NotFound(f"不支持的格式 {fmt}", hint="可选 docx、html、md")
    row = _row(request, report_id)
    stem = PurePath(display_name(row["source"])).stem
    return attachment(letter_file(row, fmt), f"{stem}.审查意见.{fmt}", LETTER_TYPES[fmt])
