"""Log in and out (pages and API)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from fazhi.store.accounts import User, authenticate, close_session, login_blocked, note_login, open_session
from fazhi.web.errors import NotAuthenticated, RateLimited
from fazhi.web.render import render
from fazhi.web.security import PUBLIC, SESSION_COOKIE, clear_session_cookie, needs, set_session_cookie

router = APIRouter()


def _remote(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _login(request: Request, username: str, password: str) -> tuple[User, str]:
    store = request.app.state.store
    remote = _remote(request)
    if login_blocked(store, username, remote):
        raise RateLimited("登录失败次数过多", hint="请 15 分钟后再试")
    user = authenticate(store, username, password)
    note_login(store, username, remote, user is not None)
    if user is None:
        raise NotAuthenticated("用户名或密码不正确")
    return user, open_session(store, user)


def _safe_next(target: str | None) -> str:
    # Only paths on this site: "//evil.example" and "https://..." are not followed.
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/reports"


@router.get("/login", include_in_schema=False)
def login_page(request: Request, _: Annotated[User | None, Depends(PUBLIC)], next: str | None = None):
    return render(request, "login.html", {"next": _safe_next(next), "failed": None})


@router.post("/login", include_in_schema=False)
def login_form(
    request: Request, _: Annotated[User | None, Depends(PUBLIC)],
    username: Annotated[str, Form()], password: Annotated[str, Form()], next: Annotated[str, Form()] = "/reports",
):
    try:
        _user, token = _login(request, username, password)
    except (NotAuthenticated, RateLimited) as exc:
        status = 429 if isinstance(exc, RateLimited) else 401
        return render(request, "login.html", {"next": _safe_next(next), "failed": exc.one_line()}, status=status)
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_session_cookie(request, response, token)
    return response


@router.post("/logout", include_in_schema=False)
def logout_form(request: Request, _: Annotated[User, Depends(needs("viewer"))]):
    close_session(request.app.state.store, request.cookies[SESSION_COOKIE])
    response = RedirectResponse("/login", status_code=303)
    clear_session_cookie(response)
    return response


class Credentials(BaseModel):
    username: str
    password: str


@router.post("/api/session", summary="登录,设置会话 Cookie")
def api_login(
    request: Request, response: Response, body: Credentials, _: Annotated[User | None, Depends(PUBLIC)],
) -> dict:
    user, token = _login(request, body.username, body.password)
    set_session_cookie(request, response, token)
    return {"username": user.username, "role": user.role}


@router.get("/api/session", summary="当前登录的用户")
def api_me(user: Annotated[User, Depends(needs("viewer"))]) -> dict:
    return {"username": user.username, "role": user.role}


@router.delete("/api/session", summary="退出登录")
def api_logout(request: Request, _: Annotated[User, Depends(needs("viewer"))]) -> Response:
    close_session(request.app.state.store, request.cookies[SESSION_COOKIE])
    response = Response(status_code=204)
    clear_session_cookie(response)
    return response
