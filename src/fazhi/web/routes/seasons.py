"""Seasons: the list, the season page (rates, missing and late units, scores, rule stats), roster,
reports received into the season, and the exports (status table, the summary upward)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from fazhi.letters.season_layout import status_grid
from fazhi.letters.season_summary import distribution_svg, render_summary_docx, render_summary_html, write_grid
from fazhi.store import seasons as ss
from fazhi.store.accounts import User
from fazhi.web.downloads import LETTER_TYPES, attachment, display_name
from fazhi.web.errors import NotFound, WebError
from fazhi.web.render import render
from fazhi.web.security import needs
from fazhi.web.uploads import ingest_uploads
from fazhi.workflow import read_roster
from fazhi.workflow.model import Actor, Season, Unit
from fazhi.workflow.status import score_bands, season_rates

router = APIRouter()
Viewer = Annotated[User, Depends(needs("viewer"))]
Reviewer = Annotated[User, Depends(needs("reviewer"))]
Admin = Annotated[User, Depends(needs("admin"))]
TABLE_TYPES = {"csv": "text/csv; charset=utf-8",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def actor(user: User) -> Actor:
    return Actor(user.username, user.role)


def _day(text: str | None, what: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise WebError(f"{what}“{text}”不是日期", hint="写作 2025-03-01") from None


def _season(request: Request, season_id: int) -> Season:
    try:
        return ss.get_season(request.app.state.store, season_id)
    except ss.SeasonError:
        raise NotFound(f"没有编号为 {season_id} 的审核批次", hint="从审核批次列表进入") from None


def _back(season_id: int, note: str = "") -> RedirectResponse:
    return RedirectResponse(f"/seasons/{season_id}{note}", status_code=303)


@router.get("/seasons", include_in_schema=False)
def seasons_page(request: Request, _: Viewer):
    return render(request, "seasons.html", {"seasons": ss.list_seasons(request.app.state.store)})


@router.get("/api/seasons", summary="审核批次列表")
def seasons_api(request: Request, _: Viewer) -> dict:
    rows = [{"id": s.id, "name": s.name, "report_year": s.report_year, "submit_by": s.submit_by.isoformat(),
             "publish_by": s.publish_by.isoformat()} for s in ss.list_seasons(request.app.state.store)]
    return {"rows": rows, "next": None}


@router.post("/seasons", include_in_schema=False)
def create_season(
    request: Request, user: Admin, name: Annotated[str, Form()], report_year: Annotated[int, Form()],
    submit_by: Annotated[str, Form()], publish_by: Annotated[str, Form()],
):
    season = Season(None, name.strip(), report_year, _day(submit_by, "报送截止日期"), _day(publish_by, "公开截止日期"),
                    request.app.state.settings.rulebook and str(request.app.state.settings.rulebook))
    if not season.name:
        raise WebError("批次名称不能为空")
    made = ss.create_season(request.app.state.store, season, actor(user))
    return _back(made.id)


def _season_context(request: Request, season_id: int) -> dict:
    store = request.app.state.store
    view = ss.season_view(store, _season(request, season_id).id)
    rates = season_rates(view.statuses)
    distribution = tuple(score_bands(view.statuses))
    return {
        "view": view, "season": view.season, "rates": rates, "distribution": distribution,
        "chart": distribution_svg(distribution), "grid": status_grid(view.statuses),
        "missing": [s.unit for s in view.statuses if s.received is None],
        "late": [s.unit for s in view.statuses if s.received == "late"],
        "units": ss.roster(store, season_id),
        "stats": ss.season_rule_stats(store, season_id),
        "received": {r.unit.id: r for r in view.by_unit.values()},
        "trail": ss.audit_trail(store, season_id)[-20:],
    }


@router.get("/seasons/{season_id}", include_in_schema=False)
def season_page(request: Request, _: Viewer, season_id: int):
    return render(request, "season.html", {**_season_context(request, season_id), "results": None, "problems": ()})


@router.get("/api/seasons/{season_id}", summary="一个审核批次:报送率、公开率、各单位进度、规则审定统计")
def season_api(request: Request, _: Viewer, season_id: int) -> dict:
    c = _season_context(request, season_id)
    r = c["rates"]
    return {
        "id": c["season"].id, "name": c["season"].name,
        "rates": {"units": r.units, "received": r.received, "received_on_time": r.received_on_time,
                  "published": r.published, "published_on_time": r.published_on_time},
        "missing": [u.name for u in c["missing"]], "late": [u.name for u in c["late"]],
        "rows": [dict(zip(("unit", "level", "received", "published", "score", "stage"), row, strict=True))
                 for row in c["grid"].rows],
        "distribution": [{"band": b, "count": n} for b, n in c["distribution"]],
        "rule_stats": [{"rule": s.rule, "confirmed": s.confirmed, "edited": s.edited, "struck": s.struck}
                       for s in c["stats"]],
        "next": None,
    }


@router.post("/seasons/{season_id}/roster", include_in_schema=False)
def roster_upload(request: Request, user: Admin, season_id: int, file: Annotated[UploadFile, File()]):
    season = _season(request, season_id)
    name = display_name(file.filename or "roster.csv")
    with tempfile.TemporaryDirectory(prefix="fazhi-roster-") as folder:
        path = Path(folder) / name
        path.write_bytes(file.file.read(request.app.state.settings.max_file_bytes + 1))
        parsed = read_roster(path)
    ss.import_roster(request.app.state.store, season.id, parsed.units, actor(user))
    context = _season_context(request, season.id)
    return render(request, "season.html", {**context, "results": None,
                                           "problems": [p.one_line(name) for p in parsed.problems]})


@router.post("/seasons/{season_id}/units", include_in_schema=False)
@router.post("/seasons/{season_id}/units/{unit_id}", include_in_schema=False)
def save_unit(
    request: Request, user: Admin, season_id: int, name: Annotated[str, Form()], unit_id: int | None = None,
    level: Annotated[str, Form()] = "", parent: Annotated[str, Form()] = "", contact: Annotated[str, Form()] = "",
):
    """Add one unit to the roster, or correct one (name, level, parent, contact)."""
    season = _season(request, season_id)
    unit = Unit(name.strip(), level or None, parent.strip() or None, contact.strip() or None, unit_id)
    if not unit.name:
        raise WebError("单位名称不能为空")
    if unit_id is None:
        ss.import_roster(request.app.state.store, season.id, [unit], actor(user))
    else:
        ss.update_unit(request.app.state.store, season.id, unit, actor(user))
    return _back(season.id, "#roster")


@router.post("/seasons/{season_id}/upload", include_in_schema=False)
def season_upload(
    request: Request, user: Reviewer, season_id: int, files: Annotated[list[UploadFile], File()],
    received: Annotated[str, Form()] = "",
):
    season = _season(request, season_id)
    store = request.app.state.store
    files = [f for f in files if f.filename]
    if not files:
        raise WebError("没有选择文件", hint="选择 .txt .html .docx .pdf 文件")
    day = _day(received, "收到日期") or dt.date.today()
    results = ingest_uploads(files, store, request.app.state.settings)
    for row in results:
        if row["report_id"] is not None:
            got = ss.receive(store, season.id, row["report_id"], actor(user), received=day)
            row["match"] = got.match_reason
            row["season_report_id"] = got.id
    return render(request, "season.html", {**_season_context(request, season.id), "results": results,
                                           "problems": ()})


@router.post("/seasons/{season_id}/reports/{season_report_id}/unit", include_in_schema=False)
def choose_unit(request: Request, user: Reviewer, season_id: int, season_report_id: int,
                unit_id: Annotated[int, Form()]):
    ss.choose_unit(request.app.state.store, season_report_id, unit_id, actor(user))
    return _back(season_id)


@router.get("/seasons/{season_id}/status.{fmt}", include_in_schema=False)
@router.get("/api/seasons/{season_id}/status.{fmt}", summary="各单位进度表(csv 或 xlsx)")
def status_export(request: Request, _: Viewer, season_id: int, fmt: str) -> Response:
    if fmt not in TABLE_TYPES:
        raise NotFound(f"不支持的格式 {fmt}", hint="可选 csv、xlsx")
    view = ss.season_view(request.app.state.store, _season(request, season_id).id)
    with tempfile.TemporaryDirectory(prefix="fazhi-status-") as folder:
        data = write_grid(status_grid(view.statuses), Path(folder) / f"status.{fmt}").read_bytes()
    return attachment(data, f"{view.season.name}.进度.{fmt}", TABLE_TYPES[fmt])


@router.get("/seasons/{season_id}/summary.{fmt}", include_in_schema=False)
@router.get("/api/seasons/{season_id}/summary.{fmt}", summary="审核情况报告(docx 或 html)")
def summary_download(request: Request, user: Viewer, season_id: int, fmt: str) -> Response:
    if fmt not in ("docx", "html"):
        raise NotFound(f"不支持的格式 {fmt}", hint="可选 docx、html")
    summary = ss.season_summary(request.app.state.store, _season(request, season_id).id, made_on=dt.date.today())
    name = f"{summary.season.name}.审核情况报告.{fmt}"
    if fmt == "html":
        return attachment(render_summary_html(summary).encode("utf-8"), name, LETTER_TYPES["html"])
    with tempfile.TemporaryDirectory(prefix="fazhi-summary-") as folder:
        data = render_summary_docx(summary, Path(folder) / "summary.docx").read_bytes()
    return attachment(data, name, LETTER_TYPES["docx"])
