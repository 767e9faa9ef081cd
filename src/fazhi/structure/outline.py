"""outline(text): the report's sections, items, statutory parts and measure areas."""

from __future__ import annotations

from fazhi.core.spans import Span
from fazhi.structure.areas import assign_areas
from fazhi.structure.items import Item, find_items
from fazhi.structure.layout import Draft, lay_out
from fazhi.structure.lines import rstrip_end, split_lines
from fazhi.structure.model import Outline, Section
from fazhi.structure.parts import assign_parts
from fazhi.structure.rules import StructureRules, load_rules


def outline(text: str, rules: StructureRules | None = None) -> Outline:
    """Read the structure of a report.

    ``text`` should be ``Document.masked()``: furniture blanked out, offsets
    unchanged, so a breadcrumb or a 相关信息 trailer is never a heading. Every
    span in the result indexes into ``text``.
    """
    rules = rules or load_rules()
    lines = split_lines(text)
    layout = lay_out(text, lines, rules)
    sections = _build_sections(text, layout.drafts, layout.content_end)
    items = _find_items(text, sections)
    sections, marks = assign_parts(text, sections, items, lines, layout, rules)
    sections, items, units = assign_areas(text, sections, items, lines, marks, rules)
    front = None
    if lines:
        first = lines[0].start
        front_end = rstrip_end(text, first, sections[0].span.start if sections else layout.content_end)
        if front_end > first:
            front = Span.of(text, first, front_end)
    return Outline(
        sections=tuple(sections),
        items=tuple(items),
        marks=tuple(marks),
        units=tuple(units),
        front=front,
        rules_version=rules.version,
        mode=layout.mode,
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
