"""Statutory parts: from headings, combined headings, and parts stated without a heading."""

from __future__ import annotations

import pytest

from tests.structure.helpers import headings, read, sources, top_parts

TITLE = "示例县2024年度法治政府建设情况报告\n"
PREAMBLE = "2024年,示例县坚持以习近平法治思想为指导,扎实推进法治政府建设。\n"


@pytest.mark.parametrize(
    "heading, parts",
    [
        ("一、2024年度推进法治政府建设的主要举措和成效", ("measures",)),
        ("一、推进法治政府建设的主要措施和成效", ("measures",)),
        ("一、工作成效", ("measures",)),
        ("一、党政主要负责人履行推进法治建设第一责任人职责情况", ("leaders",)),
        ("一、强化思想引领,切实履行推进法治政府建设工作职责", ("leaders",)),
        ("一、法治政府建设存在的不足", ("shortcomings",)),
        ("一、存在的问题", ("shortcomings",)),
        ("一、困难和问题", ("shortcomings",)),
        ("一、存在的不足和原因", ("shortcomings", "reasons")),
        ("一、存在的主要问题及原因分析", ("shortcomings", "reasons")),
        ("一、2025年工作安排", ("plans",)),
        ("一、下一步工作打算", ("plans",)),
        ("一、今后工作重点", ("plans",)),
        ("一、其他需要报告的情况", ("other",)),
        ("一、示例县2024年度法治建设荣誉表彰情况", ("other",)),
    ],
)
def test_part_from_heading(heading, parts):
    o = read(TITLE + PREAMBLE + heading + "\n内容。\n")
    assert top_parts(o) == [parts]
    assert all(span.surface in heading for span in o.sections[0].part_evidence)


def test_one_heading_names_several_parts_in_its_order():
    o = read(TITLE + "一、主要举措和成效\n内容。\n二、存在的不足和原因及2025年的主要安排\n内容。\n")
    assert top_parts(o)[1] == ("shortcomings", "reasons", "plans")
    assert [s.surface for s in o.sections[1].part_evidence] == ["不足", "原因", "安排"]


def test_remedies_in_a_shortcomings_heading_are_not_the_measures():
    o = read(TITLE + "一、推进法治政府建设存在的不足、原因和整改措施\n内容。\n")
    assert top_parts(o) == [("shortcomings", "reasons")]


def test_leaders_heading_with_a_measures_tail_is_only_leaders():
    heading = "一、党政主要负责人切实履行推进法治建设第一责任人职责,加强法治政府建设"
    assert top_parts(read(TITLE + heading + "\n内容。\n")) == [("leaders",)]


def test_next_year_heading_is_plans_whatever_words_it_uses():
    text = TITLE + PREAMBLE + "一、2024年主要举措和成效\n2024年内容。\n二、存在的问题\n内容。\n三、2025年主要举措\n内容。\n"
    assert top_parts(read(text)) == [("measures",), ("shortcomings",), ("plans",)]


def test_unnamed_sections_take_their_part_from_their_position():
    text = TITLE + (
        "一、坚持党的领导,统筹推进法治政府建设\n内容。\n二、深化“放管服”改革\n内容。\n"
        "三、存在的问题\n内容。\n四、下一步工作打算\n内容。\n五、结语\n内容。\n"
    )
    o = read(text)
    assert top_parts(o) == [("measures",), ("measures",), ("shortcomings",), ("plans",), ("other",)]
    assert sources(o, "measures") == ["fallback", "fallback"]


def test_causes_stated_inside_the_shortcomings_paragraph():
    text = TITLE + "一、存在的问题\n执法监督机制不够健全,主要原因是专业人才短缺。\n"
    o = read(text)
    assert top_parts(o) == [("shortcomings",)]
    assert [(m.span.surface, m.source) for m in o.marks_for("reasons")] == [("主要原因是", "body")]


def test_a_heading_that_only_promises_causes_has_no_body_evidence():
    text = TITLE + "一、存在的不足和原因\n主要表现在:一是执法不规范;二是普法不深入。\n"
    o = read(text)
    assert "reasons" in o.parts
    assert sources(o, "reasons") == ["heading"]


def test_cause_words_in_the_measures_are_not_causes():
    text = TITLE + "一、主要举措和成效\n查明事故原因是设备老化,依法作出处罚。\n"
    assert "reasons" not in read(text).parts


def test_leaders_duties_in_a_subsection_of_the_measures():
    text = TITLE + (
        "一、主要举措和成效\n（一）党政主要负责人履行推进法治建设第一责任人职责情况\n县委书记带头述法。\n"
        "（二）规范行政执法\n内容。\n二、存在的不足\n内容。\n"
    )
    o = read(text)
    assert top_parts(o) == [("measures",), ("shortcomings",)]
    assert sources(o, "leaders") == ["subheading"]
    assert o.sections[1].parts == ("leaders",)


