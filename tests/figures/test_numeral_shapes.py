"""Numeral shapes that general Chinese number readers handle and reports use.

Ranges sharing one multiplier, fractions, percentage points written in Chinese
numerals, signs, full-width separators, mixed Arabic and Chinese amounts,
inclusive bounds, traditional and financial numerals, foreign currencies.
Sentences are written for these tests, not taken from any project.
"""

from __future__ import annotations

import pytest

from tests.figures.helpers import d, only, texts


@pytest.mark.parametrize(
    ("sentence", "surface", "low", "high"),
    [
        ("对违规企业处以罚款三至五万元。", "三至五万元", 30000, 50000),
        ("奖补资金一百二十到一百五十万元。", "一百二十到一百五十万元", 1200000, 1500000),
        ("项目投资二至三亿元。", "二至三亿元", 200000000, 300000000),
        ("罚款6-8万元。", "6-8万元", 60000, 80000),
    ],
)
def test_a_range_shares_the_multiplier_of_its_second_end(sentence, surface, low, high) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.low, f.high, f.unit) == (surface, d(low), d(low), d(high), "元")


def test_a_range_whose_first_end_is_already_large_does_not_share() -> None:
    f = only("每户补贴五千至一万元。")
    assert (f.low, f.high) == (d(5000), d(10000))


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "fraction"),
    [
        ("约有三分之一的纠纷在村级化解。", "三分之一", d("33.33"), "1/3"),
        ("四分之三的案件当场办结。", "四分之三", 75, "3/4"),
        ("二十分之一的执法案卷被抽查。", "二十分之一", 5, "1/20"),
    ],
)
def test_a_fraction_is_a_rate_with_the_fraction_kept(sentence, surface, value, fraction) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.unit, f.fraction) == (surface, d(value), "%", fraction)


def test_a_fraction_with_a_bound_keeps_the_bound() -> None:
    f = only("五分之一以上的执法人员参加轮训。")
    assert (f.text, f.value, f.approx, f.low, f.fraction) == ("五分之一以上", d(20), True, d(20), "1/5")


def test_percentage_points_in_chinese_numerals_are_read() -> None:
    f = only("行政复议纠错率同比升高零点六个百分点。")
    assert (f.text, f.value, f.unit, f.compare) == ("零点六个百分点", d("0.6"), "个百分点", "increase")


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "unit"),
    [
        ("收案数同比变化负百分之十三。", "负百分之十三", -13, "%"),
        ("财政收入同比增长-10.1万元。", "-10.1万元", -101000, "元"),
        ("案件量增幅为－2.5%。", "－2.5%", d("-2.5"), "%"),
    ],
)
def test_a_sign_written_before_the_number_is_kept(sentence, surface, value, unit) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.unit) == (surface, d(value), unit)


def test_a_hyphen_between_two_numbers_is_a_range_not_a_sign() -> None:
    f = only("每次培训3-5天。")
    assert (f.value, f.low, f.high) == (d(3), d(3), d(5))


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("收取诉讼费用82，225.00元。", "82，225.00元", 82225),
        ("办理公证事项1，204件。", "1，204件", 1204),
        ("支付赔偿金1，234，567元。", "1，234，567元", 1234567),
    ],
)
def test_full_width_thousands_separators_keep_the_number_whole(sentence, surface, value) -> None:
    f = only(sentence)
    assert (f.text, f.value) == (surface, d(value))


