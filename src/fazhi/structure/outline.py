"""outline(text): the report's sections, items, statutory parts and measure areas."""

from __future__ import annotations

from dataclasses import replace

from fazhi.core.errors import SpanError
from fazhi.core.fold import fold
from fazhi.core.spans import Span
from fazhi.structure.areas import assign_areas
from fazhi.structure.items import Item, find_items
from fazhi.structure.layout import Draft, lay_out
from fazhi.structure.lines import rstrip_end, split_lines
from fazhi.structure.model import Outline, Section
from fazhi.structure.parts import assign_parts
from fazhi.structure.rules import StructureRules, load_rules


def outline(text: str, rules: StructureRules | None = None, *, source: str | None = None) -> Outline:
    """Read the structure of a report.

    ``text`` should be ``Document.masked()``: furniture blanked out, offsets
    unchanged, so a breadcrumb or a 相关信息 trailer is never a heading. It is
    read with look-alikes folded (``fazhi.core.fold``: `２０２４年` reads as
    `2024年`, ⻄ as 西), which keeps offsets too.

    Every span in the result is cut from ``source`` when given, else from
    ``text``. Pass ``source=Document.text`` (of the same length) so that the
    spans quote the document: cut from the masked text, a section holding a
    page footer would quote blanks where the footer is.
    """
    if source is not None and len(source) != len(text):
        raise SpanError(f"原文长度 {len(source)} 与遮蔽后的文本长度 {len(text)} 不一致")
    rules = rules or load_rules()
    reading = fold(text)
    lines = split_lines(reading)
    layout = lay_out(reading, lines, rules)
    sections = _build_sections(reading, layout.drafts, layout.content_end)
    items = _find_items(reading, sections)
    sections, marks = assign_parts(reading, sections, items, lines, layout, rules)
    sections, items, units = assign_areas(reading, sections, items, lines, marks, rules)
    front = None
    if lines:
        first = lines[0].start
        front_end = rstrip_end(reading, first, sections[0].span.start if sections else layout.content_end)
        if front_end > first:
            front = Span.of(reading, first, front_end)
    result = Outline(
        sections=tuple(sections),
        items=tuple(items),
        marks=tuple(marks),
        units=tuple(units),
        front=front,
        mode=layout.mode,
        rules=rules,
    )
    quoted = text if source is None else source
    return result if quoted is reading else _cut_from(quoted, result)


def _cut_from(text: str, o: Outline) -> Outline:
    """``o`` with every span re-cut from ``text``: same offsets, the surfaces of ``text``."""

    def cut(span: Span) -> Span:
        return Span.of(text, span.start, span.end)

    def maybe(span: Span | None) -> Span | None:
        return None if span is None else cut(span)

    return replace(
        o,
        sections=tuple(
            replace(
                s,
                heading=maybe(s.heading),
                title=maybe(s.title),
                span=cut(s.span),
                body=cut(s.body),
                part_evidence=tuple(cut(e) for e in s.part_evidence),
                area_evidence=maybe(s.area_evidence),
            )
            for s in o.sections
        ),
        items=tuple(replace(i, lead=cut(i.lead), span=cut(i.span)) for i in o.items),
        marks=tuple(replace(m, span=cut(m.span)) for m in o.marks),
        units=tuple(replace(u, span=cut(u.span), evidence=maybe(u.evidence)) for u in o.units),
        front=maybe(o.front),
    )


def _build_sections(text: str, drafts: tuple[Draft, ...], content_end: int) -> list[Section]:
    """Ends, parents and children from the ordered section starts.

    A section runs until the next one at its level or above; the tree follows
    from an open-section stack, so a `1.` directly under `四、` hangs from `四、`
    even though earlier `(一)`s sit between them in the text.
    """
    ordered = sorted(drafts, key=lambda d: d.start)
    ends = []
    for i, draft in enumerate(ordered):
        end = next((d.start for d in ordered[i + 1 :] if d.level <= draft.level), content_end)
        end = max(min(end, content_end), draft.heading_end or draft.start)
        ends.append(rstrip_end(text, draft.start, end))
    parents: list[int | None] = []
    stack: list[int] = []
    for i, draft in enumerate(ordered):
        while stack and ordered[stack[-1]].level >= draft.level:
            stack.pop()
        parents.append(stack[-1] if stack else None)
        stack.append(i)
    children: list[list[int]] = [[] for _ in ordered]
    for i, parent in enumerate(parents):
        if parent is not None:
            children[parent].append(i)
    sections = []
    for i, draft in enumerate(ordered):
        end = ends[i]
        heading = title = None
        body_start = draft.start
        if draft.heading_end is not None:
            heading = Span.of(text, draft.start, draft.heading_end)
            title = Span.of(text, draft.title_start, draft.heading_end)
            body_start = draft.heading_end
        while body_start < end and text[body_start].isspace():
            body_start += 1
        sections.append(
            Section(
                index=i,
                level=draft.level,
                kind=draft.kind,
                style=draft.style,
                heading=heading,
                title=title,
                span=Span.of(text, draft.start, end),
                body=Span.of(text, body_start, end),
                parent=parents[i],
                children=tuple(children[i]),
            )
        )
    return sections


def _find_items(text: str, sections: list[Section]) -> list[Item]:
    """Items in each section's own text: from its body start to its first subsection."""
    items: list[Item] = []
    for section in sections:
        stop = sections[section.children[0]].span.start if section.children else section.span.end
        items += find_items(text, section.body.start, stop, section.index)
    return items
