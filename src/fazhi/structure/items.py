"""一是…二是… items: the genre's finest level of enumeration.

They are not headings (they run inside paragraphs, often several per line), but
they carry the same kind of lead clause as a heading, so the parts and areas
layers read them where a section has no subsections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fazhi.core.spans import Span
from fazhi.structure.headings import cn_number
from fazhi.structure.lines import INDENT, rstrip_end

_MARKER = re.compile(r"([一二三四五六七八九十]{1,3})是")
# An item starts a line or follows a stop, a colon or a comma; `统一是…` does not.
_BEFORE = set("。；;：:！？!?，,\n\r") | set(INDENT)
_LEAD_END = "。；;！？!?\n"


@dataclass(frozen=True, slots=True)
class Item:
    ordinal: int
    lead: Span  # `一是深化“放管服”改革。`: the marker to its first stop, included
    span: Span  # the marker to the next item or the end of the section's own text
    section: int  # index of the section whose own text holds it
    area: str | None = None


def find_items(text: str, start: int, end: int, section: int) -> list[Item]:
    """The items in ``text[start:end]`` whose numbers form runs 一是, 二是, …"""
    found: list[tuple[int, int]] = []  # (ordinal, marker start)
    last = 0
    for m in _MARKER.finditer(text, start, end):
        if m.start() > start and text[m.start() - 1] not in _BEFORE:
            continue
        ordinal = cn_number(m.group(1))
        if ordinal == 1 or (last and ordinal == last + 1):
            found.append((ordinal, m.start()))
            last = ordinal
    items = []
    for i, (ordinal, begin) in enumerate(found):
        stop = found[i + 1][1] if i + 1 < len(found) else end
        stop = rstrip_end(text, begin, stop)
        lead_end = begin
        while lead_end < stop and text[lead_end] not in _LEAD_END:
            lead_end += 1
        if lead_end < stop and text[lead_end] != "\n":
            lead_end += 1
        lead_end = rstrip_end(text, begin, lead_end)
        items.append(Item(ordinal, Span.of(text, begin, lead_end), Span.of(text, begin, stop), section))
    return items
