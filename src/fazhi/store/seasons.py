"""Seasons in the store: create, roster, received reports, the decision log and the audit trail.

Thin over ``fazhi.workflow``: the rules (matching, statuses, decisions) are
there; here rows become records and records rows. The decision log and the
audit trail are only ever appended to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from fazhi.core.errors import FazhiError
from fazhi.store.db import Store, db_errors
from fazhi.store.schema import reports
from fazhi.store.season_schema import audit, decisions, roster_units, season_reports, seasons
from fazhi.workflow import decisions as wd
from fazhi.workflow.matching import match_unit
from fazhi.workflow.model import Actor, NotAllowed, Season, Unit, require_decider
from fazhi.workflow.stats import RuleStat, rule_stats
from fazhi.workflow.status import Submission, UnitStatus, unit_status
from fazhi.workflow.summary import Outcome, SeasonSummary, Table, build_summary


class SeasonError(FazhiError):
    code = "season_error"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _season(row: Mapping[str, Any]) -> Season:
    return Season(row["id"], row["name"], row["report_year"], row["submit_by"], row["publish_by"], row["rulebook"])


def _unit(row: Mapping[str, Any]) -> Unit:
    return Unit(name=row["name"], level=row["level"], parent=row["parent"], contact=row["contact"], id=row["id"])


def _log(conn: sa.Connection, season_id: int, actor: Actor, action: str, detail: str,
         season_report_id: int | None = None) -> None:
    conn.execute(audit.insert().values(
        season_id=season_id, season_report_id=season_report_id, actor=actor.name, action=action,
        detail=detail, at=_now(),
    ))


# -- seasons and rosters ---------------------------------------------------

def create_season(store: Store, season: Season, actor: Actor) -> Season:
    if actor.role != "admin":
        raise NotAllowed(f"{actor.name}不是管理员,不能新建审核批次")
    with db_errors("新建审核批次"), store.engine.begin() as conn:
        if conn.execute(sa.select(seasons.c.id).where(seasons.c.name == season.name)).first():
            raise SeasonError(f"审核批次“{season.name}”已存在", hint="换一个名称")
        new_id = conn.execute(seasons.insert().values(
            name=season.name, report_year=season.report_year, submit_by=season.submit_by,
            publish_by=season.publish_by, rulebook=season.rulebook, created_by=actor.name, created_at=_now(),
        )).inserted_primary_key[0]
        _log(conn, new_id, actor, "create",
             f"新建审核批次“{season.name}”({season.report_year}年度,报送截止{season.submit_by},公开截止{season.publish_by})")
    return Season(int(new_id), season.name, season.report_year, season.submit_by, season.publish_by, season.rulebook)


def list_seasons(store: Store) -> list[Season]:
    with store.engine.connect() as conn:
        return [_season(r._mapping) for r in conn.execute(sa.select(seasons).order_by(seasons.c.id))]


def get_season(store: Store, key: int | str) -> Season:
    """A season by id or by name; a missing one is an error naming how to list them."""
    column = seasons.c.id if isinstance(key, int) or str(key).isdigit() else seasons.c.name
    value = int(key) if column is seasons.c.id else key
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(seasons).where(column == value)).first()
    if row is None:
        raise SeasonError(f"没有审核批次“{key}”", hint="用 fazhi season list 查看已有批次")
    return _season(row._mapping)


@dataclass(frozen=True, slots=True)
class Imported:
    added: int
    skipped: tuple[str, ...]  # names already on the roster


def import_roster(store: Store, season_id: int, units: Sequence[Unit], actor: Actor) -> Imported:
    if actor.role != "admin":
        raise NotAllowed(f"{actor.name}不是管理员,不能导入名单")
    with db_errors("导入名单"), store.engine.begin() as conn:
        have = set(conn.execute(sa.select(roster_units.c.name).where(roster_units.c.season_id == season_id)).scalars())
        fresh = [u for u in units if u.name not in have]
        if fresh:
            conn.execute(roster_units.insert(), [
                {"season_id": season_id, "name": u.name, "level": u.level, "parent": u.parent, "contact": u.contact}
                for u in fresh
            ])
        _log(conn, season_id, actor, "roster", f"导入名单{len(fresh)}个单位")
    return Imported(len(fresh), tuple(u.name for u in units if u.name in have))


def update_unit(store: Store, season_id: int, unit: Unit, actor: Actor) -> None:
    if actor.role != "admin":
        raise NotAllowed(f"{actor.name}不是管理员,不能修改名单")
    with db_errors("修改名单"), store.engine.begin() as conn:
        conn.execute(roster_units.update().where(
            roster_units.c.id == unit.id, roster_units.c.season_id == season_id,
        ).values(name=unit.name, level=unit.level, parent=unit.parent, contact=unit.contact))
        _log(conn, season_id, actor, "roster", f"修改名单单位“{unit.name}”")


def roster(store: Store, season_id: int) -> list[Unit]:
    with store.engine.connect() as conn:
        query = sa.select(roster_units).where(roster_units.c.season_id == season_id).order_by(roster_units.c.id)
        return [_unit(r._mapping) for r in conn.execute(query)]


# -- received reports -------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Received:
    id: int
    season_id: int
    report_id: int
    unit: Unit | None
    match: str  # sure | chosen | unsure | off_roster
    match_reason: str
    candidates: tuple[Unit, ...]
    received: dt.date
    published: dt.date | None
    url: str | None
    analysis: dict
    text: str


def receive(
    store: Store, season_id: int, report_id: int, actor: Actor, *,
    received: dt.date | None = None, url: str | None = None, analysis: dict | None = None,
) -> Received:
    """Enter a stored report into the season, matched to its roster unit when the match is sure."""
    require_decider(actor)
    report = store.get_report(report_id)
    if report is None:
        raise SeasonError(f"没有编号为{report_id}的报告", hint="先用 fazhi ingest 入库")
    analysis = analysis or report["analysis"]
    units = roster(store, season_id)
    match = match_unit(analysis, units)
    kind = "sure" if match.sure else "off_roster" if match.off_roster else "unsure"
    reason = match.reason
    year = analysis.get("report_year")
    if year is not None and year != get_season(store, season_id).report_year:
        reason += f";注意:报告年度为{year}年,与本批次年度不同"
    published = report["published"]
    with db_errors("登记报告"), store.engine.begin() as conn:
        existing = conn.execute(sa.select(season_reports.c.id).where(
            season_reports.c.season_id == season_id, season_reports.c.report_id == report_id)).scalar()
        if existing is not None:
            return get_received(store, existing)
        new_id = conn.execute(season_reports.insert().values(
            season_id=season_id, report_id=report_id, unit_id=match.unit.id if match.unit else None,
            match=kind, match_reason=reason, received=received or dt.date.today(), published=published,
            url=url, analysis=analysis, analysed_at=_now(),
        )).inserted_primary_key[0]
        _log(conn, season_id, actor, "receive", f"收到报告{report_id}:{reason}", new_id)
    return get_received(store, int(new_id))


def get_received(store: Store, season_report_id: int) -> Received:
    with store.engine.connect() as conn:
        row = conn.execute(
            sa.select(season_reports, reports.c.text).join(reports, reports.c.id == season_reports.c.report_id)
            .where(season_reports.c.id == season_report_id)
        ).first()
    if row is None:
        raise SeasonError(f"本批次没有编号为{season_report_id}的报告")
    return _received(row._mapping, roster(store, row._mapping["season_id"]))


def _received(row: Mapping[str, Any], roster_units: Sequence[Unit]) -> Received:
    units = {u.id: u for u in roster_units}
    unit = units.get(row["unit_id"])
    candidates: tuple[Unit, ...] = ()
    if row["match"] == "unsure":
        candidates = match_unit(row["analysis"], list(units.values())).candidates
    return Received(
        id=row["id"], season_id=row["season_id"], report_id=row["report_id"], unit=unit, match=row["match"],
        match_reason=row["match_reason"] or "", candidates=candidates, received=row["received"],
        published=row["published"], url=row["url"], analysis=row["analysis"], text=row["text"],
    )


def received_reports(store: Store, season_id: int) -> list[Received]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(season_reports, reports.c.text).join(reports, reports.c.id == season_reports.c.report_id)
            .where(season_reports.c.season_id == season_id).order_by(season_reports.c.id)
        ).all()
    units = roster(store, season_id)  # once for the season, not once a report
    return [_received(r._mapping, units) for r in rows]


def choose_unit(store: Store, season_report_id: int, unit_id: int, actor: Actor) -> None:
    """A person's choice when the match was unsure (or a correction of a sure one)."""
    require_decider(actor)
    got = get_received(store, season_report_id)
    unit = next((u for u in roster(store, got.season_id) if u.id == unit_id), None)
    if unit is None:
        raise SeasonError(f"名单中没有编号为{unit_id}的单位")
    with db_errors("指定单位"), store.engine.begin() as conn:
        conn.execute(season_reports.update().where(season_reports.c.id == season_report_id)
                     .values(unit_id=unit_id, match="chosen"))
        _log(conn, got.season_id, actor, "match", f"指定报告{got.report_id}为“{unit.name}”所报", season_report_id)


