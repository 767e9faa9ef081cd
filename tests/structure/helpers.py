"""Small readers over an Outline for the structure tests (fictional 示例县 texts only)."""

from __future__ import annotations

from fazhi.structure import Outline, outline


def headings(o: Outline, level: int | None = None) -> list[str]:
    return [
        s.heading.surface
        for s in o.sections
        if s.heading is not None and (level is None or s.level == level)
    ]


def top_parts(o: Outline) -> list[tuple[str, ...]]:
    return [s.parts for s in o.top]


def sources(o: Outline, part: str) -> list[str]:
    return [m.source for m in o.marks_for(part)]


def check_spans(text: str, o: Outline) -> None:
    """Every span the outline holds must cut its surface out of ``text``."""
    for s in o.sections:
        for span in (s.heading, s.title, s.span, s.body, s.area_evidence, *s.part_evidence):
            if span is not None:
                span.check(text)
    for item in o.items:
        item.lead.check(text)
        item.span.check(text)
    for mark in o.marks:
        mark.span.check(text)
    for unit in o.units:
        unit.span.check(text)
        if unit.evidence is not None:
            unit.evidence.check(text)
    if o.front is not None:
        o.front.check(text)


def read(text: str) -> Outline:
    o = outline(text)
    check_spans(text, o)
    return o
