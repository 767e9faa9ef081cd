"""The records of the structure layer: sections, part evidence, area units, the outline."""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from fazhi.core.spans import Span
from fazhi.structure.items import Item
from fazhi.structure.rules import AREAS, PARTS, StructureRules

# Where a part's evidence was found. The review layer needs the difference: a
# heading that promises 原因 is not a cause stated in the text.
MARK_SOURCES = (
    "heading",  # the words of a top-level heading
    "line",  # an unnumbered line such as `存在的问题`
    "subheading",  # a lower heading or an 一是 item lead (leaders' duties inside the measures)
    "opener",  # the start of a paragraph (`下一步,` / `虽然…但还存在…不足`)
    "body",  # words inside the paragraphs (`主要原因是`)
    "fallback",  # nothing said it; the section's position did (see parts.py)
)


@dataclass(frozen=True, slots=True)
class PartMark:
    part: str
    span: Span
    source: str
    section: int  # index of the top-level section holding the evidence


@dataclass(frozen=True, slots=True)
class Section:
    index: int
    level: int
    kind: str  # "numbered" | "unnumbered" (a heading line without enumerator) | "implicit" (no heading)
    style: str | None  # enumerator style, see headings.STYLES
    heading: Span | None  # as printed, enumerator included; None for an implicit part
    title: Span | None  # the heading's words without the enumerator
    span: Span  # heading and body
    body: Span
    parent: int | None
    children: tuple[int, ...] = ()
    parts: tuple[str, ...] = ()
    part_evidence: tuple[Span, ...] = ()
    area: str | None = None
    area_evidence: Span | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "level": self.level,
            "heading": self.heading.surface if self.heading else None,
            "offset": self.span.start,
            "length": self.span.length,
            "parts": list(self.parts),
            "area": self.area,
        }


@dataclass(frozen=True, slots=True)
class AreaUnit:
    """The smallest stretch of the measures given one area: a subsection, else an
    一是 item, else a paragraph. Coverage adds these up, so no text counts twice."""

    area: str
    span: Span
    section: int
    evidence: Span | None  # the words that decided the area; None when nothing did ("other")
    # Non-blank characters of the span in the text the outline read: page
    # furniture inside the unit (blanked there) is not report text.
    chars: int


@dataclass(frozen=True)
class Outline:
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    marks: tuple[PartMark, ...]
    units: tuple[AreaUnit, ...]
    front: Span | None  # title lines and preamble before the first section
    mode: str  # how the parts are marked: "numbered" | "lines" | "implicit" (see layout.py)
    # The word lists that decided parts and areas; later stages that read the
    # outline (the review) use these, not the packaged ones.
    rules: StructureRules = field(repr=False, compare=False)
    parts: Mapping[str, tuple[Span, ...]] = field(init=False)

    def __post_init__(self) -> None:
        by_part = {p: tuple(m.span for m in self.marks if m.part == p) for p in PARTS}
        object.__setattr__(self, "parts", MappingProxyType({p: s for p, s in by_part.items() if s}))

    @property
    def rules_version(self) -> str:
        return self.rules.version

    @property
    def top(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.parent is None)

    def marks_for(self, part: str) -> tuple[PartMark, ...]:
        return tuple(m for m in self.marks if m.part == part)

    def coverage(self, figure_offsets: Sequence[int] = ()) -> dict[str, dict[str, int]]:
        """Area -> measures text given to it: ``chars`` (whitespace and page furniture not counted),
        ``sections`` (units, see ``AreaUnit``), ``figures``, and ``items``.

        Every area is listed, so an area the report never mentions shows as zeros.
        ``figure_offsets`` are the start offsets of figures found by the figures
        layer; a figure counts for the unit whose span holds it. ``items`` counts
        the 一是 items of the measures by their own area, also those inside a
        subsection given to another area: an area can be mentioned without a
        section of its own.
        """
        offsets = sorted(figure_offsets)
        table = {a: {"chars": 0, "sections": 0, "figures": 0, "items": 0} for a in AREAS}
        for unit in self.units:
            row = table[unit.area]
            row["chars"] += unit.chars
            row["sections"] += 1
            row["figures"] += bisect.bisect_left(offsets, unit.span.end) - bisect.bisect_left(
                offsets, unit.span.start
            )
        for item in self.items:
            if item.area is not None:
                table[item.area]["items"] += 1
        return table

    def to_json(self) -> list[dict[str, object]]:
        return [s.to_json() for s in self.sections]