def test_a_full_width_comma_before_a_short_number_still_separates_clauses() -> None:
    assert texts("受理案件12件，35件已办结。") == ["12件", "35件"]


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("整合资金100万三千元。", "100万三千元", 1003000),
        ("累计投入1亿2000万元。", "1亿2000万元", 120000000),
        ("发放补助30万5千元。", "30万5千元", 305000),
    ],
)
def test_an_amount_continued_below_its_multiplier_is_one_figure(sentence, surface, value) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.unit) == (surface, d(value), "元")


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "low", "high"),
    [
        ("对罚款50万元（含）以上的案件组织集体讨论。", "50万元（含）以上", 500000, 500000, None),
        ("罚款3万元(含)以下的适用简易程序。", "3万元(含)以下", 30000, None, 30000),
        ("标的额100万元以上（含）的合同须经审核。", "100万元以上（含）", 1000000, 1000000, None),
    ],
)
def test_an_inclusive_bound_keeps_its_direction(sentence, surface, value, low, high) -> None:
    f = only(sentence)
    expected = (surface, d(value), True, low and d(low), high and d(high))
    assert (f.text, f.value, f.approx, f.low, f.high) == expected


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "unit"),
    [
        ("全年辦理案件兩千件。", "兩千件", 2000, "件"),
        ("投入資金三點五億元。", "三點五億元", 350000000, "元"),
        ("培訓幹部1.2萬人次。", "1.2萬人次", 12000, "人次"),
        ("受理申請三百二十個。", "三百二十個", 320, "个"),
        ("辦結事項45項。", "45項", 45, "项"),
    ],
)
def test_traditional_numerals_and_units_are_read(sentence, surface, value, unit) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.unit) == (surface, d(value), unit)


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("收到退款壹仟玖佰圆。", "壹仟玖佰圆", 1900),
        ("罚没款计叁万伍仟元。", "叁万伍仟元", 35000),
        ("退还保证金貳佰元整。", "貳佰元", 200),
    ],
)
def test_financial_capitals_are_read_and_their_unit_is_yuan(sentence, surface, value) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.unit) == (surface, d(value), "元")


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "unit"),
    [
        ("吸引外资2.5亿港元。", "2.5亿港元", 250000000, "港元"),
        ("进出口额3000万美元。", "3000万美元", 30000000, "美元"),
        ("接受捐赠500万日元。", "500万日元", 5000000, "日元"),
        ("合同金额80万欧元。", "80万欧元", 800000, "欧元"),
        ("两岸合作项目金额1200万新台币。", "1200万新台币", 12000000, "新台币"),
    ],
)
def test_a_foreign_currency_is_the_unit(sentence, surface, value, unit) -> None:
    f = only(sentence)
    assert (f.text, f.value, f.unit) == (surface, d(value), unit)


def test_a_homepage_link_is_not_a_count_of_poems() -> None:
    assert texts("发布时间：2025-03-07首页 > 政务公开") == []


def test_words_starting_with_a_capital_numeral_are_not_figures() -> None:
    assert texts("各部门陆续开展培训，伍某某等人参加。") == []


def test_a_share_per_thousand_is_a_rate_with_the_fraction_kept() -> None:
    f = only("案件差错率控制在千分之五以内。")
    assert (f.text, f.value, f.unit, f.fraction, f.high) == ("千分之五以内", d("0.5"), "%", "5/1000", d("0.5"))


def test_a_yuan_sign_before_the_number_makes_it_yuan() -> None:
    f = only("收取服务费￥5,000。")
    assert (f.text, f.value, f.unit) == ("￥5,000", d(5000), "元")


def test_a_label_in_a_traditional_text_stays_in_its_script() -> None:
    f = only("全年辦理行政復議案件1,234件。")
    assert (f.label, f.unit) == ("辦理行政復議案件", "件")


def test_a_small_numeral_after_a_traditional_count_verb_counts() -> None:
    assert texts("舉辦法治培訓班三期。") == ["三期"]


def test_a_traditional_slogan_is_no_figure() -> None:
    assert texts("推進一網通辦，落實一規劃兩綱要。") == []


def test_thousands_of_ten_thousands_below_a_hundred_million_are_one_amount() -> None:
    f = only("项目总投资2亿5千万元。")
    assert (f.text, f.value) == ("2亿5千万元", d(250000000))


def test_after_fenbie_a_full_width_comma_lists_numbers() -> None:
    assert all("，" not in t for t in texts("三个镇的参训人数分别为100，200，300人。"))


@pytest.mark.parametrize(("sentence", "value", "unit"), [("引进资金5000万人民币。", 50000000, "元"),
                                                       ("捐款5万美金。", 50000, "美金")])
def test_currency_names_after_the_number_are_units(sentence, value, unit) -> None:
    f = only(sentence)
    assert (f.value, f.unit) == (d(value), unit)
