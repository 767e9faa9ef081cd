"""One report in a season: the reviewer's decisions on its findings, the letter rebuilt from them,
sign-off in one's own name, and the audit trail. The trail has no route that changes it."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from fazhi.letters.layout import blocks
from fazhi.store import seasons as ss
from fazhi.store.accounts import User
from fazhi.web.downloads import LETTER_TYPES, attachment, display_name
from fazhi.web.errors import NotFound, WebError
from fazhi.web.render import render
from fazhi.web.report_view import pieces
from fazhi.web.routes.seasons import _day, actor
from fazhi.web.season_letters import letter_bytes, season_letter
from fazhi.web.security import needs
from fazhi.workflow import Decision
from fazhi.workflow.decisions import ACTION_NAMES, VERDICTS, decidable, finding_key

router = APIRouter()
Viewer = Annotated[User, Depends(needs("viewer"))]
Reviewer = Annotated[User, Depends(needs("reviewer"))]
STATE_NAMES = {"confirm": "已确认", "strike": "已删除", "edit": "已改写"}


def _got(request: Request, season_id: int, season_report_id: int) -> ss.Received:
    try:
        got = ss.get_received(request.app.state.store, season_report_id)
    except ss.SeasonError:
        got = None
    if got is None or got.season_id != season_id:
        raise NotFound(f"本批次没有编号为 {season_report_id} 的报告", hint="从审核批次页面进入")
    return got


def _context(request: Request, got: ss.Received) -> dict:
    store = request.app.state.store
    decided = ss.decided(store, got.id, got)
    letter = season_letter(store, got, decided)
    findings = got.analysis.get("findings") or []
    own = [f for f in decided.findings if f.get("origin") == "reviewer"]
    return {
        "got": got, "a": got.analysis, "season": ss.get_season(store, got.season_id),
        "decided": decided, "states": decided.states, "STATE_NAMES": STATE_NAMES, "VERDICTS": VERDICTS,
        "ACTION_NAMES": ACTION_NAMES,
        "findings": [(i, f, finding_key(f), decidable(f)) for i, f in enumerate(findings)],
        "edited": {finding_key(f): f["message"] for f in decided.findings if f.get("edited_by")},
        "own": own, "pieces": pieces(got.analysis, got.text),
        "letter_blocks": blocks(letter), "trail": ss.audit_trail(store, got.season_id, got.id),
        "changed": (),
    }


@router.get("/seasons/{season_id}/reports/{season_report_id}", include_in_schema=False)
def season_report_page(request: Request, _: Viewer, season_id: int, season_report_id: int):
    return render(request, "season_report.html", _context(request, _got(request, season_id, season_report_id)))


@router.get("/api/seasons/{season_id}/reports/{season_report_id}",
            summary="批次中的一份报告:审定后的要点、审核结论、签发情况与审核记录")
def season_report_api(request: Request, _: Viewer, season_id: int, season_report_id: int) -> dict:
    got = _got(request, season_id, season_report_id)
    c = _context(request, got)
    d = c["decided"]
    return {
        "id": got.id, "report_id": got.report_id, "unit": got.unit.name if got.unit else None, "match": got.match,
        "findings": list(d.findings), "states": dict(d.states), "verdict": d.verdict, "pending": list(d.pending),
        "signed_by": d.signed_by, "signed_on": d.signed_on.isoformat() if d.signed_on else None,
        "audit": [{"actor": e.actor, "action": e.action, "detail": e.detail, "at": e.at.isoformat()}
                  for e in c["trail"]],
    }


def _page(season_id: int, season_report_id: int, anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"/seasons/{season_id}/reports/{season_report_id}{anchor}", status_code=303)


@router.post("/seasons/{season_id}/reports/{season_report_id}/decide", include_in_schema=False)
def decide(
    request: Request, user: Reviewer, season_id: int, season_report_id: int,
    action: Annotated[str, Form()], finding: Annotated[str, Form()] = "", reason: Annotated[str, Form()] = "",
    message: Annotated[str, Form()] = "", rule: Annotated[str, Form()] = "", verdict: Annotated[str, Form()] = "",
    start: Annotated[str, Form()] = "", end: Annotated[str, Form()] = "",
):
    got = _got(request, season_id, season_report_id)
    # The name on a decision is the signed-in user's; no form field can say otherwise.
    decision = Decision(
        action=action, actor=user.username, at=dt.datetime.now(dt.timezone.utc), finding=finding or None,
        reason=reason.strip() or None, message=message.strip() or None, rule=rule.strip() or None,
        start=int(start) if start.isdigit() else None, end=int(end) if end.isdigit() else None,
        verdict=verdict or None,
    )
    ss.decide(request.app.state.store, got.id, decision, actor(user))
    return _page(season_id, season_report_id, "#letter" if action in ("verdict", "add") else "#findings")


@router.post("/seasons/{season_id}/reports/{season_report_id}/sign", include_in_schema=False)
def sign(request: Request, user: Reviewer, season_id: int, season_report_id: int):
    got = _got(request, season_id, season_report_id)
    ss.sign(request.app.state.store, got.id, actor(user))  # signs as the signed-in user, and only as them
    return _page(season_id, season_report_id, "#letter")


@router.post("/seasons/{season_id}/reports/{season_report_id}/send", include_in_schema=False)
def send(request: Request, user: Reviewer, season_id: int, season_report_id: int):
    got = _got(request, season_id, season_report_id)
    if not ss.decided(request.app.state.store, got.id).signed:
        raise WebError("意见书尚未签发,不能标记为已送达", hint="先签发")
    decision = Decision("send", user.username, dt.datetime.now(dt.timezone.utc))
    ss.decide(request.app.state.store, got.id, decision, actor(user))
    return _page(season_id, season_report_id)


@router.post("/seasons/{season_id}/reports/{season_report_id}/dates", include_in_schema=False)
def dates(
    request: Request, user: Reviewer, season_id: int, season_report_id: int,
    received: Annotated[str, Form()] = "", published: Annotated[str, Form()] = "", url: Annotated[str, Form()] = "",
):
    """The received day, and the publication day or page the unit gives (报送与公开情况)."""
    got = _got(request, season_id, season_report_id)
    ss.set_dates(request.app.state.store, got.id, actor(user), received=_day(received, "收到日期"),
                 published=_day(published, "公开日期"), url=url.strip() or None)
    return _page(season_id, season_report_id)


@router.post("/seasons/{season_id}/reports/{season_report_id}/reanalyse", include_in_schema=False)
def reanalyse(request: Request, user: Reviewer, season_id: int, season_report_id: int):
    got = _got(request, season_id, season_report_id)
    carry = ss.reanalyse_under(request.app.state.store, got.id, request.app.state.settings, actor(user))
    context = _context(request, _got(request, season_id, season_report_id))
    return render(request, "season_report.html", {**context, "changed": carry.changed})


@router.get("/seasons/{season_id}/reports/{season_report_id}/letter.{fmt}", include_in_schema=False)
@router.get("/api/seasons/{season_id}/reports/{season_report_id}/letter.{fmt}",
            summary="按审定结果生成的审核意见书(docx、html 或 md;未签发的带“初审稿”字样)")
def letter(request: Request, _: Viewer, season_id: int, season_report_id: int, fmt: str) -> Response:
    if fmt not in LETTER_TYPES:
        raise NotFound(f"不支持的格式 {fmt}", hint="可选 docx、html、md")
    got = _got(request, season_id, season_report_id)
    decided = ss.decided(request.app.state.store, got.id, got)
    stem = PurePath(display_name(got.analysis.get("source") or "report")).stem
    kind = "审核意见" if decided.signed else "审核意见.初审稿"
    data = letter_bytes(season_letter(request.app.state.store, got, decided), fmt)
    return attachment(data, f"{stem}.{kind}.{fmt}", LETTER_TYPES[fmt])
