"""Templates and what every page needs in them (the user, the CSRF token, Chinese names)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from fazhi.core.levels import LEVEL_NAMES
from fazhi.web.security import ROLE_NAMES, csrf_token, current_user

TEMPLATES = Path(__file__).parent / "templates"
BAND_NAMES = {"90": "90 分以上", "80": "80–89 分", "70": "70–79 分", "60": "60–69 分", "lt60": "60 分以下",
              "none": "未评分"}
STATUS_NAMES = {"stored": "新入库", "duplicate": "已存在", "failed": "失败", "skipped": "跳过"}
FINDING_NAMES = {"passed": "通过", "failed": "未通过", "partial": "部分通过", "not_applicable": "不适用",
                 "error": "无法检查", "unchecked": "未检查"}


@lru_cache(maxsize=1)
def rule_titles() -> dict[str, str]:
    from fazhi.review import load_rulebook

    return {rule.id: rule.title for rule in load_rulebook().rules}


@lru_cache(maxsize=1)
def structure_labels() -> dict[str, dict[str, str]]:
    from fazhi.structure import load_rules

    rules = load_rules()
    return {"areas": dict(rules.area_labels), "parts": {k: p.label for k, p in rules.parts.items()}}


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(TEMPLATES))  # autoescape is on for .html
    t.env.globals.update(
        LEVEL_NAMES=LEVEL_NAMES, BAND_NAMES=BAND_NAMES, ROLE_NAMES=ROLE_NAMES, STATUS_NAMES=STATUS_NAMES,
        FINDING_NAMES=FINDING_NAMES, rule_titles=rule_titles, structure_labels=structure_labels,
    )
    t.env.filters["score"] = lambda v: "—" if v is None else f"{v:.1f}"
    return t


def query_with(request: Request, **changes) -> str:
    """The current query string with some parameters changed (None drops one), for facet and page links."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urlencode(params) if params else "?"


def render(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    base = {"user": current_user(request), "csrf": csrf_token(request), "query_with": lambda **c: query_with(request, **c)}
    return templates().TemplateResponse(request, name, {**base, **context}, status_code=status)
