"""Who is asking and may they: the session cookie, the role check, CSRF.

Every route depends on exactly one ``RoleCheck`` (``needs("viewer")``,
``needs("admin")``, or ``PUBLIC``); the route-walking test finds it on each
route and tries the route as every role. The same check refuses a state-changing
request (POST, PUT, PATCH, DELETE) without the form's CSRF token, so no route
can forget either.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from fastapi import Request, Response

from fazhi.store.accounts import User, session_user
from fazhi.store.web_tables import ROLES
from fazhi.web.errors import CsrfRefused, Forbidden, NotAuthenticated

SESSION_COOKIE = "fazhi_session"
ANON_COOKIE = "fazhi_anon"  # the CSRF seed of someone not logged in (the login form needs a token too)
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def csrf_token(request: Request) -> str:
    seed = request.cookies.get(SESSION_COOKIE) or request.state.anon
    secret = request.app.state.secret
    return hmac.new(secret, seed.encode(), hashlib.sha256).hexdigest()


def current_user(request: Request) -> User | None:
    if not hasattr(request.state, "user"):
        token = request.cookies.get(SESSION_COOKIE)
        request.state.user = session_user(request.app.state.store, token) if token else None
    return request.state.user


async def _check_csrf(request: Request) -> None:
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        sent = (await request.form()).get(CSRF_FIELD)
    if not isinstance(sent, str) or not hmac.compare_digest(sent, csrf_token(request)):
        raise CsrfRefused("表单已过期或缺少安全令牌", hint="刷新页面后重新提交")


@dataclass(frozen=True)
class RoleCheck:
    """A dependency: the user, if they hold ``role`` (None: anyone, logged in or not)."""

    role: str | None

    async def __call__(self, request: Request) -> User | None:
        user = current_user(request)
        if self.role is not None:
            if user is None:
                raise NotAuthenticated("请先登录")
            if not user.may(self.role):
                raise Forbidden(f"当前账号({ROLE_NAMES[user.role]})无权进行此操作", hint=f"需要{ROLE_NAMES[self.role]}权限")
        await _check_csrf(request)
        return user


ROLE_NAMES = {"viewer": "查看员", "reviewer": "审查员", "admin": "管理员"}
PUBLIC = RoleCheck(None)
_CHECKS = {role: RoleCheck(role) for role in ROLES}


def needs(role: str) -> RoleCheck:
    return _CHECKS[role]


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE, token, httponly=True, samesite="lax", secure=request.url.scheme == "https", path="/",
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")


def new_anon() -> str:
    return secrets.token_urlsafe(24)
