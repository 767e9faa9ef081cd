"""Each heading form of the genre, on short fictional texts."""

from __future__ import annotations

from importlib import resources

import pytest

from fazhi.structure import parse_rules
from fazhi.structure.headings import cn_number, starts_with_enumerator
from fazhi.structure.layout import lay_out
from fazhi.structure.lines import split_lines
from tests.structure.helpers import headings, read

TITLE = "示例县2024年度法治政府建设情况报告\n"


def test_top_level_cn_headings_are_level_1():
    o = read(TITLE + "一、主要举措和成效\n全年办结案件10件。\n二、存在的不足\n执法力量不足。\n")
    assert headings(o, 1) == ["一、主要举措和成效", "二、存在的不足"]


@pytest.mark.parametrize("open_, close", [("（", "）"), ("(", ")"), ("（", ")"), ("(", "）")])
def test_bracketed_cn_headings_in_any_bracket_pair(open_, close):
    text = TITLE + f"一、主要举措和成效\n{open_}一{close}深化改革\n内容。\n{open_}二{close}规范执法\n内容。\n"
    assert headings(read(text), 2) == [f"{open_}一{close}深化改革", f"{open_}二{close}规范执法"]


def test_heading_running_into_its_paragraph_ends_at_first_full_stop():
    text = TITLE + "一、主要举措和成效\n(一)完善行政决策机制,扎实推进依法行政。一是健全制度。二是落实程序。\n"
    o = read(text)
    assert headings(o, 2) == ["(一)完善行政决策机制,扎实推进依法行政。"]
    section = o.sections[1]
    assert section.body.surface.startswith("一是健全制度")
    assert section.title.surface == "完善行政决策机制,扎实推进依法行政。"


def test_heading_running_into_its_paragraph_after_a_colon():
    o = read(TITLE + "一、主要举措和成效\n(一)行政复议：全年收案35件。\n")
    assert headings(o, 2) == ["(一)行政复议："]


def test_brackets_inside_a_heading_are_kept():
    o = read(TITLE + "一、主要举措和成效\n（一）推进乡镇（街道）综合执法(试点)\n内容。\n")
    assert headings(o, 2) == ["（一）推进乡镇（街道）综合执法(试点)"]


@pytest.mark.parametrize("indent", ["    ", "\u3000\u3000", "\xa0\xa0", "\t"])
def test_indented_headings_start_at_their_enumerator(indent):
    text = TITLE + f"{indent}一、主要举措和成效\n\n{indent}（一）深化改革\n\n{indent}内容。\n"
    o = read(text)
    assert headings(o) == ["一、主要举措和成效", "（一）深化改革"]
    assert o.sections[0].span.start == text.index("一、")


def test_arabic_and_bracketed_arabic_levels_nest_below():
    text = TITLE + (
        "一、主要举措和成效\n（一）规范执法\n1.加强培训。全年培训200人次。\n"
        "（1）分层培训\n（2）考核上岗\n2、推行三项制度\n内容。\n"
    )
    o = read(text)
    assert headings(o, 3) == ["1.加强培训。", "2、推行三项制度"]
    assert headings(o, 4) == ["（1）分层培训", "（2）考核上岗"]
    parents = {
        s.heading.surface: o.sections[s.parent].heading.surface for s in o.sections if s.parent is not None
    }
    assert parents["（2）考核上岗"] == "1.加强培训。"
    assert parents["2、推行三项制度"] == "（一）规范执法"


def test_levels_follow_the_styles_present():
    # Without (一), 1. is the second level.
    o = read(TITLE + "一、主要举措和成效\n1.深化改革\n内容。\n2.规范执法\n内容。\n")
    assert headings(o, 2) == ["1.深化改革", "2.规范执法"]


def test_yi_shi_items_are_items_not_headings():
    text = TITLE + "一、主要举措和成效\n一是深化“放管服”改革。内容。\n二是规范执法,统一标准。三是化解纠纷;内容。\n"
    o = read(text)
    assert headings(o) == ["一、主要举措和成效"]
    assert [i.lead.surface for i in o.items] == ["一是深化“放管服”改革。", "二是规范执法,统一标准。", "三是化解纠纷;"]
    assert all(i.section == 0 for i in o.items)


def test_yi_shi_inside_a_word_is_not_an_item():
    o = read(TITLE + "一、主要举措和成效\n做到标准统一是关键。一是加强培训。\n")
    assert [i.lead.surface for i in o.items] == ["一是加强培训。"]


def test_title_is_not_a_heading():
    o = read("示例县2024年度法治政府建设主要举措和成效的报告\n2024年,示例县扎实推进法治政府建设。\n")
    assert headings(o) == []
    assert o.front is None or "报告" not in "".join(s.span.surface for s in o.sections)


def test_numbered_list_inside_a_paragraph_is_not_a_heading():
    text = TITLE + "一、主要举措和成效\n主要做法有:1.加强培训;2.推行三项制度。(一)不是标题。\n"
    assert headings(read(text)) == ["一、主要举措和成效"]


