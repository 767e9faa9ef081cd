"""A season in the store, on SQLite and PostgreSQL: roster, matching, statuses, decisions, sign-off, audit."""

from __future__ import annotations

import datetime as dt
import inspect
from functools import cache

import pytest

from fazhi.letters import build_letter
from fazhi.letters.layout import blocks
from fazhi.store import open_store
from fazhi.store import seasons as ss
from fazhi.workflow import Decision, Season, Unit, decided_analysis
from fazhi.workflow.model import Actor, NotAllowed
from tests.conftest import seed_paths
from tests.workflow.conftest import SEED_UNITS, SILENT_UNIT

ADMIN = Actor("管理员", "admin")
WANG = Actor("王审核", "reviewer")
LI = Actor("李审核", "reviewer")
VIEWER = Actor("张查看", "viewer")
NOW = dt.datetime.now(dt.timezone.utc)


@cache
def _seed_runs() -> list:
    """The seeds analysed once for the whole module: saving is what these tests exercise, not reading."""
    from fazhi.core.settings import Settings
    from fazhi.pipeline import analyze_path

    return [(analyze_path(p, Settings()), p.read_bytes()) for p in seed_paths()]


@pytest.fixture
def season_store(db_settings):
    store = open_store(db_settings)
    stored = [store.save(analysis, data) for analysis, data in _seed_runs()]
    season = ss.create_season(
        store, Season(None, "2024年度审核", 2024, dt.date(2025, 3, 1), dt.date(2025, 3, 31)), ADMIN
    )
    ss.import_roster(store, season.id, [Unit(n) for n in (*SEED_UNITS, SILENT_UNIT)], ADMIN)
    received = [
        ss.receive(store, season.id, o.report_id, WANG, received=dt.date(2025, 3, 1 + (i == 4)))
        for i, o in enumerate(stored)
    ]
    return store, season, received


def _failed(got: ss.Received) -> list[dict]:
    return [f for f in got.analysis["findings"] if f["status"] == "failed"]


def _letter(store, got: ss.Received) -> str:
    decided = ss.decided(store, got.id)
    letter = build_letter(decided_analysis(got.analysis, decided), got.text, reviewer=decided.signed_by,
                          date=decided.signed_on)
    return "\n".join(b.text for b in blocks(letter))


def test_the_roster_import_skips_names_already_on_it(season_store) -> None:
    store, season, _ = season_store
    again = ss.import_roster(store, season.id, [Unit("海原县人民政府"), Unit("新增县")], ADMIN)
    assert (again.added, again.skipped) == (1, ("海原县人民政府",))
    assert len(ss.roster(store, season.id)) == 7


def test_received_seeds_are_matched_to_their_units(season_store) -> None:
    _, _, received = season_store
    assert [(r.unit.name, r.match) for r in received] == [(n, "sure") for n in SEED_UNITS]


def test_statuses_give_five_of_six_received_and_the_silent_unit_missing(season_store) -> None:
    store, season, _ = season_store
    summary = ss.season_summary(store, season.id, made_on=dt.date(2025, 4, 1))
    assert (summary.rates.received, summary.rates.units) == (5, 6)
    assert [u.name for u in summary.missing] == [SILENT_UNIT]
    assert [u.name for u in summary.late] == ["海原县人民政府"]


def test_an_unsure_match_waits_for_a_persons_choice(season_store, tmp_path) -> None:
    store, season, received = season_store
    other = ss.create_season(store, Season(None, "另一批次", 2024, dt.date(2025, 3, 1), dt.date(2025, 3, 31)), ADMIN)
    ss.import_roster(store, other.id, [Unit("海原县司法局"), Unit("海原县财政局")], ADMIN)
    got = ss.receive(store, other.id, received[4].report_id, WANG)
    assert got.match == "unsure" and len(got.candidates) == 2
    ss.choose_unit(store, got.id, got.candidates[1].id, WANG)
    chosen = ss.get_received(store, got.id)
    assert (chosen.match, chosen.unit.name) == ("chosen", "海原县财政局")


def test_a_report_from_a_unit_off_the_roster_is_flagged(season_store) -> None:
    store, _, received = season_store
    other = ss.create_season(store, Season(None, "只有绵阳", 2024, dt.date(2025, 3, 1), dt.date(2025, 3, 31)), ADMIN)
    ss.import_roster(store, other.id, [Unit("绵阳市人民政府")], ADMIN)
    got = ss.receive(store, other.id, received[0].report_id, WANG)
    assert got.match == "off_roster" and got.unit is None
    assert [r.id for r in ss.season_view(store, other.id).off_roster] == [got.id]