def test_leaders_duties_in_an_item_of_the_measures():
    text = TITLE + "一、主要举措和成效\n一是党政主要负责人切实履行第一责任人职责。内容。\n"
    assert sources(read(text), "leaders") == ["subheading"]


def test_a_passing_mention_of_leaders_is_not_the_leaders_part():
    text = TITLE + "一、主要举措和成效\n组织法治督察,党政主要负责人年度述法工作实现全覆盖。\n二、存在的问题\n内容。\n"
    assert "leaders" not in read(text).parts


def test_a_plan_to_perform_the_duty_is_not_the_leaders_part():
    text = TITLE + "一、2025年工作安排\n（一）认真履行推进法治建设第一责任人职责\n内容。\n"
    assert "leaders" not in read(text).parts


def test_plans_in_a_paragraph_opening_xiayibu_after_the_shortcomings():
    text = TITLE + "一、存在的问题\n执法力量不足。\n下一步,我们将持续加强执法队伍建设。\n"
    o = read(text)
    assert top_parts(o) == [("shortcomings",)]
    assert [(m.span.surface, m.source) for m in o.marks_for("plans")] == [("下一步,", "opener")]


def test_xiayibu_closing_a_measure_is_not_the_plans():
    text = TITLE + "一、主要举措和成效\n（一）规范行政执法\n全年培训200人次。\n下一步,将继续加强培训。\n"
    assert "plans" not in read(text).parts


def test_shortcomings_paragraph_at_the_end_of_the_measures():
    text = TITLE + "一、主要举措和成效\n内容。\n虽然取得了一定成效,但仍存在一些不足。\n二、2025年工作安排\n内容。\n"
    o = read(text)
    assert sources(o, "shortcomings") == ["opener"]
    assert o.marks_for("shortcomings")[0].section == 0


def test_answering_the_problems_is_not_stating_them():
    text = TITLE + "一、2025年工作安排\n针对存在的问题,我们将持续发力。\n"
    assert "shortcomings" not in read(text).parts


def test_unnumbered_part_lines():
    text = TITLE + PREAMBLE + "存在的问题\n执法力量不足。\n下一步工作打算\n持续发力。\n"
    o = read(text)
    assert o.mode == "lines"
    assert top_parts(o) == [("measures",), ("shortcomings",), ("plans",)]
    assert o.sections[0].heading is None  # the measures carry no heading of their own
    assert o.sections[0].span.surface == PREAMBLE.strip()


def test_unnumbered_parts_opened_by_paragraphs_only():
    text = TITLE + PREAMBLE + (
        "全年办理行政复议案件35件。\n"
        "虽然取得了一定成效,但与上级要求相比还存在差距。究其原因,是基层力量不足。\n"
        "2025年,我们将继续深化法治政府建设。\n"
    )
    o = read(text)
    assert o.mode == "implicit"
    assert top_parts(o) == [("measures",), ("shortcomings",), ("plans",)]
    assert [s.heading for s in o.sections] == [None, None, None]
    assert o.sections[2].span.surface == "2025年,我们将继续深化法治政府建设。"
    assert [m.span.surface for m in o.marks_for("reasons")] == ["究其原因"]


def test_year_led_sentence_in_the_measures_is_not_a_plan():
    # `将` here is "把": the report's own year puts something somewhere, it plans nothing.
    text = TITLE + PREAMBLE + "2024年,示例县将法治建设纳入考核。\n存在的问题\n内容。\n"
    assert top_parts(read(text)) == [("measures",), ("shortcomings",)]


def test_numbered_areas_without_parts_nest_under_an_implicit_measures_part():
    text = TITLE + PREAMBLE + (
        "（一）深化“放管服”改革\n内容。\n（二）规范行政执法\n内容。\n"
        "虽然取得了一定成效,但仍存在短板。\n下一步,我们将持续发力。\n"
    )
    o = read(text)
    assert top_parts(o) == [("measures",), ("shortcomings",), ("plans",)]
    assert headings(o, 2) == ["（一）深化“放管服”改革", "（二）规范行政执法"]
    assert [o.sections[i].area for i in o.sections[0].children] == ["functions", "enforcement"]


def test_parts_mapping_collects_every_evidence_in_text_order():
    text = TITLE + "一、主要举措和成效\n内容。\n二、存在的问题\n主要原因是人才短缺。\n三、2025年工作安排\n内容。\n"
    o = read(text)
    assert list(o.parts) == ["measures", "shortcomings", "reasons", "plans"]
    assert [s.surface for s in o.parts["reasons"]] == ["主要原因是"]