def set_dates(store: Store, season_report_id: int, actor: Actor, *, received: dt.date | None = None,
              published: dt.date | None = None, url: str | None = None) -> None:
    require_decider(actor)
    got = get_received(store, season_report_id)
    values = {k: v for k, v in (("received", received), ("published", published), ("url", url)) if v is not None}
    if not values:
        return
    with db_errors("修改日期"), store.engine.begin() as conn:
        conn.execute(season_reports.update().where(season_reports.c.id == season_report_id).values(**values))
        shown = ",".join(f"{k}={v}" for k, v in values.items())
        _log(conn, got.season_id, actor, "dates", f"报告{got.report_id}:{shown}", season_report_id)


def reanalyse(store: Store, season_report_id: int, analysis: dict, actor: Actor) -> wd.Carry:
    """Replace the season's analysis of a report; decisions stay in the log, changed findings are listed."""
    require_decider(actor)
    got = get_received(store, season_report_id)
    carry = wd.carry_over(got.analysis.get("findings") or [], analysis.get("findings") or [],
                          decision_log(store, season_report_id))
    with db_errors("重新分析"), store.engine.begin() as conn:
        conn.execute(season_reports.update().where(season_reports.c.id == season_report_id)
                     .values(analysis=analysis, analysed_at=_now()))
        changed = "、".join(c.title for c in carry.changed) or "无"
        _log(conn, got.season_id, actor, "reanalyse", f"重新分析报告{got.report_id},变化的要点:{changed}",
             season_report_id)
    return carry


