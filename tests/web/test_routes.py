"""Every route of the app checks the role: walked for anonymous, viewer, reviewer and admin."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from starlette.routing import Mount

from fazhi.store.web_tables import ROLES
from fazhi.web.security import RoleCheck
from tests.web.conftest import csrf_of

# Values for path parameters, so every route can be called.
PATH_VALUES = {"report_id": "1", "fmt": "csv", "season_id": "1", "season_report_id": "1", "unit_id": "1"}
FMT_BY_PATH = {"letter": "md"}


def all_routes(routes) -> list:
    """The app's routes, looking inside included routers whatever FastAPI version wraps them."""
    found = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            found += all_routes(inner.routes)
        else:
            found.append(route)
    return found


def role_of(route: APIRoute) -> RoleCheck | None:
    checks = [d.call for d in route.dependant.dependencies if isinstance(d.call, RoleCheck)]
    return checks[0] if len(checks) == 1 else None


def _url(route: APIRoute) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1)
        if name == "fmt" and "letter" in route.path:
            return "md"
        return PATH_VALUES[name]

    return re.sub(r"\{(\w+)\}", value, route.path)


def _cases(app) -> list[tuple[str, str, str | None]]:
    cases = []
    for route in all_routes(app.routes):
        if isinstance(route, Mount):
            continue
        for method in sorted(route.methods - {"HEAD"}):
            cases.append((method, route.path, role_of(route).role if role_of(route) else "MISSING"))
    return cases


def test_every_route_declares_exactly_one_role_check(seeded) -> None:
    missing = [(m, p) for m, p, role in _cases(seeded.app) if role == "MISSING"]
    assert missing == []
    mounts = [r.path for r in all_routes(seeded.app.routes) if isinstance(r, Mount)]
    assert mounts == ["/static"]  # the only thing served without a check: CSS and JavaScript


@pytest.mark.parametrize("who", [None, *ROLES])
def test_every_route_admits_exactly_the_roles_it_declares(seeded, who) -> None:
    client = seeded.client(who)
    headers = {"X-CSRF-Token": csrf_of(client)}
    wrong = []
    for method, path, needed in _cases(seeded.app):
        if path in ("/logout", "/api/session") and method in ("POST", "DELETE") and who is not None:
            continue  # logging out would end the walk; covered by the security tests
        url = _url(next(r for r in all_routes(seeded.app.routes) if getattr(r, "path", None) == path))
        response = client.request(method, url, headers=headers, follow_redirects=False)
        allowed = needed is None or (who is not None and ROLES.index(who) >= ROLES.index(needed))
        if allowed:
            refused = response.status_code in (401, 403) or (
                response.status_code == 303 and response.headers["location"].startswith("/login"))
        else:
            expected = (401 if path.startswith("/api/") else 303) if who is None else 403
            refused = response.status_code == expected
            if allowed is False and who is None and not path.startswith("/api/"):
                refused = refused and response.headers["location"].startswith("/login?next=")
        if allowed == refused:
            wrong.append((method, path, response.status_code))
    assert wrong == []
