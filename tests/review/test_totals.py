"""A count above the stated total of the same thing, across sentences."""

from __future__ import annotations

from fazhi.figures import extract_figures
from fazhi.review.checks.totals import totals_exceeded


def _issues(text: str) -> list[str]:
    return [i.message for i in totals_exceeded(extract_figures(text), text)]


def test_a_count_of_township_stations_above_the_townships_total_is_found():
    text = ("全市160个乡镇(街道)全覆盖制定重大事项目录清单,审查重大事项510件。"
            "强化公共法律服务平台建设,166个乡镇(街道)公共法律服务工作站规范运行。")
    assert _issues(text) == ["“166个乡镇(街道)…”多于“全市160个乡镇(街道)”的总数"]


def test_the_total_may_be_stated_with_a_word_before_it():
    assert len(_issues("全县共有12个乡镇。全年为15个乡镇配备法治专干。")) == 1


def test_a_count_not_stated_as_the_whole_is_left_alone():
    # `全市12个单位` says how many units took part, not how many there are.
    assert _issues("全市12个单位成功申报试点。20个单位建立行政调解组织。") == []


def test_an_approximate_total_or_another_thing_counted_is_left_alone():
    assert _issues("全市160余个乡镇全部建立调解组织。166个乡镇建成工作站。") == []
    assert _issues("全县12个乡镇全部通过验收。全县148个行政村完成改造。") == []
