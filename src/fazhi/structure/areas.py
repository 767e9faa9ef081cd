"""Areas of the 纲要 for the measures, and the units that coverage adds up.

A unit's area is read from its own heading first: reports name the area in the
heading (`(四)行政执法效能不断提高`), while bodies wander across areas. When the
heading names several with equal weight, the body breaks the tie; when it
names none, the body decides; when neither does, the unit is `other`.

Units are the subsections directly under a measures section; where there are
none, its 一是 items; where there are none either, its paragraphs. A
measures section found only by its position (no heading said "measures")
usually *is* an area (`三、深化“放管服”改革`), so its own heading also gets one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from fazhi.core.spans import Span
from fazhi.structure.items import Item
from fazhi.structure.lines import Line
from fazhi.structure.model import AreaUnit, PartMark, Section
from fazhi.structure.rules import StructureRules

# Parts that, named by a subsection of the measures, take it out of the area count.
_NOT_WORK = {"shortcomings", "reasons", "plans", "other"}


@dataclass(frozen=True, slots=True)
class _Score:
    total: int
    first: Span


def area_scores(text: str, start: int, end: int, rules: StructureRules) -> dict[str, _Score]:
    """Weighted, non-overlapping term matches per area in ``text[start:end]``.

    Longer matches are taken first, so `执法监督` is one enforcement term and its
    `监督` is not also an oversight one.
    """
    found = []
    for term in rules.terms:
        for m in term.pattern.finditer(text, start, end):
            if m.end() > m.start():
                found.append((m.start(), m.end(), term.weight, term.area))
    found.sort(key=lambda f: (-(f[1] - f[0]), -f[2], f[0]))
    taken = bytearray(end - start)
    scores: dict[str, _Score] = {}
    for s, e, weight, area in found:
        if any(taken[s - start : e - start]):
            continue
        taken[s - start : e - start] = b"\x01" * (e - s)
        previous = scores.get(area)
        first = Span.of(text, s, e)
        if previous is not None and previous.first.start < s:
            first = previous.first
        scores[area] = _Score((previous.total if previous else 0) + weight, first)
    return scores


def choose_area(
    text: str, head: Span | None, body: Span | None, rules: StructureRules
) -> tuple[str, Span | None]:
    """The area of a unit with heading words ``head`` and text ``body``, and the words that decided it."""
    heads = area_scores(text, head.start, head.end, rules) if head else {}
    bodies = area_scores(text, body.start, body.end, rules) if body else {}
    if heads:
        best = max(s.total for s in heads.values())
        tied = [a for a, s in heads.items() if s.total == best]
        # Body weight first, then whichever the heading names first.
        area = max(
            tied,
            key=lambda a: (bodies[a].total if a in bodies else 0, -heads[a].first.start),
        )
        return area, heads[area].first
    if bodies:
        area = max(bodies, key=lambda a: (bodies[a].total, -bodies[a].first.start))
        return area, bodies[area].first
    return "other", None


def assign_areas(
    text: str,
    sections: list[Section],
    items: list[Item],
    lines: tuple[Line, ...],
    marks: list[PartMark],
    rules: StructureRules,
) -> tuple[list[Section], list[Item], list[AreaUnit]]:
    sections = list(sections)
    items = list(items)
    units: list[AreaUnit] = []
    by_position = {m.section for m in marks if m.source == "fallback" and m.part == "measures"}
    for top in [s for s in sections if s.parent is None and "measures" in s.parts]:
        if top.index in by_position and top.title is not None:
            # Only its own words: `一、2024年主要工作` names no area, whatever its body holds.
            area, evidence = choose_area(text, top.title, None, rules)
            if evidence is not None:
                sections[top.index] = top = replace(top, area=area, area_evidence=evidence)
        # Every item of the measures gets an area, also inside subsections: a
        # subsection on 依法行政 often holds an item on 重大行政决策, and a reviewer
        # asking "is decision-making mentioned at all" needs to see it.
        holders = _work_sections(sections, top)
        item_evidence: dict[int, Span | None] = {}
        for i, item in enumerate(items):
            if item.section in holders:
                area, item_evidence[i] = choose_area(text, item.lead, item.span, rules)
                items[i] = replace(item, area=area)
        if top.children:
            for index in top.children:
                child = sections[index]
                if set(child.parts) & _NOT_WORK:
                    continue
                area, evidence = choose_area(text, child.title, child.body, rules)
                sections[index] = replace(child, area=area, area_evidence=evidence)
                units.append(_unit(area, child.span, index, evidence))
            continue
        own = [i for i, item in enumerate(items) if item.section == top.index]
        if own:
            units += [_unit(items[i].area or "other", items[i].span, top.index, item_evidence[i]) for i in own]
        elif top.area is not None:
            units.append(_unit(top.area, top.span, top.index, top.area_evidence))
        else:
            units += _paragraph_units(text, top, lines, rules)
    return sections, items, units


def _work_sections(sections: list[Section], top: Section) -> set[int]:
    """``top`` and its subsections, minus those a heading gives to another part (`(九)存在的问题`)."""
    found = {top.index}
    stack = list(top.children)
    while stack:
        section = sections[stack.pop()]
        if not set(section.parts) & _NOT_WORK:
            found.add(section.index)
            stack.extend(section.children)
    return found


def _paragraph_units(
    text: str, top: Section, lines: tuple[Line, ...], rules: StructureRules
) -> list[AreaUnit]:
    """Areas paragraph by paragraph, for measures written as plain paragraphs."""
    units = []
    for line in lines:
        start = max(line.start, top.body.start)
        if start >= line.end or not top.body.start <= start < top.body.end:
            continue
        paragraph = Span.of(text, start, min(line.end, top.body.end))
        first_stop = text.find("。", paragraph.start, paragraph.end)
        lead = Span.of(text, paragraph.start, first_stop + 1) if first_stop >= 0 else paragraph
        area, evidence = choose_area(text, lead, paragraph, rules)
        units.append(_unit(area, paragraph, top.index, evidence))
    return units


def _unit(area: str, span: Span, section: int, evidence: Span | None) -> AreaUnit:
    # ``span`` is still cut from the text the outline reads, where furniture is blank.
    return AreaUnit(area, span, section, evidence, sum(1 for ch in span.surface if not ch.isspace()))
