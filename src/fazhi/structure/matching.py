"""Searching the part word lists in a stretch of text, giving spans into the text."""

from __future__ import annotations

from collections.abc import Iterable

from fazhi.core.spans import Span
from fazhi.structure.rules import PARTS, StructureRules


def part_hits(
    text: str,
    start: int,
    end: int,
    rules: StructureRules,
    field: str,
    parts: Iterable[str] = PARTS,
) -> list[tuple[str, Span]]:
    """For each part, the first match of its ``field`` patterns in ``text[start:end]``.

    Patterns are searched in the slice, so ``^`` and ``$`` mean the slice's
    own ends (a heading's words, a line's content). Sorted by position, so a
    combined heading lists its parts in the order it names them.
    """
    segment = text[start:end]
    hits = []
    for part in parts:
        for pattern in getattr(rules.parts[part], field):
            m = pattern.search(segment)
            if m and m.end() > m.start():
                hits.append((part, Span.of(text, start + m.start(), start + m.end())))
                break
    hits.sort(key=lambda hit: (hit[1].start, PARTS.index(hit[0])))
    return hits


def is_part_line(content: str, rules: StructureRules) -> bool:
    return any(p.search(content) for part in rules.parts.values() for p in part.line)
