"""Mapping figures to catalog indicators."""

from __future__ import annotations

import pytest

from fazhi.figures.catalog import catalog
from fazhi.figures.mapping import fits, map_figure
from tests.figures.helpers import figures


def indicators(text: str) -> list[str | None]:
    return [f.indicator for f in figures(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年累计受理行政复议案件66件,其中涉企行政复议案件9件。",
         ["disputes.reconsideration_received", "disputes.reconsideration_enterprise"]),
        ("全年新收行政复议案件1472件,同比增长146.57%。",
         ["disputes.reconsideration_received", "disputes.reconsideration_change"]),
        ("行政机关负责人出庭应诉率达100%。", ["disputes.court_appearance_rate"]),
        ("全年收到复议申请138件,立案受理135件,不予受理3件。",
         ["disputes.reconsideration_applications", "disputes.reconsideration_filed",
          "disputes.reconsideration_rejected"]),
        ("收到行政复议申请58件,受理52件。",
         ["disputes.reconsideration_applications", "disputes.reconsideration_received"]),
        ("全县持证执法人员1046人,全年培训执法人员2300余人次。",
         ["enforcement.officers_certified", "enforcement.officers"]),
        ("办理人大代表建议195件、政协提案329件。", ["oversight.npc_suggestions", "oversight.cppcc_proposals"]),
        ("主动公开政府信息8311条,受理政府信息公开申请22件。",
         ["oversight.proactive_disclosure", "oversight.disclosure_requests"]),
        ("办理法律援助案件968件,挽回经济损失350.42万元。",
         ["disputes.legal_aid_cases", "disputes.losses_recovered"]),
        ("开展各类普法宣传活动700余场次,发放宣传资料36000余份。",
         ["publicity.campaigns", "publicity.materials"]),
        ("受理行政许可22987件,作出行政许可22890件,不予许可97件。",
         ["enforcement.licenses_accepted", "enforcement.licenses_granted", "enforcement.licenses_denied"]),
        ("精简申请材料32%。", ["functions.material_reduction"]),
        ("撤销执法队伍26支,保留60支。", ["enforcement.teams", "enforcement.teams"]),
    ],
)
def test_mapping(sentence: str, expected: list[str]) -> None:
    figs = figures(sentence)
    assert [f.indicator for f in figs] == expected
    assert all(f.variant for f in figs)


def test_a_rate_never_lands_in_a_count_column() -> None:
    rate = catalog().get("disputes.court_appearance_rate")
    count = catalog().get("disputes.reconsideration_received")
    assert fits(rate, "%", None) and not fits(rate, "件", None)
    assert fits(count, "件", None) and not fits(count, "%", None)


def test_a_change_never_lands_in_a_level_column() -> None:
    rate = catalog().get("disputes.litigation_loss_rate")
    change = catalog().get("disputes.litigation_loss_rate_change")
    assert not fits(rate, "%", "decrease") and fits(change, "%", "decrease")
    assert not fits(change, "%", None)


def test_awards_are_not_counts_of_the_thing() -> None:
    assert indicators("其中1起行政复议案件被评为优秀典型案例。") != ["disputes.reconsideration_received"]


def test_counting_fields_maps_nothing() -> None:
    assert indicators("细化33个行政执法领域行政裁量基准2905条。") == [
        None, "enforcement.discretion_benchmarks"]


def test_borrowed_terms_need_an_own_term() -> None:
    cat = catalog()
    assert map_figure("办理", "件", None, "行政复议", cat) is None
    m = map_figure("不予受理", "件", None, "收到行政复议申请138件,", cat)
    assert m is not None and m.indicator == "disputes.reconsideration_rejected" and m.borrowed


def test_unmapped_figures_keep_their_label() -> None:
    f = figures("收到当事人赠送锦旗20面。")[0]
    assert f.indicator is None and f.label == "收到当事人赠送锦旗"


def test_parts_never_share_their_wholes_column() -> None:
    figs = figures("全市受理法律援助案件共3721件,包括刑事3016件、民事704件、行政1件。")
    assert figs[0].indicator == "disputes.legal_aid_cases"
    assert [f.indicator for f in figs[1:]] == [None, None, None]


def test_the_nearer_borrowed_term_wins() -> None:
    text = "对涉及经营者经营活动的规范性文件以及政策措施严格进行公平竞争审查,全年审查16件。"
    assert indicators(text) == ["functions.fair_competition_reviews"]


def test_words_that_only_resemble_an_indicator() -> None:
    # beneficiaries are not registrations; consumer complaints are not complaints about enforcement
    assert indicators("为企业减税降费2.35亿元,惠及市场主体近1.8万户。") == ["functions.tax_relief", None]
    assert indicators("12315平台受理消费投诉举报2.3万件。") == [None]
    assert indicators("公布行政执法监督投诉举报渠道,受理投诉举报案件1件,办结1件。") == [
        "enforcement.complaints", "enforcement.complaints"]


def test_cleanup_outcomes_have_their_own_columns() -> None:
    text = "对行政规范性文件进行全面清理,决定保留23件、宣布失效21件、决定废止9件。"
    assert indicators(text) == ["rules.normative_docs_retained", "rules.normative_docs_invalidated",
                                "rules.normative_docs_repealed"]


def test_an_absolute_change_is_not_a_level() -> None:
    # 减少20项 says by how much the devolved items fell, not how many there are.
    f = figures("赋权后乡镇承接的执法事项平均减少20项。")[0]
    assert (f.compare, f.indicator) == ("decrease", None)


def test_one_term_in_two_columns_is_told_apart_by_unit() -> None:
    # 涉特殊主体 is a variant of both the count and the amount indicator: the unit decides.
    counted, amount = figures("执结涉特殊主体案件12件,涉特殊主体案件执行金额1.2亿元。")
    assert counted.indicator == "credit.government_cases_executed"
    assert amount.indicator == "credit.execution_amount"
