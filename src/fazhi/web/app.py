"""create_app(settings): the FastAPI app with its pages, API, static files and error handler."""

from __future__ import annotations

import secrets
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

from fazhi import __version__
from fazhi.core.settings import Settings
from fazhi.store import Store, open_store
from fazhi.web import errors
from fazhi.web.routes import ROUTERS
from fazhi.web.security import ANON_COOKIE, new_anon

STATIC = Path(__file__).parent / "static"

# Everything comes from this server: no CDN, no outside fonts, no inline script.
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    app = FastAPI(
        title="fazhi",
        version=__version__,
        description="法治政府建设年度报告工作台的 JSON 接口。所有错误的形式均为 "
        '{"error": {"code", "message", "status"}};列表返回 rows 与下一页的 next 链接。',
        # The interactive docs pages load scripts from a CDN: off. The schema
        # itself is served by /api/openapi.json behind a login.
        docs_url=None, redoc_url=None, openapi_url=None,
    )
    app.state.settings = settings
    app.state.store = store or open_store(settings)
    # Without a configured key each start signs with a new one: open forms
    # then need a reload, sessions (kept in the database) survive.
    app.state.secret = (settings.secret_key or secrets.token_hex(32)).encode()
    errors.install(app)

    @app.middleware("http")
    async def anon_and_headers(request: Request, call_next):
        anon = request.cookies.get(ANON_COOKIE)
        request.state.anon = anon or new_anon()
        response = await call_next(request)
        if anon is None:
            response.set_cookie(ANON_COOKIE, request.state.anon, httponly=True, samesite="lax",
                                secure=request.url.scheme == "https", path="/")
        for name, value in _HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``fazhi serve --workers N`` (settings from FAZHI_* variables)."""
    from fazhi.core.settings import load_settings

    return create_app(load_settings())
