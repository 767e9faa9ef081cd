"""The outline reads the masked, folded text and quotes the source.

Full-width digits (`２０２４年`) read as their ASCII twins; every span is cut
from ``source`` (``Document.text``), so page furniture inside a section is
quoted as printed, not as the blanks the masked text holds.
"""

from __future__ import annotations

import pytest

from fazhi.core.errors import SpanError
from fazhi.core.spans import NoiseSpan, Span, mask
from fazhi.structure import outline
from tests.structure.helpers import check_spans, read, top_parts

FULL = str.maketrans("0123456789", "０１２３４５６７８９")

NUMBERED = (
    "示例县2024年度法治政府建设情况报告\n"
    "2024年,示例县坚持以习近平法治思想为指导,扎实推进法治政府建设。\n"
    "一、2024年主要举措和成效\n2024年办理案件35件。\n"
    "二、存在的问题\n基层力量不足。\n"
    "三、2025年主要举措\n2025年继续推进。\n"
)
IMPLICIT = (
    "示例县2024年度法治政府建设情况报告\n"
    "2024年,示例县扎实推进法治政府建设,2024年办理案件35件,2024年公布决策6项。\n"
    "虽然取得一定成效,但还存在基层执法力量不足等问题。\n"
    "2025年,我县将继续深化行政执法改革。\n"
)


def test_a_full_width_next_year_heading_is_the_plans():
    text = NUMBERED.translate(FULL)
    assert top_parts(read(text)) == top_parts(read(NUMBERED)) == [("measures",), ("shortcomings",), ("plans",)]


def test_full_width_headings_are_quoted_as_printed():
    o = read(NUMBERED.translate(FULL))
    assert o.top[2].heading.surface == "三、２０２５年主要举措"
    (plans,) = [m for m in o.marks if m.part == "plans"]
    assert plans.span.surface == "２０２５年"


@pytest.mark.parametrize("digits", [None, FULL], ids=["ascii", "full-width"])
def test_a_year_led_opener_opens_the_plans_only_for_a_later_year(digits):
    # `2024年,我县将…` after the problems is about the year under report, not a plan.
    this_year = IMPLICIT.replace("2025年,我县将", "2024年,我县将")
    later, same = (IMPLICIT.translate(digits), this_year.translate(digits)) if digits else (IMPLICIT, this_year)
    assert [m.source for m in read(later).marks_for("plans")] == ["opener"]
    assert read(later).marks_for("plans")[0].span.surface.startswith("2025年".translate(digits or {}))
    assert read(same).marks_for("plans") == ()


FOOTER = "第3页 共5页"
WITH_FOOTER = (
    "示例县2024年度法治政府建设情况报告\n"
    "一、主要举措和成效\n"
    "(一)深化“放管服”改革。全年办理政务服务事项12万件,\n"
    f"{FOOTER}\n"
    "同比增长8%。一是精简审批。二是优化服务。\n"
    "二、存在的问题\n基层力量不足。\n"
)


def _with_footer() -> tuple[str, str]:
    start = WITH_FOOTER.index(FOOTER)
    noise = NoiseSpan(Span.of(WITH_FOOTER, start, start + len(FOOTER)), "page_number")
    return WITH_FOOTER, mask(WITH_FOOTER, (noise,))


def test_every_span_quotes_the_source_when_furniture_sits_inside_a_section():
    source, masked = _with_footer()
    o = outline(masked, source=source)
    check_spans(source, o)
    measures = o.top[0]
    assert FOOTER in measures.span.surface and FOOTER in measures.body.surface
    assert FOOTER in o.sections[measures.children[0]].span.surface
    assert o.front is not None and o.front.surface == "示例县2024年度法治政府建设情况报告"


def test_the_structure_is_read_from_the_masked_text_whatever_the_source_says():
    source, masked = _with_footer()
    quoted, plain = outline(masked, source=source), outline(masked)
    assert [(s.span.start, s.span.end, s.parts, s.area) for s in quoted.sections] == [
        (s.span.start, s.span.end, s.parts, s.area) for s in plain.sections
    ]
    assert FOOTER not in plain.top[0].span.surface  # without a source, the masked text is quoted


def test_furniture_inside_a_unit_is_not_counted_as_report_text():
    source, masked = _with_footer()
    o = outline(masked, source=source)
    (unit,) = o.units
    assert FOOTER in unit.span.surface
    assert unit.chars == sum(1 for ch in masked[unit.span.start : unit.span.end] if not ch.isspace())
    assert o.coverage()[unit.area]["chars"] == unit.chars == outline(masked).coverage()[unit.area]["chars"]


def test_a_source_of_another_length_is_refused():
    with pytest.raises(SpanError):
        outline("一、主要举措和成效\n内容。\n", source="一、主要举措和成效\n")


def test_the_outline_keeps_the_rules_that_built_it():
    from fazhi.structure import load_rules

    rules = load_rules()
    o = outline(NUMBERED, rules)
    assert o.rules is rules and o.rules_version == rules.version
