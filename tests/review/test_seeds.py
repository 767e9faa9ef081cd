"""The issue's done-when on the five seed reports, read from ../shared/seeds (never copied)."""

from __future__ import annotations

import pytest

from fazhi.review import score_findings
from tests.review.helpers import check_grounded
from tests.review.seeds import NAMES, gold, gold_has_part, seed_input, seed_review, short, status

pytestmark = pytest.mark.skipif(not NAMES, reason="seed reports not found under ../shared/seeds")


def test_the_leaders_part_is_found_missing_in_001_only():
    missing = {short(n) for n in NAMES if status(n, "parts.leaders") == "failed"}
    assert missing == {short(n) for n in NAMES if not gold_has_part(n, "leaders")}
    assert missing == {"001"}


def test_the_causes_check_fails_exactly_where_the_gold_has_no_causes():
    failing = {short(n) for n in NAMES if status(n, "parts.reasons") == "failed"}
    assert failing == {short(n) for n in NAMES if not gold(n)["reasons_given"]}
    assert failing == {"000", "001", "004"}


def test_for_004_the_message_says_the_heading_promises_causes_the_text_does_not_give():
    (name,) = [n for n in NAMES if short(n) == "004"]
    f = next(f for f in seed_review(name).findings if f.rule == "parts.reasons")
    assert "三、存在的不足和原因" in f.message
    assert "承诺说明原因" in f.message and "没有给出原因" in f.message
    assert [s.surface for s in f.evidence] == ["三、存在的不足和原因"]


def test_003s_plans_are_flagged_unspecific():
    (name,) = [n for n in NAMES if short(n) == "003"]
    f = next(f for f in seed_review(name).findings if f.rule == "plans.specific")
    assert f.status == "failed"
    assert f.details["items"] == 1 and f.details["specific"] == 0
    assert "笼统" in f.message
    assert f.evidence[0].surface.startswith("下一步")


@pytest.mark.parametrize("name", NAMES, ids=short)
@pytest.mark.parametrize("province", [False, True], ids=["default", "province"])
def test_every_finding_is_grounded_in_the_source_or_says_what_it_looked_for(name, province):
    check_grounded(seed_review(name, province), seed_input(name))


@pytest.mark.parametrize("name", NAMES, ids=short)
def test_no_check_breaks_on_a_real_report(name):
    assert [f.rule for f in seed_review(name).findings if f.status == "error"] == []


@pytest.mark.parametrize("name", NAMES, ids=short)
def test_the_seed_score_is_reproducible_from_its_findings(name):
    result = seed_review(name)
    assert score_findings(result.findings) == result.score
    assert score_findings([f.to_json() for f in result.findings]) == result.score
    assert 0 < result.score.total <= 100


def test_statutory_parts_present_everywhere_the_gold_has_them():
    for name in NAMES:
        for part in ("measures", "shortcomings", "plans"):
            expected = "passed" if gold_has_part(name, part) else "failed"
            assert status(name, f"parts.{part}") == expected, (short(name), part)


def test_the_scores_rank_the_seeds_as_a_reviewer_reads_them():
    # 004 > 000 > 001 ≈ 002 > 003 (docs/NOTES.md says why); 001 and 002 may swap.
    total = {short(n): seed_review(n).score.total for n in NAMES}
    assert total["004"] > total["000"] > max(total["001"], total["002"])
    assert min(total["001"], total["002"]) > total["003"]


def test_003s_township_stations_outnumber_its_stated_townships():
    (name,) = [n for n in NAMES if short(n) == "003"]
    f = next(f for f in seed_review(name).findings if f.rule == "figures.consistent")
    assert f.status == "failed" and f.details["codes"] == ["count_exceeds_total"]
    assert [s.surface for s in f.evidence] == ["160个", "166个"]
    assert all(status(n, "figures.consistent") == "passed" for n in NAMES if short(n) != "003")
