"""Quotes of the report at evidence spans: what the letter shows its reader.

A span of two characters (a heading's 原因) says nothing on its own, so a quote
widens it to the surrounding clause of the same line; a span of a whole
paragraph is cut in the middle. The evidence itself is kept verbatim so the
reader can find it in the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from fazhi.letters.model import Quote

CONTEXT = 28  # characters of context on each side of a short span
LONG = 90  # a span longer than this is shown as its head … its tail
HEAD, TAIL = 48, 24
HEADING_MAX = 24  # a section heading named in 见“…” is cut to this
# Where a clause ends: context stops there rather than mid-clause.
_CLAUSE_END = "\u3002\uff1b;\uff01!\uff1f?"  # 。;!? in both widths
# Where a clause ends or pauses: a quote cut short is cut at one of these, never mid-word.
_PAUSE = _CLAUSE_END + "\uff0c,\u3001\uff1a:"  # also ,、:
_SPACES = re.compile(r"[\s\u3000\xa0]+")
SLACK = 24  # how far past its nominal length a cut may move to reach a pause


def quote_spans(
    text: str,
    evidence: Iterable[Mapping[str, int]],
    sections: Sequence[Mapping],
    limit: int,
) -> tuple[tuple[Quote, ...], int]:
    """Quotes of up to ``limit`` spans (overlapping ones merged away), and how many were left out."""
    spans = sorted(
        (int(e["offset"]), int(e["offset"]) + int(e["length"]))
        for e in evidence
        if 0 <= int(e["offset"]) and int(e["length"]) > 0 and int(e["offset"]) + int(e["length"]) <= len(text)
    )
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        # Two spans a few characters apart would show the same context twice.
        if kept and start < kept[-1][1] + CONTEXT:
            continue
        kept.append((start, end))
    quotes = tuple(quote(text, start, end, sections) for start, end in kept[:limit])
    return quotes, len(kept) - len(quotes)


def quote(text: str, start: int, end: int, sections: Sequence[Mapping] = ()) -> Quote:
    where = _section_of(start, end, sections)
    if end - start > LONG:
        head = _pause_before(text, start + HEAD // 2, start + HEAD + SLACK) or start + HEAD
        tail = _pause_after(text, max(head, end - TAIL - SLACK), end - TAIL // 2)
        tail = tail if tail is not None else max(head, end - TAIL)
        marked = flat(text[start:head]) + ("…" if tail > head else "") + flat(text[tail:end])
        return Quote("", marked, "", False, False, where)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before_from = max(line_start, start - CONTEXT)
    if before_from > line_start:
        # Start after the last clause end inside the window, else after the last pause
        # (looking a little further back), else nothing before the evidence: never mid-word.
        cut = max(text.rfind(mark, before_from, start) for mark in _CLAUSE_END)
        if cut < 0:
            pause = _pause_after(text, max(line_start, start - CONTEXT - SLACK), start)
            before_from = pause if pause is not None else start
        else:
            before_from = cut + 1
    after_to = min(line_end, end + CONTEXT)
    if after_to < line_end:
        ends = [i for i in (text.find(mark, end, after_to) for mark in _CLAUSE_END) if i >= 0]
        if ends:
            after_to = min(ends) + 1
        else:
            pause = _pause_before(text, end, min(line_end, end + CONTEXT + SLACK))
            after_to = pause if pause is not None else end
    return Quote(
        before=flat(text[before_from:start]).lstrip(),
        marked=flat(text[start:end]),
        after=flat(text[end:after_to]).rstrip(),
        cut_before=before_from > line_start and text[before_from - 1] not in _CLAUSE_END,
        cut_after=after_to < line_end and text[after_to - 1] not in _CLAUSE_END,
        where=where,
    )


def _pause_before(text: str, lo: int, hi: int) -> int | None:
    """The end of the last pause mark in ``text[lo:hi]`` (the mark kept), if any."""
    cut = max(text.rfind(mark, lo, hi) for mark in _PAUSE)
    return cut + 1 if cut >= 0 else None


def _pause_after(text: str, lo: int, hi: int) -> int | None:
    """Just after the first pause mark in ``text[lo:hi]``, if any."""
    found = [i for i in (text.find(mark, lo, hi) for mark in _PAUSE) if i >= 0]
    return min(found) + 1 if found else None


def flat(text: str) -> str:
    """One line: line breaks become /, other runs of space one space."""
    text = re.sub(r"\s*\n\s*", "/", text)
    return _SPACES.sub(" ", text)


def _section_of(start: int, end: int, sections: Sequence[Mapping]) -> str | None:
    """The innermost section holding the span, unless the span is in its heading."""
    best: Mapping | None = None
    for section in sections:
        offset, length = int(section.get("offset", 0)), int(section.get("length", 0))
        if offset <= start < offset + length and (best is None or section.get("level", 0) >= best.get("level", 0)):
            best = section
    if best is None:
        return None
    heading = flat(str(best.get("heading") or "")).strip()
    if not heading or start < int(best["offset"]) + len(heading):
        return None
    return heading if len(heading) <= HEADING_MAX else heading[:HEADING_MAX] + "…"
