"""The engine: one explicit finding per rule, errors distinct from failures, the score from findings alone."""

from __future__ import annotations

import dataclasses
import json

import pytest

import fazhi.review.engine as engine
from fazhi.review import STATUSES, ReviewInput, load_rulebook, review, score_findings
from fazhi.review.context import CheckCannotRun
from tests.review.helpers import finding, report, review_input, run


def test_every_rule_gives_exactly_one_finding_in_rulebook_order():
    result = run(report())
    assert [f.rule for f in result.findings] == [r.id for r in load_rulebook().rules]
    assert all(f.status in STATUSES for f in result.findings)


def test_each_finding_carries_its_rule_version_severity_and_basis():
    book = load_rulebook()
    for f in run(report()).findings:
        rule = book.rule(f.rule)
        assert (f.version, f.severity, f.weight, f.basis, f.title) == (
            rule.version, rule.severity, rule.weight, rule.basis, rule.title
        )
        assert f.message  # never silence


@pytest.mark.parametrize(
    "stage, rules",
    [
        ("outline", {"parts.measures", "parts.reasons", "plans.specific", "coverage.areas"}),
        ("identity", {"form.title", "form.year", "form.published"}),
        ("figures", {"evidence.figures", "evidence.comparisons"}),
        ("consistency", {"figures.consistent"}),
    ],
)
def test_a_missing_stage_is_an_error_with_its_reason_not_a_failure(stage, rules):
    result = run(report(), **{stage: False})
    errors = {f.rule for f in result.findings if f.status == "error"}
    assert rules <= errors
    for rule in rules:
        f = finding(result, rule)
        assert "缺少" in f.message and "无法检查" in f.message
        assert f.rule in result.score.unscored
    # The rules that do not need the stage still run.
    assert finding(result, "language.stock_phrases").status == "passed"


def test_a_review_of_text_alone_runs_every_rule_and_reports_each():
    result = review(ReviewInput(text=report()))
    assert len(result.findings) == len(load_rulebook().rules)
    assert {f.status for f in result.findings} <= {"error", "passed", "failed"}


def test_a_broken_check_becomes_an_error_finding_and_the_others_still_run(monkeypatch):
    def boom(ctx, params):
        raise ZeroDivisionError("division by zero")

    registry = dict(engine.REGISTRY)
    registry["core_comparisons"] = dataclasses.replace(registry["core_comparisons"], run=boom)
    monkeypatch.setattr(engine, "REGISTRY", registry)
    result = run(report())
    f = finding(result, "evidence.comparisons")
    assert f.status == "error"
    assert "ZeroDivisionError" in f.message
    assert finding(result, "parts.measures").status == "passed"


def test_the_score_is_recomputed_from_the_findings_alone():
    result = run(report(leaders="", plans="四、2025年工作安排\n下一步,我县将持续推进法治建设。\n"))
    assert score_findings(result.findings) == result.score
    # ... also from their JSON, without the rulebook.
    as_json = json.loads(json.dumps([f.to_json() for f in result.findings]))
    assert score_findings(as_json) == result.score


def test_a_perfect_report_scores_100_and_the_parts_add_up():
    score = run(report(furniture="发布日期: 2025-03-20\n")).score
    assert score.total == 100.0
    assert sum(score.by_rule.values()) == pytest.approx(100.0, abs=0.1)
    assert score.unscored == ()


def test_points_follow_the_weights_in_the_rule_file():
    result = run(report(leaders="", furniture="发布日期: 2025-03-20\n"))
    book = load_rulebook()
    scored = [f for f in result.findings if f.scored]
    total_weight = sum(f.weight for f in scored)
    assert result.score.by_rule["parts.leaders"] == 0.0
    expected = book.rule("parts.measures").weight * 100 / total_weight
    assert result.score.by_rule["parts.measures"] == pytest.approx(expected, abs=0.01)


def test_a_rule_not_applicable_is_left_out_of_the_score_not_counted_as_zero():
    result = run(report())  # no publication date: form.published is not applicable
    assert "form.published" not in result.score.by_rule
    assert result.score.unscored == ("form.published",)
    assert result.score.total == 100.0


def test_nothing_scorable_gives_no_total_not_zero_and_lists_every_rule():
    findings = [{"rule": "a", "status": "error", "weight": 5, "credit": 0},
                {"rule": "b", "status": "not_applicable", "weight": 3, "credit": 0}]
    score = score_findings(findings)
    assert (score.total, dict(score.by_rule), score.unscored) == (None, {}, ("a", "b"))
    assert json.loads(json.dumps(score.to_json()))["total"] is None


def test_a_review_with_nothing_scorable_recomputes_to_the_same_null_score(monkeypatch):
    def cannot(ctx, params):
        raise CheckCannotRun("缺少输入")

    registry = {name: dataclasses.replace(spec, run=cannot) for name, spec in engine.REGISTRY.items()}
    monkeypatch.setattr(engine, "REGISTRY", registry)
    result = run(report())
    assert result.score.total is None
    assert result.to_json()["score"]["total"] is None
    assert score_findings(json.loads(json.dumps([f.to_json() for f in result.findings]))) == result.score


def test_json_shape_of_findings_and_score():
    result = run(report())
    data = result.to_json()
    assert set(data) >= {"findings", "score", "rulebook", "rulebook_version"}
    first = data["findings"][0]
    assert set(first) >= {"rule", "version", "status", "severity", "message", "evidence"}
    assert all(set(e) == {"offset", "length"} for f in data["findings"] for e in f["evidence"])
    assert set(data["score"]) >= {"total", "by_rule"}
    json.dumps(data, ensure_ascii=False)  # everything serialises


def test_evidence_offsets_index_the_source_text_even_with_furniture():
    text = report(furniture="您当前的位置: 首页 > 政务公开\n发布日期: 2025-03-20  来源: 示例县司法局\n")
    inp = review_input(text)
    assert inp.text != inp.raw_text  # the furniture is masked in what the checks read
    result = review(inp)
    published = finding(result, "form.published")
    (span,) = published.evidence
    assert inp.raw_text[span.start : span.end] == "2025-03-20"
