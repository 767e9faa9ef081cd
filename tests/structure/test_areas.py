"""Areas of the 纲要 for the measures, and the coverage table."""

from __future__ import annotations

import pytest

from fazhi.core.spans import Span
from fazhi.structure import AREAS, load_rules
from fazhi.structure.areas import choose_area
from tests.structure.helpers import read

TITLE = "示例县2024年度法治政府建设情况报告\n"


def area_of(heading: str, body: str = "") -> str:
    text = heading + "\n" + body
    head = Span.of(text, 0, len(heading))
    rest = Span.of(text, len(heading) + 1, len(text))
    return choose_area(text, head, rest, load_rules())[0]


@pytest.mark.parametrize(
    "heading, area",
    [
        ("加强党对法治政府建设的领导", "leadership"),
        ("依法全面履行政府职能", "functions"),
        ("持续优化法治化营商环境", "functions"),
        ("完善依法行政制度体系", "rules"),
        ("加强规范性文件监督管理", "rules"),
        ("健全重大行政决策机制", "decisions"),
        ("坚持严格规范公正文明执法", "enforcement"),
        ("提高突发事件依法处置能力", "emergencies"),
        ("依法有效化解社会矛盾纠纷", "disputes"),
        ("加强行政应诉工作", "disputes"),
        ("强化对行政权力的制约和监督", "oversight"),
        ("全面推进政务公开", "oversight"),
        ("加快推进数字法治政府建设", "digital"),
        ("加强政务诚信建设", "credit"),
        ("深入推进法治宣传教育", "publicity"),
    ],
)
def test_area_from_heading_wording(heading, area):
    assert area_of(heading) == area


def test_longest_term_wins_so_enforcement_oversight_is_enforcement():
    assert area_of("健全执法监督体系") == "enforcement"


def test_subject_outweighs_means():
    # `数字赋能` says how, `政府职能转变` says what.
    assert area_of("强化数字赋能,持续推进政府职能转变") == "functions"


def test_heading_outweighs_body():
    assert area_of("规范行政执法", "全年办理行政复议案件35件,调解纠纷120件,化解争议10件。") == "enforcement"


def test_body_breaks_a_tie_in_the_heading():
    assert area_of("规范涉企行政检查", "全年行政检查120次,执法人员持证上岗,严格执法。") == "enforcement"


def test_body_decides_when_the_heading_is_silent():
    assert area_of("（八）其他工作", "全年办理行政复议案件35件。") == "disputes"


def test_nothing_decides_gives_other():
    assert area_of("（八）其他工作", "全年工作取得成效。") == "other"


def measures_text() -> str:
    return TITLE + (
        "一、主要举措和成效\n"
        "（一）深化“放管服”改革\n精简审批材料30%,压缩时限50%。\n"
        "（二）规范行政执法\n开展案卷评查2次。\n"
        "（三）化解矛盾纠纷\n调解纠纷120件。\n"
        "二、存在的问题\n执法力量不足。\n"
        "三、2025年工作安排\n（一）深化行政执法改革\n内容。\n"
    )


def test_only_measures_subsections_get_an_area():
    o = read(measures_text())
    assert [(s.heading.surface, s.area) for s in o.sections if s.level == 2] == [
        ("（一）深化“放管服”改革", "functions"),
        ("（二）规范行政执法", "enforcement"),
        ("（三）化解矛盾纠纷", "disputes"),
        ("（一）深化行政执法改革", None),
    ]
    assert all(s.area is None for s in o.top)


def test_coverage_lists_every_area_with_chars_and_sections():
    o = read(measures_text())
    table = o.coverage()
    assert list(table) == list(AREAS)
    chars = len("（一）深化“放管服”改革精简审批材料30%,压缩时限50%。")
    assert table["functions"] == {"chars": chars, "sections": 1, "figures": 0, "items": 0}
    assert table["emergencies"] == {"chars": 0, "sections": 0, "figures": 0, "items": 0}


def test_coverage_counts_items_mentioning_an_area_inside_another_areas_subsection():
    text = TITLE + (
        "一、主要举措和成效\n（一）完善依法行政制度体系\n一是加强规范性文件审核。二是落实重大行政决策程序。\n"
        "二、存在的问题\n一是执法不规范。\n"
    )
    table = read(text).coverage()
    assert table["rules"]["sections"] == 1 and table["rules"]["items"] == 1
    assert table["decisions"]["sections"] == 0 and table["decisions"]["items"] == 1
    assert table["enforcement"]["items"] == 0  # the shortcomings' items are not measures


def test_coverage_counts_figures_by_offset():
    text = measures_text()
    offsets = [text.index("30%"), text.index("50%"), text.index("2次"), text.index("执法力量")]
    table = read(text).coverage(offsets)
    assert table["functions"]["figures"] == 2
    assert table["enforcement"]["figures"] == 1
    assert sum(row["figures"] for row in table.values()) == 3  # the shortcomings are not measures


def test_items_carry_the_areas_when_the_measures_have_no_subsections():
    text = TITLE + "一、主要举措和成效\n一是深化“放管服”改革。内容。二是规范行政执法。内容。\n二、存在的问题\n内容。\n"
    o = read(text)
    assert [(i.lead.surface, i.area) for i in o.items] == [
        ("一是深化“放管服”改革。", "functions"),
        ("二是规范行政执法。", "enforcement"),
    ]
    assert o.coverage()["functions"]["sections"] == 1


def test_paragraphs_carry_the_areas_when_there_is_nothing_else():
    text = TITLE + "一、主要举措和成效\n全年办理行政复议案件35件。\n开展普法活动120场。\n二、存在的问题\n内容。\n"
    table = read(text).coverage()
    assert table["disputes"]["sections"] == 1 and table["publicity"]["sections"] == 1


def test_a_measures_section_named_only_by_its_area():
    text = TITLE + "一、深化“放管服”改革\n内容。\n二、存在的问题\n内容。\n"
    o = read(text)
    assert o.sections[0].parts == ("measures",)
    assert o.sections[0].area == "functions"
    assert o.coverage()["functions"]["sections"] == 1


def test_a_generic_measures_heading_gets_no_area_from_its_body():
    text = TITLE + "一、2024年主要工作\n（一）规范行政执法\n全年开展普法活动120场,普法宣传。\n"
    o = read(text)
    assert o.sections[0].area is None
    assert o.sections[1].area == "enforcement"


def test_publicity_is_not_a_gangyao_area():
    assert "publicity" not in load_rules().gangyao_areas
    assert "enforcement" in load_rules().gangyao_areas
