"""Accounts, for admins: list and add users (the first admin comes from `fazhi user add`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel

from fazhi.core.errors import ConfigError
from fazhi.store.accounts import User, add_user, list_users
from fazhi.web.errors import WebError
from fazhi.web.render import render
from fazhi.web.security import needs

router = APIRouter()
Admin = Annotated[User, Depends(needs("admin"))]


def _add(request: Request, username: str, password: str, role: str) -> User:
    try:
        return add_user(request.app.state.store, username, password, role)
    except ConfigError as exc:
        raise WebError(exc.message, source=exc.source, hint=exc.hint) from None


@router.get("/admin/users", include_in_schema=False)
def users_page(request: Request, _: Admin):
    return render(request, "users.html", {"users": list_users(request.app.state.store), "done": None})


@router.post("/admin/users", include_in_schema=False)
def users_form(
    request: Request, _: Admin, username: Annotated[str, Form()], password: Annotated[str, Form()],
    role: Annotated[str, Form()],
):
    _add(request, username, password, role)
    return RedirectResponse("/admin/users", status_code=303)


class NewUser(BaseModel):
    username: str
    password: str
    role: str


@router.get("/api/users", summary="用户列表(管理员)")
def users_api(request: Request, _: Admin) -> dict:
    return {"rows": [{"id": u.id, "username": u.username, "role": u.role} for u in list_users(request.app.state.store)],
            "next": None}


@router.post("/api/users", summary="新建用户或重设密码与角色(管理员)")
def add_user_api(request: Request, _: Admin, body: NewUser) -> dict:
    user = _add(request, body.username, body.password, body.role)
    return {"id": user.id, "username": user.username, "role": user.role}