def test_struck_and_edited_findings_rebuild_the_letter(season_store) -> None:
    store, _, received = season_store
    got = received[0]
    struck, edited = _failed(got)[0], _failed(got)[1]
    ss.decide(store, got.id, Decision("strike", "", NOW, struck["rule"], reason="原文已说明原因"), WANG)
    ss.decide(store, got.id, Decision("edit", "", NOW, edited["rule"], message="请写明明年每项工作的完成时限。"), WANG)
    letter = _letter(store, got)
    assert struck["title"] not in letter.split("三、具体意见和修改建议")[1]
    assert "请写明明年每项工作的完成时限。" in letter


def test_sign_off_is_in_the_actors_own_name_and_removes_the_draft_mark(season_store) -> None:
    store, _, received = season_store
    assert _letter(store, received[1]).startswith("初审稿")
    signed = ss.sign(store, received[1].id, LI)
    letter = _letter(store, received[1])
    assert signed.actor == "李审核" and not letter.startswith("初审稿") and "李审核" in letter
    assert list(inspect.signature(ss.sign).parameters) == ["store", "season_report_id", "actor"]


def test_a_viewer_can_neither_decide_nor_sign(season_store) -> None:
    store, _, received = season_store
    rule = _failed(received[0])[0]["rule"]
    with pytest.raises(NotAllowed):
        ss.decide(store, received[0].id, Decision("confirm", "", NOW, rule), VIEWER)
    with pytest.raises(NotAllowed):
        ss.sign(store, received[0].id, VIEWER)
    assert ss.decision_log(store, received[0].id) == []


def test_a_decision_typed_in_anothers_name_is_recorded_as_the_actors(season_store) -> None:
    store, _, received = season_store
    rule = _failed(received[0])[0]["rule"]
    made = ss.decide(store, received[0].id, Decision("confirm", "李审核", NOW, rule), WANG)
    assert made.actor == "王审核" and ss.decision_log(store, received[0].id)[0].actor == "王审核"


def test_every_decision_is_in_the_audit_trail_with_who_and_when(season_store) -> None:
    store, season, received = season_store
    rule = _failed(received[2])[0]["rule"]
    ss.decide(store, received[2].id, Decision("strike", "", NOW, rule, reason="误判"), WANG)
    ss.sign(store, received[2].id, WANG)
    trail = ss.audit_trail(store, season.id, received[2].id)
    assert [(e.actor, e.action) for e in trail] == [("王审核", "receive"), ("王审核", "strike"), ("王审核", "sign")]
    assert "误判" in trail[1].detail and all(e.at.tzinfo for e in trail)


def test_the_repository_offers_no_way_to_change_the_log() -> None:
    source = inspect.getsource(ss)
    for table in ("decisions", "audit"):
        assert f"{table}.update(" not in source and f"{table}.delete(" not in source


def test_reanalysis_under_another_rulebook_keeps_standing_decisions(season_store, db_settings) -> None:
    from pathlib import Path

    store, _, received = season_store
    got = received[0]
    ss.decide(store, got.id, Decision("strike", "", NOW, "form.title", reason="标题无误"), WANG)
    ss.decide(store, got.id, Decision("confirm", "", NOW, "language.stock_phrases"), WANG)
    # The province's file keeps form.title's wording and drops language.stock_phrases.
    province = Path(__file__).resolve().parents[1] / "review" / "data" / "province.toml"
    carry = ss.reanalyse_under(store, got.id, db_settings.model_copy(update={"rulebook": province}), WANG)
    assert ("language.stock_phrases", "confirm", None) in [(c.key, c.decision, c.after) for c in carry.changed]
    assert "form.title" not in [c.key for c in carry.changed]
    assert dict(ss.decided(store, got.id).states) == {"form.title": "strike"}


def test_rule_stats_over_the_season(season_store) -> None:
    store, season, received = season_store
    for got in received:
        for f in _failed(got):
            action = "strike" if f["rule"] == "plans.specific" else "confirm"
            ss.decide(store, got.id, Decision(action, "", NOW, f["rule"], reason="误判"), WANG)
    stats = {s.rule: s for s in ss.season_rule_stats(store, season.id)}
    assert (stats["plans.specific"].struck, stats["plans.specific"].confirmed) == (4, 0)
    assert stats["parts.reasons"].confirmed == 3


def test_the_season_summary_carries_the_corpus_table_of_core_indicators(season_store) -> None:
    store, season = season_store[0], season_store[1]
    summary = ss.season_summary(store, season.id, made_on=dt.date(2025, 4, 10))
    (table,) = summary.indicator_tables
    assert table.title == "核心指标对比"
    assert any("出庭应诉率" in h for h in table.headers)
    assert len(table.rows) >= 3  # the seeds that state a core indicator, each with its value