# -- decisions --------------------------------------------------------------

def decide(store: Store, season_report_id: int, decision: wd.Decision, actor: Actor) -> wd.Decision:
    """Append one decision. The actor is the signed-in user: a decision cannot be made in another's name."""
    require_decider(actor)
    if decision.action not in wd.ACTIONS:
        raise SeasonError(f"未知的审定操作“{decision.action}”", hint="可用:" + "、".join(wd.ACTIONS))
    if decision.action == "strike" and not (decision.reason or "").strip():
        raise SeasonError("删除一条意见须写明理由")
    if decision.action == "verdict" and decision.verdict not in wd.VERDICTS:
        raise SeasonError(f"审核结论须为:{'、'.join(wd.VERDICTS)}")
    got = get_received(store, season_report_id)
    fingerprint = decision.fingerprint
    if decision.action in wd.FINDING_ACTIONS and not (decision.finding or "").startswith(wd.OWN_PREFIX):
        finding = next((f for f in got.analysis.get("findings") or [] if wd.finding_key(f) == decision.finding), None)
        if finding is None:
            raise SeasonError(f"报告中没有要点“{decision.finding}”")
        fingerprint = wd.fingerprint(finding)
    finding_key = decision.finding
    now = _now()
    with db_errors("保存审定"), store.engine.begin() as conn:
        if decision.action == "add":
            count = conn.execute(sa.select(sa.func.count()).select_from(decisions).where(
                decisions.c.season_report_id == season_report_id, decisions.c.action == "add")).scalar_one()
            finding_key = f"{wd.OWN_PREFIX}{count + 1}"
        new_id = conn.execute(decisions.insert().values(
            season_report_id=season_report_id, action=decision.action, actor=actor.name, at=now,
            finding=finding_key, fingerprint=fingerprint, reason=decision.reason, message=decision.message,
            rule=decision.rule, start_offset=decision.start, end_offset=decision.end, verdict=decision.verdict,
        )).inserted_primary_key[0]
        _log(conn, got.season_id, actor, decision.action, _describe(decision, finding_key), season_report_id)
    return wd.Decision(decision.action, actor.name, now, finding_key, fingerprint, decision.reason,
                       decision.message, decision.rule, decision.start, decision.end, decision.verdict, int(new_id))


