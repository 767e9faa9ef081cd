"""The office's voice: 我办 and 你县/你市 by the report's level, blanks for what is not set."""

from __future__ import annotations

import pytest

from fazhi.letters import build_letter
from fazhi.letters.markdown import render_markdown
from tests.letters.conftest import NAMES


@pytest.mark.parametrize(("seed", "you"), [(0, "你市"), (1, "你市"), (2, "你区"), (3, "你市"), (4, "你县")])
def test_the_office_speaks_as_wo_ban_and_addresses_the_author_by_level(analyses, seed, you):
    analysis, text = analyses[NAMES[seed]]
    md = render_markdown(build_letter(analysis, text))
    assert f"我办对{you}" in md
    own = "\n".join(line for line in md.splitlines() if "原文" not in line)  # the report's own words aside
    assert "我们" not in own and "你单位" not in own


def test_unset_office_and_date_are_left_blank_for_the_reviewer(analyses):
    analysis, text = analyses[NAMES[4]]
    md = render_markdown(build_letter(analysis, text))
    assert "（审核机关）" in md and "年　　月　　日" in md


def test_machinery_is_in_the_appendix_not_the_body(analyses):
    analysis, text = analyses[NAMES[4]]
    md = render_markdown(build_letter(analysis, text))
    body, appendix = md.split("附：审核记录")
    assert "SHA-256" not in body and analysis["sha256"][:12] not in body and ".txt" not in body
    assert "SHA-256" in appendix and "规则库" in appendix


def test_counts_are_grammatical(analyses):
    for analysis, text in analyses.values():
        md = render_markdown(build_letter(analysis, text))
        assert "只有0" not in md and "共0项" not in md


def test_strengths_come_before_the_problems(analyses):
    analysis, text = analyses[NAMES[4]]
    md = render_markdown(build_letter(analysis, text))
    assert md.index("主要优点") < md.index("主要问题") < md.index("三、具体意见")


def test_the_verdict_quotes_the_cap_that_held_it_down(analyses):
    analysis, text = analyses[NAMES[4]]
    md = render_markdown(build_letter(analysis, text))
    assert analysis["score"]["verdict"]["caps"]
    assert "依据审核规则“未分析不足的原因" in md and "85分以上为合格" in md
