"""Every claim of absence in every seed letter is checked against the report's text.

A letter that tells a government it "did not mention" what its report covers
loses the reader at once. So each absence the review states is re-checked
here by a plain search of the whole text, independent of how the check found
it: areas said to be absent have none of their words and figures anywhere;
areas said to have no report of their own have no heading or item lead naming
them; core indicators said to be missing for the year have no figure outside
the plans; causes said to be missing have no explaining word in the shortcomings.
"""

from __future__ import annotations

import re

import pytest

from fazhi.core.settings import Settings
from fazhi.letters import build_letter
from fazhi.letters.markdown import render_markdown
from fazhi.pipeline import analyze_path
from fazhi.review import load_rulebook
from fazhi.structure.areas import area_scores
from fazhi.structure.rules import load_rules as load_structure_rules
from tests.review.seeds import NAMES, SEEDS, gold, short

pytestmark = pytest.mark.skipif(not NAMES, reason="seed reports not found under ../shared/seeds")

_CACHE: dict[str, tuple[dict, str, str]] = {}


def _seed(name: str) -> tuple[dict, str, str]:
    if name not in _CACHE:
        analysis = analyze_path(SEEDS / gold(name)["file"], Settings())
        j = analysis.to_json()
        letter = render_markdown(build_letter(j, analysis.document.text))
        _CACHE[name] = (j, analysis.document.text, letter)
    return _CACHE[name]


def _finding(analysis: dict, rule: str) -> dict:
    return next(f for f in analysis["findings"] if f["rule"] == rule)


def _plans_start(analysis: dict) -> int:
    starts = [s["offset"] for s in analysis["sections"] if s["level"] == 1 and "plans" in s["parts"]]
    return min(starts) if starts else 10**9


@pytest.mark.parametrize("name", NAMES, ids=short)
def test_no_letter_says_not_mentioned(name):
    _, _, letter = _seed(name)
    assert "未提及" not in letter


@pytest.mark.parametrize("name", NAMES, ids=short)
def test_areas_said_to_be_absent_have_no_word_or_figure_anywhere(name):
    analysis, text, letter = _seed(name)
    rules = load_structure_rules()
    details = _finding(analysis, "coverage.areas")["details"]
    for area in details["absent_ids"]:
        label = rules.area_labels[area]
        assert f"全文未见{label}" in letter or label in letter
        words = [t.pattern.pattern for t in rules.terms if t.area == area]
        hits = [w for w in words if re.search(w, text)]
        assert not hits, f"{short(name)}: {label} said absent, but the text has {hits}"
        assert not [f for f in analysis["figures"] if (f["indicator"] or "").split(".")[0] == area]


@pytest.mark.parametrize("name", NAMES, ids=short)
def test_areas_said_to_lack_a_report_of_their_own_have_no_heading_naming_them(name):
    analysis, text, _ = _seed(name)
    rules = load_structure_rules()
    details = _finding(analysis, "coverage.areas")["details"]
    for area in [a for a in details["missing_ids"] if a not in details["absent_ids"]]:
        for section in analysis["sections"]:
            heading = section["heading"] or ""
            score = area_scores(heading, 0, len(heading), rules).get(area)
            assert score is None or score.total < 2, f"{short(name)}: heading {heading!r} names {area}"


@pytest.mark.parametrize("name", NAMES, ids=short)
def test_core_indicators_said_to_be_missing_have_no_figure_for_the_year(name):
    analysis, text, _ = _seed(name)
    f = _finding(analysis, "indicators.core")
    if not f["details"].get("missing"):
        return
    core = load_rulebook().rule("indicators.core").params.indicators
    year_end = _plans_start(analysis)
    for label in f["details"]["missing"].split("、"):
        indicator = next(c for c in core if c.label == label)
        mapped = [g for g in analysis["figures"] if g["indicator"] in indicator.ids and g["offset"] < year_end]
        assert not mapped, f"{short(name)}: {label} said missing, but {mapped[0]['text']} reports it"
        for term in indicator.terms:
            for m in re.finditer(term + r"[^。\d]{0,12}\d", text[:year_end]):
                raise AssertionError(f"{short(name)}: {label} said missing, but the text says {m.group(0)}")


@pytest.mark.parametrize("name", NAMES, ids=short)
def test_causes_said_to_be_missing_have_no_explaining_word_in_the_shortcomings(name):
    analysis, text, _ = _seed(name)
    if _finding(analysis, "parts.reasons")["status"] != "failed":
        return
    cues = load_rulebook().rule("parts.reasons").params.cues
    for section in analysis["sections"]:
        if section["level"] == 1 and "shortcomings" in section["parts"]:
            heading = section["heading"] or ""
            body = text[section["offset"] + len(heading) : section["offset"] + section["length"]]
            body = body[: body.find("下一步")] if "下一步" in body else body
            for cue in cues:
                assert not re.search(cue, body), f"{short(name)}: causes said missing, but {cue} is there"


def test_the_three_false_coverage_claims_of_the_issue_are_gone():
    claims = {"001": ["rules"], "002": ["functions", "rules"], "004": ["digital"]}
    for name in NAMES:
        for area in claims.get(short(name), []):
            details = _finding(_seed(name)[0], "coverage.areas")["details"]
            assert area not in details["absent_ids"], (short(name), area)
