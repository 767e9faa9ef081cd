"""The API's own description and the token a script needs before its first POST."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from fazhi.store.accounts import User
from fazhi.web.security import PUBLIC, csrf_token, needs

router = APIRouter()


@router.get("/api/openapi.json", include_in_schema=False)
def openapi(request: Request, _: Annotated[User, Depends(needs("viewer"))]) -> dict:
    return request.app.openapi()


@router.get("/api/csrf", summary="取得表单令牌:POST/DELETE 请求须在 X-CSRF-Token 头中带上")
def csrf(request: Request, _: Annotated[User | None, Depends(PUBLIC)]) -> dict:
    return {"csrf_token": csrf_token(request)}
