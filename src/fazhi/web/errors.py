"""The web's one error boundary: JSON for /api/..., an HTML page otherwise.

Every error the API returns has the same shape, pinned by a test:
``{"error": {"code": str, "message": str, "status": int}}``.
"""

from __future__ import annotations

import logging

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from fazhi.core.errors import FazhiError, InputError, StoreError

log = logging.getLogger("fazhi.web")


class WebError(FazhiError):
    status = 400
    code = "bad_request"


class NotAuthenticated(WebError):
    status = 401
    code = "not_authenticated"


class Forbidden(WebError):
    status = 403
    code = "forbidden"


class CsrfRefused(WebError):
    status = 403
    code = "csrf_refused"


class NotFound(WebError):
    status = 404
    code = "not_found"


class RateLimited(WebError):
    status = 429
    code = "rate_limited"


_HTTP_CODES = {404: ("not_found", "没有这个页面"), 405: ("method_not_allowed", "不支持这种请求方式"),
               413: ("too_large", "上传的内容太大")}


def status_of(exc: FazhiError) -> int:
    if isinstance(exc, WebError):
        return exc.status
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, StoreError):
        return 503
    return 400


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    if is_api(request):
        return JSONResponse({"error": {"code": code, "message": message, "status": status}}, status_code=status)
    if status == 401:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
    from fazhi.web.render import render

    return render(request, "error.html", {"status": status, "code": code, "message": message}, status=status)


def install(app) -> None:  # noqa: ANN001 - the FastAPI app
    @app.exception_handler(FazhiError)
    async def fazhi_error(request: Request, exc: FazhiError) -> Response:
        return error_response(request, status_of(exc), exc.code, exc.one_line())

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path"))
        return error_response(request, 422, "invalid_request", f"请求参数无效: {where or '(整体)'}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code, message = _HTTP_CODES.get(exc.status_code, ("http_error", str(exc.detail)))
        return error_response(request, exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal_error", "服务器内部错误,已记录;请联系管理员")