def test_list_items_on_their_own_lines_ending_with_semicolons_are_not_headings():
    text = TITLE + "一、主要举措和成效\n问题主要有:\n1.执法力量不足;\n2.普法形式单一;\n二、存在的不足\n内容。\n"
    assert headings(read(text)) == ["一、主要举措和成效", "二、存在的不足"]


def test_table_rows_are_not_headings():
    text = TITLE + "一、主要举措和成效\n序号  项目  数量\n1.  行政复议  35件\n2\t行政诉讼\t20件\n二、存在的不足\n内容。\n"
    assert headings(read(text)) == ["一、主要举措和成效", "二、存在的不足"]


def test_numbers_that_are_not_enumerators():
    text = TITLE + "一、主要举措和成效\n3.5万元用于普法。\n2024.3起施行新规。\n十四五规划实施。\n"
    assert headings(read(text)) == ["一、主要举措和成效"]


def test_numbering_must_continue_a_run():
    # A stray `三、` inside the measures and a second `一、` (a quoted list) are not parts.
    text = TITLE + "一、主要举措和成效\n内容。\n三、这是正文的续行\n二、存在的不足\n内容。\n一、引用的清单\n"
    assert headings(read(text), 1) == ["一、主要举措和成效", "二、存在的不足"]


def test_one_skipped_number_is_tolerated():
    text = TITLE + "一、主要举措和成效\n（一）甲项\n（三）乙项\n二、存在的不足\n内容。\n"
    assert headings(read(text), 2) == ["（一）甲项", "（三）乙项"]


def test_sub_numbering_restarts_under_each_parent():
    text = TITLE + "一、主要举措和成效\n（一）甲项\n（二）乙项\n二、2025年工作安排\n（一）丙项\n"
    o = read(text)
    assert headings(o, 2) == ["（一）甲项", "（二）乙项", "（一）丙项"]
    assert o.sections[o.sections[-1].parent].heading.surface == "二、2025年工作安排"


def test_unnumbered_part_lines_are_level_1_headings():
    text = TITLE + "2024年,示例县扎实推进法治政府建设。\n存在的问题\n执法力量不足。\n下一步工作打算\n持续发力。\n"
    o = read(text)
    assert o.mode == "lines"
    assert headings(o, 1) == ["存在的问题", "下一步工作打算"]


def test_sections_nest_and_span_to_the_next_sibling():
    text = TITLE + "一、主要举措和成效\n（一）甲项\n甲的内容。\n（二）乙项\n乙的内容。\n二、存在的不足\n不足的内容。\n"
    o = read(text)
    first, a, b, second = o.sections
    assert first.children == (a.index, b.index) and a.parent == first.index
    assert first.span.surface.endswith("乙的内容。")
    assert a.body.surface == "甲的内容。"
    assert second.span.surface == "二、存在的不足\n不足的内容。"


def test_sign_off_lines_belong_to_no_section():
    text = TITLE + "一、2025年工作安排\n持续发力。\n示例县人民政府\n2025年3月1日\n"
    assert read(text).sections[0].span.surface == "一、2025年工作安排\n持续发力。"


def test_to_json_gives_heading_with_enumerator_and_offsets():
    text = TITLE + "一、主要举措和成效\n（一）深化“放管服”改革\n内容。\n"
    row = read(text).sections[1].to_json()
    assert row == {
        "level": 2,
        "heading": "（一）深化“放管服”改革",
        "offset": text.index("（一）"),
        "length": len("（一）深化“放管服”改革\n内容。"),
        "parts": [],
        "area": "functions",
    }


@pytest.mark.parametrize(
    "numeral, value", [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23), ("一一", 0)]
)
def test_cn_number(numeral, value):
    assert cn_number(numeral) == value


@pytest.mark.parametrize(
    "content, expected",
    [
        ("第一部分 主要举措和成效", True),
        ("第二部分、存在的不足", True),
        ("一、主要举措", True),
        ("（一）深化改革", True),
        ("(1)完善制度", True),
        ("2.规范执法", True),
        ("①健全机制", True),
        ("1.5万元", False),
        ("十四五规划", False),
        ("存在的不足", False),
    ],
)
def test_starts_with_enumerator(content, expected):
    assert starts_with_enumerator(content) is expected


def test_a_part_enumerator_line_is_not_also_an_unnumbered_part_line():
    # A province whose line words match mid-line: `第二部分 存在的不足` (第X部分
    # needs no mark after it) is a numbered heading, not an unnumbered part line too.
    packaged = resources.files("fazhi.structure").joinpath("rules.toml").read_text(encoding="utf-8")
    anchored = r"'^(?:\d{4}年度?)?(?:法治政府建设)?(?:工作)?(?:中)?存在"
    assert anchored in packaged
    rules = parse_rules(packaged.replace(anchored, "'存在", 1))
    text = TITLE + "第一部分 主要举措和成效\n内容。\n第二部分 存在的不足\n执法力量不足。\n"
    layout = lay_out(text, split_lines(text), rules)
    assert layout.mode == "numbered" and layout.part_lines == ()