def _describe(d: wd.Decision, key: str | None) -> str:
    what = wd.ACTION_NAMES[d.action]
    extra = d.reason or d.message or d.verdict or ""
    return f"{what}{f' {key}' if key else ''}{f':{extra}' if extra else ''}"


def sign(store: Store, season_report_id: int, actor: Actor) -> wd.Decision:
    """Sign the letter as the acting reviewer; there is no parameter for anyone else's name."""
    return decide(store, season_report_id, wd.Decision("sign", actor.name, _now()), actor)


def decision_log(store: Store, season_report_id: int) -> list[wd.Decision]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(decisions).where(decisions.c.season_report_id == season_report_id)
                            .order_by(decisions.c.id)).all()
    return [
        wd.Decision(r.action, r.actor, _aware(r.at), r.finding, r.fingerprint, r.reason, r.message, r.rule,
                    r.start_offset, r.end_offset, r.verdict, r.id)
        for r in rows
    ]


def _aware(at: dt.datetime) -> dt.datetime:
    # SQLite gives back naive datetimes; PostgreSQL aware ones. Compare like with like.
    return at if at.tzinfo else at.replace(tzinfo=dt.timezone.utc)


def decided(store: Store, season_report_id: int, got: Received | None = None) -> wd.Decided:
    got = got or get_received(store, season_report_id)
    return wd.apply_decisions(got.analysis.get("findings") or [], decision_log(store, season_report_id), got.text)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    actor: str
    action: str
    detail: str
    at: dt.datetime
    season_report_id: int | None


def audit_trail(store: Store, season_id: int, season_report_id: int | None = None) -> list[AuditEntry]:
    query = sa.select(audit).where(audit.c.season_id == season_id)
    if season_report_id is not None:
        query = query.where(audit.c.season_report_id == season_report_id)
    with store.engine.connect() as conn:
        rows = conn.execute(query.order_by(audit.c.id)).all()
    return [AuditEntry(r.actor, r.action, r.detail, _aware(r.at), r.season_report_id) for r in rows]


# -- the season as a whole --------------------------------------------------

def _score(analysis: Mapping[str, Any]) -> float | None:
    score = analysis.get("score")
    total = score.get("total") if isinstance(score, Mapping) else score
    return None if total is None else float(total)


@dataclass(frozen=True, slots=True)
class SeasonView:
    season: Season
    statuses: tuple[UnitStatus, ...]
    by_unit: Mapping[int, Received]  # unit id -> its latest received report
    off_roster: tuple[Received, ...]
    unsure: tuple[Received, ...]
    outcomes: tuple[Outcome, ...]


