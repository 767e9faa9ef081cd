"""The statutory parts (规定 Art. 23) of each top-level section, and parts stated without a heading.

A top-level section's parts come from its own heading (all the parts a heading
names: `存在的不足和原因及2025年的主要安排` is three), from the paragraph that
opened it when it has no heading, or failing both from its position: before
any problems or plans the genre reports the year's work (measures), after
them anything unnamed is `other`.

Then the text is searched for parts present without a heading of their own:
the leaders' duties as a subsection or item of the measures, causes stated
inside the shortcomings (`主要原因是…`), plans in a paragraph opening `下一步,`,
shortcomings in a paragraph opening `虽然…但还存在…不足`. Every find is a
``PartMark`` saying where it came from.
"""

from __future__ import annotations

from dataclasses import replace

from fazhi.core.spans import Span
from fazhi.structure.items import Item
from fazhi.structure.layout import OPENING_PARTS, YEAR, Layout, may_open, opener_hits
from fazhi.structure.lines import Line
from fazhi.structure.matching import part_hits
from fazhi.structure.model import MARK_SOURCES, PartMark, Section
from fazhi.structure.rules import PARTS, StructureRules

_PROBLEMS = {"shortcomings", "reasons"}
_AFTER_WORK = {"shortcomings", "reasons", "plans"}
_WORK = {"measures", "leaders"}


def assign_parts(
    text: str,
    sections: list[Section],
    items: list[Item],
    lines: tuple[Line, ...],
    layout: Layout,
    rules: StructureRules,
) -> tuple[list[Section], list[PartMark]]:
    sections = list(sections)
    marks: list[PartMark] = []
    openers = {d.start: d.opened_by for d in layout.drafts if d.opened_by}
    seen_after_work = False
    for top in [s for s in sections if s.parent is None]:
        found = _own_parts(text, top, openers, rules, layout.year)
        if not found:
            # Nothing named this section: its position decides (see module doc).
            part = "other" if seen_after_work else "measures"
            evidence = top.heading or _first_line(text, top, lines)
            found = [(part, evidence, "fallback")]
        seen_after_work |= any(p in _AFTER_WORK for p, _, _ in found)
        sections[top.index] = replace(
            top, parts=tuple(p for p, _, _ in found), part_evidence=tuple(s for _, s, _ in found)
        )
        marks += [PartMark(p, s, src, top.index) for p, s, src in found]

    for top in [s for s in sections if s.parent is None]:
        marks += _inner_marks(text, sections, items, top, rules)
        marks += _line_marks(text, top, layout, rules)
        marks += _paragraph_marks(text, top, lines, layout, rules)
    return sections, _distinct(marks)


def _distinct(marks: list[PartMark]) -> list[PartMark]:
    """One mark per stretch of words: an item lead that is also a paragraph opener
    counts once, under the more specific source."""
    kept: list[PartMark] = []
    for mark in sorted(marks, key=lambda m: MARK_SOURCES.index(m.source)):
        if not any(
            k.part == mark.part and k.span.start < mark.span.end and mark.span.start < k.span.end
            for k in kept
        ):
            kept.append(mark)
    kept.sort(key=lambda m: (m.span.start, PARTS.index(m.part)))
    return kept


def _own_parts(
    text: str,
    top: Section,
    openers: dict[int, tuple[str, Span] | None],
    rules: StructureRules,
    year: int | None,
) -> list[tuple[str, Span, str]]:
    if top.title is None:
        opened = openers.get(top.span.start)
        return [(opened[0], opened[1], "opener")] if opened else []
    source = "line" if top.kind == "unnumbered" else "heading"
    hits = part_hits(text, top.title.start, top.title.end, rules, "heading")
    named = YEAR.search(top.title.surface)
    if year is not None and named and int(named.group(1)) > year and all(p != "plans" for p, _ in hits):
        # `四、2025年主要举措` / `四、2025年工作`: next year's work is the plans,
        # whatever words the heading uses for it.
        year_span = Span.of(text, top.title.start + named.start(), top.title.start + named.end())
        hits = [(p, s) for p, s in hits if p != "measures"] + [("plans", year_span)]
        hits.sort(key=lambda hit: hit[1].start)
    return [(part, span, source) for part, span in hits]


def _first_line(text: str, section: Section, lines: tuple[Line, ...]) -> Span:
    line = next(ln for ln in lines if ln.start >= section.span.start)
    return Span.of(text, line.start, min(line.end, section.span.end))


def _subtree(sections: list[Section], top: Section) -> list[Section]:
    inside = []
    stack = list(top.children)
    while stack:
        index = stack.pop()
        inside.append(sections[index])
        stack.extend(sections[index].children)
    return sorted(inside, key=lambda s: s.index)


def _inner_marks(
    text: str, sections: list[Section], items: list[Item], top: Section, rules: StructureRules
) -> list[PartMark]:
    """Parts named by the subsections and item leads of the year's-work sections.

    Only there: under the plans, `(一)认真履行第一责任人职责` is a plan, not the
    leaders' part.
    """
    if not set(top.parts) & _WORK:
        return []
    wanted = tuple(
        p
        for p in PARTS
        if p not in top.parts and p != "measures" and (p != "leaders" or "measures" in top.parts)
    )
    marks = []
    inner = _subtree(sections, top)
    for sub in inner:
        if sub.title is None:
            continue
        hits = part_hits(text, sub.title.start, sub.title.end, rules, "subheading", wanted)
        if hits:
            sections[sub.index] = replace(
                sub, parts=tuple(p for p, _ in hits), part_evidence=tuple(s for _, s in hits)
            )
            marks += [PartMark(p, s, "subheading", top.index) for p, s in hits]
    holders = {top.index} | {s.index for s in inner}
    for item in items:
        if item.section in holders:
            hits = part_hits(text, item.lead.start, item.lead.end, rules, "subheading", wanted)
            marks += [PartMark(p, s, "subheading", top.index) for p, s in hits]
    return marks


def _line_marks(text: str, top: Section, layout: Layout, rules: StructureRules) -> list[PartMark]:
    """Unnumbered part lines inside a numbered report's section (`三、…` then a line `原因分析`)."""
    marks = []
    for line in layout.part_lines:
        if top.span.start <= line.start < top.span.end:
            for part, span in part_hits(text, line.start, line.end, rules, "heading"):
                if part not in top.parts:
                    marks.append(PartMark(part, span, "line", top.index))
    return marks


def _paragraph_marks(
    text: str,
    top: Section,
    lines: tuple[Line, ...],
    layout: Layout,
    rules: StructureRules,
) -> list[PartMark]:
    """Openers and body words, read paragraph by paragraph in order.

    Causes are only looked for once problems are on the table (the section is
    about shortcomings, or a paragraph opened them): `原因是` in an account of
    an accident investigation is not the report's self-criticism.
    """
    marks = []
    current = set(top.parts)
    problems = bool(current & _PROBLEMS)
    for line in lines:
        if not top.span.start <= line.start < top.span.end:
            continue
        start = line.start
        if line.start in layout.heading_lines:
            # A run-in heading's paragraph is text too, but it does not open a part.
            start = layout.heading_lines[line.start]
        else:
            allowed = tuple(p for p in OPENING_PARTS if p not in current and may_open(p, current, problems))
            for part, span in opener_hits(text, line, rules, allowed, layout.year):
                marks.append(PartMark(part, span, "opener", top.index))
                current.add(part)
                problems |= part == "shortcomings"
        if problems and start < line.end:
            hits = part_hits(text, start, line.end, rules, "body", ("reasons",))
            marks += [PartMark(p, s, "body", top.index) for p, s in hits]
    return marks
