"""Comparisons: from/to pairs and increases or decreases."""

from __future__ import annotations

import pytest

from tests.figures.helpers import figures


def compares(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.compare) for f in figures(text)]


def test_from_to_pair() -> None:
    assert compares("企业开办时限由原来的3天压缩到0.5天。") == [("3天", "from"), ("0.5天", "to")]
    assert compares("黑名单企业总数从1171户下降至679户,降幅达42%。") == [
        ("1171户", "from"), ("679户", "to"), ("42%", "decrease")]
    assert compares("出庭应诉率由2022年的60%提高到2023年的85%。") == [("60%", "from"), ("85%", "to")]


def test_to_alone() -> None:
    assert compares("将考核分值权重提高至5.5分。") == [("5.5分", "to")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("新收行政复议案件1472件,同比增长146.57%。", [None, "increase"]),
        ("审批效率提升79.6%。", ["increase"]),
        ("市本级审批时限平均提速88%。", ["increase"]),
        ("信访总量下降31.4%。", ["decrease"]),
        ("精简申请材料32%,压缩办理时限66%,减少审批环节47%。", ["decrease"] * 3),
        ("精简执法队伍数量30.2%。", ["decrease"]),
        ("行政案件败诉率较上一年度降低10%。", ["decrease"]),
        ("投诉量月均降幅达13.79%。", ["decrease"]),
        ("立案数分别下降28.2%、9.2%。", ["decrease", "decrease"]),
        ("执法事项平均减少20项。", ["decrease"]),
        ("较2021年清单新增事项4项。", ["increase"]),
        ("办证数量同比增长约34.3%。", ["increase"]),
        ("败诉率同比下降2个百分点。", ["decrease"]),
    ],
)
def test_changes(sentence: str, expected: list) -> None:
    assert [c for _, c in compares(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "新增市场主体2000家以上。",  # a level without a base of comparison
        "出庭应诉率达到100%。",
        "开展法治素养提升行动3次。",  # 提升 names the campaign
        "提交材料3份。",  # 提 inside a word
        "提升群众满意率至",  # no figure at all
        "持续提高执法水平,开展培训11次。",
    ],
)
def test_levels_are_not_changes(sentence: str) -> None:
    assert all(c is None for _, c in compares(sentence))
