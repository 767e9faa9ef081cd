"""What looks like a quantity but is not a figure."""

from __future__ import annotations

import pytest

from fazhi.figures.blocked import block
from tests.figures.helpers import d, figures, only, texts


@pytest.mark.parametrize(
    "sentence",
    [
        # dates and years
        "2024年,孝义市坚持以习近平法治思想为指导。",
        "将每年11月1日确立为民营企业家日。",
        "2023年6月,海原县被评定为先进。",
        "发布日期: 2025-03-11 15:11:43",
        "组织对2013年至2022年的文件进行清理。",
        "《法治政府建设实施纲要(2021—2025年)》",
        # document numbers
        "鞍委〔2024〕17号",
        "印发《通知》(国办发〔2023〕5号)。",
        # ordinals
        "被推荐为第三批全国法治政府示范创建候选市。",
        "在市委七届六次全会上作出部署。",
        "深入学习党的二十大和二十届三中全会精神。",
        "被评定为三等奖。",
        "省交办前两批台账。",
        "一审行政案件。",
        "制定《包容免罚事项清单(第三版)》。",
        # list markers
        "一是深化改革。二是优化环境。",
        "(一)统筹推进法治政府建设。",
        # slogans and names with numerals
        "推进一件事一次办改革。",
        "全面落实三重一大事项法治审查制度。",
        "完成一规划两纲要中期评估。",
        "深入开展八五普法。",
        "连续实现“十个百分百、五个为零”目标。",
        "推动四所一庭联动化解矛盾纠纷。",
        "制定一基准四清单。",
        "探索构建“1+1+3+6+N”的普法宣传新模式,每月开展“1”期大讲堂。",
        "建立“2+2+1”评审团。",
        "开通12345政务服务便民热线和12348公共法律服务热线。",
        "运用13710督办系统。",
        "开展4·15全民国家安全教育日活动。",
        "落实三项制度。",
        "推进双随机、一公开监管。",
        "编制涉企行政处罚“三张清单”。",
        "全市刑事警情实现“五连降”。",
        "已落实“一日办结、零成本”。",
        "落实“依法行政·码上监督”十条措施要求。",
        "建立“八制统揽、11370”信访工作制度。",
        # tiers and equipment specs
        "清理公布市县两级行政许可事项清单。",
        "全面建成四级社会矛盾纠纷调处化解平台。",
        "新购买72米登高平台消防车。",
        # framing, not results
        "举办为期5天的专题培训。",
        # small Chinese numerals inside names
        "坚持两个毫不动摇。",
        "通过一个窗口流转闭环式审批。",
        "政务公开和征地拆迁两个方面。",
        # latin neighbours
        "开展政务外网+5G试点。",
    ],
)
def test_not_a_figure(sentence: str) -> None:
    assert texts(sentence) == []


def test_exclusions_do_not_hide_neighbouring_figures() -> None:
    assert texts("“12345”政府热线平台受理诉求97.2万件。") == ["97.2万件"]
    assert texts("推进“一件事一次办”,梳理11个主题的21件事项。") == ["11个", "21件"]
    assert texts("新增市场主体2000家以上。") == ["2000家以上"]


@pytest.mark.parametrize(
    "sentence",
    ["全省排名前3名。", "实施3年行动计划。", "二零二三年工作总结。", "二〇二三年,全县共办理。", "第1名。",
     "联系电话0951-1234567。", "比例为1:50。", "建党100周年。"],
)
def test_more_non_figures(sentence: str) -> None:
    assert texts(sentence) == []


def test_a_hotline_number_inside_a_longer_number_is_not_a_slogan() -> None:
    # found by the property test: 12348 is a hotline, 0.012348 is not
    assert texts("兑现资金0.012348元,") == ["0.012348元"]
    assert texts("受理112345件。") == ["112345件"]
    assert texts("兑现资金12348.000001元,") == ["12348.000001元"]


def test_hotline_digits_are_a_figure_when_they_count() -> None:
    assert texts("全年受理12345件。") == ["12345件"]
    assert texts("拨打12345热线、12348法律服务热线、13710督办系统。") == []


# Local slogans are not listed: a quotation, a discourse enumerator or the
# Chinese-numeral rule keeps them out, and the same words outside those shapes count.


def test_a_count_of_documents_outside_quotes_is_a_figure() -> None:
    f = only("我县印发三个文件。")
    assert (f.text, f.value, f.unit) == ("三个", d(3), "个")
    assert "文件" in (f.label or "")
    assert texts("我县印发了三个文件。") == ["三个"]
    assert [f.value for f in figures("出台十条措施。")] == [d(10)]


def test_the_same_words_inside_quotes_are_a_name() -> None:
    assert texts("推动自治区法治政府建设“三个文件”宣传贯彻。") == []
    assert texts("持续推进“三化三制”改革。") == []
    assert texts("深入实施“八个一”专项行动。") == []


def test_small_chinese_numerals_count_only_after_a_counting_word() -> None:
    # 落实/坚持 take policies and slogans; 一 after a verb is an article.
    assert texts("落实两个责任。") == []
    assert texts("落实十条措施要求。") == []
    assert texts("建成一个中心。") == []
    assert texts("自治区法治政府建设三个文件精神。") == []


@pytest.mark.parametrize(
    "sentence",
    ["主要存在以下三个方面的问题。", "工作中还有以下3个方面的不足。", "从两个方面入手。", "政务公开、征地拆迁两个方面。",
     "在制度和执行两个层面发力。"],
)
def test_discourse_enumerators_are_not_figures(sentence: str) -> None:
    assert texts(sentence) == []


def test_a_counted_aspect_after_a_verb_stays_a_figure() -> None:
    assert texts("权责清单涵盖12个方面。") == ["12个"]


@pytest.mark.parametrize("sentence", ["持续推进三化三制改革。", "全面推行一人一档管理。", "推行一局一策帮扶。"])
def test_a_numeral_repeated_one_word_apart_is_a_slogan(sentence: str) -> None:
    assert texts(sentence) == []


def test_the_repeated_numeral_rule_names_itself_and_spares_numerals_and_times() -> None:
    text = "累计建立一人一档。"
    assert block(text).why(text.index("一人"), text.index("一人") + 1) == "repeated_numeral_slogan"
    assert texts(text) == []
    assert texts("全年共一十一元。") == ["一十一元"]
    assert "两年" in texts("连续两年两次获评。")
