"""The quantity grammar: values, units, qualifiers and ranges, read off report sentences."""

from __future__ import annotations

import pytest

from fazhi.figures import extract_figures
from tests.figures.helpers import d, figures, only, texts


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "unit"),
    [
        ("兑现惠企资金1.17亿元。", "1.17亿元", 117000000, "元"),
        ("资金16.4亿。", "16.4亿", 1640000000, ""),
        ("标的额47.264287亿元。", "47.264287亿元", 4726428700, "元"),
        ("减免4136.25万元。", "4136.25万元", 41362500, "元"),
        ("受理诉求97.2万件。", "97.2万件", 972000, "件"),
        ("受理１２３件。", "１２３件", 123, "件"),
        ("新收行政复议案件1,472件。", "1,472件", 1472, "件"),
        ("出庭应诉率达100%。", "100%", 100, "%"),
        ("满意率98．5％。", "98．5％", d("98.5"), "%"),  # units are reported half-width
        ("出庭率达到百分之九十五。", "百分之九十五", 95, "%"),
        ("败诉率下降2.5个百分点。", "2.5个百分点", d("2.5"), "个百分点"),
        ("时限压缩至3个工作日。", "3个工作日", 3, "个工作日"),
        ("举办法治专题讲座92场(次)。", "92场(次)", 92, "场(次)"),
        ("受教育干部5500余人（次）。", "5500余人（次）", 5500, "人(次)"),
        ("审查涉法事项110件次。", "110件次", 110, "件次"),
        ("受理法律咨询27544人次。", "27544人次", 27544, "人次"),
        ("出让标准地1629.73亩。", "1629.73亩", d("1629.73"), "亩"),
        ("考核分值提高至5.5分。", "5.5分", d("5.5"), "分"),
        ("建成6大基础库。", "6大", 6, "大"),
        ("细化12大类措施。", "12大类", 12, "大类"),
        ("3部门联合印发。", "3部门", 3, "部门"),
        ("完成5个单位的评估。", "5个", 5, "个"),
        ("罚款3千万元。", "3千万元", 30000000, "元"),
    ],
)
def test_value_and_unit(sentence: str, surface: str, value, unit: str) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.unit) == (surface, d(value), unit)


def test_number_does_not_swallow_the_next_digits() -> None:
    # "2.3" is a section number running into 本项目, not 2.3 books.
    f = only("项目总投资3541.07万元2.3本项目由市政府负责。")
    assert (f.text, f.value, f.unit) == ("3541.07万元", d(35410700), "元")


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "approx", "low", "high"),
    [
        ("解答法律咨询5000余次。", "5000余次", 5000, True, 5000, None),
        ("罚款2900余万元。", "2900余万元", 29000000, True, 29000000, None),
        ("包容免罚22万余次。", "22万余次", 220000, True, 220000, None),
        ("走访企业1000多家。", "1000多家", 1000, True, 1000, None),
        ("出庭应诉率达到95%以上。", "95%以上", 95, True, 95, None),
        ("办证数量同比增长约34.3%。", "约34.3%", d("34.3"), True, None, None),
        ("参训人员近3000人。", "近3000人", 3000, True, None, None),
        ("覆盖企业超5000家。", "超5000家", 5000, True, None, None),
        ("服务群众逾万余人。", "逾万余人", 10000, True, 10000, None),
        ("发放资料3000份左右。", "3000份左右", 3000, True, None, None),
        ("开展督察不少于2次。", "不少于2次", 2, True, 2, None),
        ("施工许可实现5日内办结。", "5日内", 5, True, None, 5),
        ("办结时限不超过10个工作日。", "不超过10个工作日", 10, True, None, 10),
        ("走访了十几家企业。", "十几家", 10, True, 11, 19),
        ("选派两三个工作组。", "两三个", 2, True, 2, 3),
        ("开展数十次宣传。", "数十次", 20, True, 20, 90),
        ("走访二十余家企业。", "二十余家", 20, True, 20, None),
        ("走访百余家企业。", "百余家", 100, True, 100, None),
    ],
)
def test_qualifiers(sentence, surface, value, approx, low, high) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.approx) == (surface, d(value), approx)
    assert f.low == (None if low is None else d(low))
    assert f.high == (None if high is None else d(high))


@pytest.mark.parametrize(
    ("sentence", "surface", "low", "high", "unit"),
    [
        ("办理时限为3至5天。", "3至5天", 3, 5, "天"),
        ("每组3-5个人员。", "3-5个", 3, 5, "个"),
        ("培训三到五次。", "三到五次", 3, 5, "次"),
        ("投资3至5万元。", "3至5万元", 30000, 50000, "元"),
    ],
)
def test_ranges(sentence, surface, low, high, unit) -> None:
    f = only(sentence)
    assert (f.text, f.low, f.high, f.unit, f.value) == (surface, d(low), d(high), unit, d(low))


def test_chinese_numerals_after_an_enumeration_count() -> None:
    f = only("制定不予处罚、从轻处罚、减轻处罚、不予强制事项四张清单。")
    assert (f.text, f.value, f.unit) == ("四张", 4, "张")
    assert texts("对金耀、杏花营等七个街道办事处进行验收。") == ["七个"]
    assert texts("连续六年实现目标。") == ["六年"]


def test_bare_zero_closing_a_rate_clause() -> None:
    f = only("行政复议案件被纠错率和行政诉讼败诉率均为0。")
    assert (f.text, f.value, f.unit) == ("0", 0, "")


def test_unitless_numbers_are_not_figures() -> None:
    assert texts("一是加强领导;2.完善制度;(3)强化监督。") == []


def test_spans_are_exact_text_slices() -> None:
    text = "全年受理行政复议案件66件,其中涉企行政复议案件9件。"
    for f in figures(text):
        assert text[f.span.start : f.span.end] == f.text


def test_a_space_between_number_and_unit() -> None:
    # Text taken from PDF or HTML often spaces the number off its unit.
    assert [(f.text, f.value, f.unit) for f in figures("受理案件 66 件,资金 1.2 亿元。")] == [
        ("66 件", d(66), "件"), ("1.2 亿元", d(120000000), "元")]
    assert texts("第 3 批试点。") == []


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("网上可办率达到百分之百。", "百分之百", 100, "%"),
        ("研究法治建设工作六次，印发文件。", "六次", 6, "次"),
        ("举办执法骨干培训班两期。", "两期", 2, "期"),
        ("检查车辆3.6万辆次。", "3.6万辆次", 36000, "辆次"),
        ("开展活动３００余场（次）。", "３００余场（次）", 300, "场(次)"),
    ],
)
def test_general_forms_found_on_unseen_reports(text: str, surface: str, value, unit: str) -> None:
    figs = extract_figures(text)
    assert [(f.span.surface, f.value, f.unit) for f in figs] == [(surface, value, unit)]


@pytest.mark.parametrize("text", ["落实两个责任。", "做到两个维护。", "一次性告知。", "第二次全会。"])
def test_numerals_before_a_noun_or_as_ordinals_stay_out(text: str) -> None:
    assert extract_figures(text) == ()
