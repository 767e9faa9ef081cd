"""One jurisdiction across two years: plans kept or dropped, the same shortcoming admitted again."""

from __future__ import annotations

import pytest

from fazhi.corpus.years import follow_through, repeated_shortcomings
from tests.comparison.support import DATA, record


@pytest.fixture(scope="module")
def pair():
    earlier = record((DATA / "示例甲县2023年度法治政府建设情况报告.txt").read_text(encoding="utf-8"), 1, year=2023)
    later = record((DATA / "示例甲县2024年度法治政府建设情况报告.txt").read_text(encoding="utf-8"), 2, year=2024)
    return earlier, later


def test_each_plan_item_gets_the_expected_verdict(pair) -> None:
    checks = follow_through(*pair)
    verdicts = {c.plan.text.split("。")[0]: c.verdict for c in checks}
    assert verdicts == {
        "(一)深化行政复议体制改革": "落实",
        "(二)建立重大行政决策事项目录": "落实",
        "(三)建设乡村法治文化广场": "未见落实",
        "(四)推行涉企轻微违法行为免罚清单": "未见落实",
    }


def test_a_kept_promise_points_at_the_passage_that_keeps_it(pair) -> None:
    earlier, later = pair
    check = follow_through(earlier, later)[0]
    assert "深化行政复议体制改革" in check.evidence.text
    assert later.text[check.evidence.start:check.evidence.end] == check.evidence.text
    assert earlier.text[check.plan.start:check.plan.end] == check.plan.text


def test_a_dropped_promise_says_what_was_searched(pair) -> None:
    check = follow_through(*pair)[2]
    assert check.verdict == "未见落实" and "主要举措" in check.searched


def test_the_shortcoming_admitted_again_is_found_and_only_it(pair) -> None:
    repeats = repeated_shortcomings(*pair)
    assert len(repeats) == 1
    assert "法律素养" in repeats[0].earlier.text and "法律素养" in repeats[0].later.text


def test_the_series_gives_each_year_and_the_change(pair) -> None:
    from fazhi.corpus.years import series

    earlier, later = pair
    [rate] = series([later, earlier], ["disputes.court_appearance_rate"])
    assert [(p.year, p.cell.shown, p.change) for p in rate.points] == [(2023, "100", None), (2024, "100", 0)]
