"""A second rule file (fictional 示例省: 1 March deadline, a required title form) changes the findings."""

from __future__ import annotations

import pytest

from fazhi.review import load_rulebook
from tests.review.helpers import finding, report, run
from tests.review.seeds import NAMES, PROVINCE, seed_input, seed_review, short, status

PUBLISHED = "发布日期: {}  来源: 示例县司法局\n"


@pytest.fixture(scope="module")
def province():
    return load_rulebook(PROVINCE)


def test_published_in_march_is_on_time_nationally_and_late_in_the_province(province):
    text = report(furniture=PUBLISHED.format("2025-03-20"))
    assert finding(run(text), "form.published").status == "passed"
    f = finding(run(text, province), "form.published")
    assert f.status == "failed"
    assert (f.details["deadline"], f.details["days_late"]) == ("2025-03-01", 19)
    assert "本省" in f.message
    assert f.version == "shili-1" and "示例省" in f.basis.instrument


def test_the_province_title_form_is_required(province):
    assert finding(run(report()), "form.title").status == "passed"
    f = finding(run(report(), province), "form.title")
    assert f.status == "failed" and "法治政府建设年度报告" in f.message
    good = report(title="示例县2024年法治政府建设年度报告")
    assert finding(run(good, province), "form.title").status == "passed"


def test_the_province_adds_and_removes_rules(province):
    result = run(report(), province)
    rules = [f.rule for f in result.findings]
    assert "language.stock_phrases" not in rules
    assert finding(result, "parts.other").status == "failed"
    assert result.rulebook_version == "shili-2025.1"


def test_rules_the_province_leaves_alone_give_the_same_findings(province):
    national, provincial = run(report()), run(report(), province)
    for f in national.findings:
        if f.rule in ("parts.reasons", "plans.specific", "coverage.areas"):
            assert finding(provincial, f.rule) == f


@pytest.mark.skipif(not NAMES, reason="seed reports not found")
def test_on_the_seeds_the_province_turns_the_march_publications_late():
    published = {short(n): seed_input(n).identity.published for n in NAMES}
    known = {k for k, v in published.items() if v is not None}
    for name in NAMES:
        key = short(name)
        national, provincial = status(name, "form.published"), status(name, "form.published", True)
        if key not in known:
            assert national == provincial == "not_applicable"
            continue
        month_day = published[key].value.strftime("%m-%d")
        assert national == ("passed" if month_day <= "04-01" else "failed")
        assert provincial == ("passed" if month_day <= "03-01" else "failed")
    late = {short(n) for n in NAMES if status(n, "form.published", True) == "failed"}
    assert late == {"001", "003"}


@pytest.mark.skipif(not NAMES, reason="seed reports not found")
def test_on_the_seeds_only_the_provincial_title_form_fails_the_situation_titles():
    for name in NAMES:
        title = seed_input(name).identity.title
        if title is None:  # 000's text opens with the body: no title to judge
            assert status(name, "form.title", True) == "not_applicable", short(name)
            continue
        fits = str(title.value).replace(" ", "").endswith("法治政府建设年度报告")
        assert status(name, "form.title", True) == ("passed" if fits else "failed"), short(name)
    assert {short(n) for n in NAMES if status(n, "form.title") == "passed"} == {"001", "002", "004"}
    assert {short(n) for n in NAMES if status(n, "parts.other", True) == "passed"} == {"002"}
    assert all(seed_review(n, True).rulebook_version == "shili-2025.1" for n in NAMES)