def season_view(store: Store, season_id: int) -> SeasonView:
    """Everything the season page, `fazhi season status` and the summary show, in one read."""
    season = get_season(store, season_id)
    units = roster(store, season_id)
    got = received_reports(store, season_id)
    by_unit: dict[int, Received] = {}
    for r in sorted(got, key=lambda r: (r.received, r.id)):
        if r.unit is not None:
            by_unit[r.unit.id] = r
    decided_by = {r.id: decided(store, r.id, r) for r in by_unit.values()}
    statuses = []
    for unit in units:
        r = by_unit.get(unit.id)
        sub = None
        if r is not None:
            d = decided_by[r.id]
            sub = Submission(received=r.received, published=r.published, url=r.url, analysed=True,
                             decided=bool(d.states) or d.verdict is not None, signed=d.signed_on, sent=d.sent_on,
                             score=_score(r.analysis))
        statuses.append(unit_status(season, unit, sub))
    outcomes = tuple(Outcome(r.unit, _score(r.analysis), decided_by[r.id]) for r in by_unit.values())
    return SeasonView(
        season=season, statuses=tuple(statuses), by_unit=by_unit,
        off_roster=tuple(r for r in got if r.match == "off_roster"),
        unsure=tuple(r for r in got if r.match == "unsure"),
        outcomes=outcomes,
    )


def season_summary(store: Store, season_id: int, made_on: dt.date,
                   tables: Sequence[Table] | None = None) -> SeasonSummary:
    """The season's report upward; ``tables`` default to the corpus package's core-indicator table."""
    view = season_view(store, season_id)
    if tables is None:
        tables = season_indicator_tables(store, [r.report_id for r in view.by_unit.values()])
    return build_summary(view.season, view.statuses, view.outcomes, made_on=made_on, indicator_tables=tables)


def season_indicator_tables(store: Store, report_ids: Sequence[int]) -> tuple[Table, ...]:
    """The core indicators of the season's reports side by side, one column per unit and measure."""
    from fazhi.corpus.indicators import indicator_table
    from fazhi.corpus.tabular import table_sheet
    from fazhi.figures.catalog import catalog
    from fazhi.store.corpus_index import SUMMARY_INDICATORS, load_records

    if not report_ids:
        return ()
    records = load_records(store, ids=report_ids)
    table = indicator_table(records, list(SUMMARY_INDICATORS))
    if not table.columns:
        return ()
    sheet = table_sheet(table, catalog().names())
    cell = lambda v: "" if v is None else str(v)  # noqa: E731
    return (Table(title="核心指标对比", headers=tuple(map(cell, sheet.header)),
                  rows=tuple(tuple(map(cell, row)) for row in sheet.rows),
                  note="数值取自各报告原文;单位或口径不同的分列。"),)


def season_rule_stats(store: Store, season_id: int | None = None) -> list[RuleStat]:
    """Per-rule confirm/strike counts over one season, or over every season when none is given."""
    ids = [season_id] if season_id is not None else [s.id for s in list_seasons(store)]
    return rule_stats(o.decided for sid in ids for o in season_view(store, sid).outcomes)


def reanalyse_under(store: Store, season_report_id: int, settings, actor: Actor) -> wd.Carry:  # noqa: ANN001
    """Read the archived original again under the season's rulebook (or the settings' one)."""
    from fazhi.pipeline import analyze_bytes

    got = get_received(store, season_report_id)
    season = get_season(store, got.season_id)
    report = store.get_report(got.report_id)
    data = store.get_original(report["sha256"])
    if season.rulebook:
        settings = settings.model_copy(update={"rulebook": season.rulebook})
    analysis = analyze_bytes(data, report["source"], settings).to_json()
    return reanalyse(store, season_report_id, analysis, actor)
