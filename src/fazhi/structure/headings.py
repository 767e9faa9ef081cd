"""Numbered headings: which lines open with an enumerator, where the heading ends,
and which of them survive a check of their numbering.

The genre's enumerators, from the outermost level in: 第一部分 / 一、 / (一) /
1. or 1、 / (1) / ①. Full-width and ASCII brackets are mixed freely in real
reports, so either kind is accepted on each side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fazhi.structure.lines import INDENT, Line

STYLES = ("part", "cn", "pcn", "arabic", "parabic", "circled")

_CN = "一二三四五六七八九十"
_ENUMERATORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"第([{_CN}]{{1,3}})部分[、.．:：]?")),
    # `十四五` is not an enumerator (the mark is required), nor is `一.5`.
    ("cn", re.compile(rf"([{_CN}]{{1,3}})(?:、|[.．](?![\d{_CN}]))")),
    ("pcn", re.compile(rf"[（(]\s?([{_CN}]{{1,3}})\s?[）)][、.．]?")),
    # `1.5万元` and `2024.3` are numbers, not enumerators.
    ("arabic", re.compile(r"(\d{1,2})(?:[、．]|\.(?!\d))")),
    ("parabic", re.compile(r"[（(]\s?(\d{1,2})\s?[）)][、.．]?")),
    ("circled", re.compile(r"([\u2460-\u2473])")),
)

# A heading that runs into its paragraph ends at its first full stop (kept).
_SENTENCE_END = "。！？!?"
_COLONS = "：:"
# Rows of a table pasted as text keep their cells apart with tabs, bars or runs of spaces.
_TABLE_GAP = re.compile(rf"[\t|｜│]|[{INDENT}]{{2,}}")
_HAS_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
# A list item inside a paragraph, set on its own line, ends with a semicolon or comma.
_LIST_ITEM_END = "；;，,、"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A line opening with an enumerator; ``end`` is where its heading stops."""

    style: str
    ordinal: int
    start: int  # the enumerator's first character
    title_start: int  # the first character after the enumerator
    end: int
    line: Line


def cn_number(numeral: str) -> int:
    """一..九十九 as written in enumerators (十一, 二十, 二十三)."""
    digits = {c: i for i, c in enumerate(_CN[:-1], start=1)}
    if "十" not in numeral:
        return digits.get(numeral, 0) if len(numeral) == 1 else 0
    tens, _, ones = numeral.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return 0
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def _ordinal(style: str, raw: str) -> int:
    if style in ("arabic", "parabic"):
        return int(raw)
    if style == "circled":
        return ord(raw) - 0x2460 + 1
    return cn_number(raw)


def starts_with_enumerator(content: str) -> bool:
    """Whether a line's content opens with one of the genre's enumerators (a heading's or not)."""
    return any(pattern.match(content) for _, pattern in _ENUMERATORS)


def candidate(text: str, line: Line) -> Candidate | None:
    """The numbered heading opening ``line``, or None."""
    for style, pattern in _ENUMERATORS:
        m = pattern.match(line.content)
        if not m:
            continue
        ordinal = _ordinal(style, m.group(1))
        if ordinal < 1:
            return None
        title_start = line.start + m.end()
        while title_start < line.end and text[title_start] in INDENT:
            title_start += 1
        end = heading_end(text, title_start, line.end)
        title = text[title_start:end]
        if not _HAS_HAN.search(title) or _TABLE_GAP.search(title):
            return None
        if end == line.end and title[-1] in _LIST_ITEM_END:
            return None
        return Candidate(style, ordinal, line.start, title_start, end, line)
    return None


def heading_end(text: str, start: int, line_end: int) -> int:
    """Where a heading starting at ``start`` stops inside its line.

    A heading that runs into its paragraph ends at its first full stop or,
    when a colon comes first and text follows it (`(二)行政复议:全年收案…`),
    at that colon; the mark is kept, as printed. Otherwise the line ends it.
    """
    segment = text[start:line_end]
    for i, ch in enumerate(segment):
        if ch in _SENTENCE_END:
            return start + i + 1
        if ch in _COLONS and segment[i + 1 :].strip():
            return start + i + 1
    return line_end


def check_numbering(candidates: list[Candidate], barriers: tuple[int, ...] = ()) -> list[Candidate]:
    """Keep the candidates whose numbers continue a run.

    A run starts at 1 and counts up; one skipped number is tolerated (drafting
    slips happen) unless the skipped one follows (then the early one is a stray
    line), a repeat or a jump is not. A style's run is closed when a
    heading of an outer style appears, as (一)…(八) under 一、 restart under 二、,
    or at a ``barrier`` (an unnumbered part heading, which closes every run).
    A nested list may restart at 1 (a second list in the same subsection), the
    outermost run may not: a second `一、` further down is a quoted list, not a
    new report. This drops stray line-initial numerals: a `3.` opening a
    continuation line, a list in a table that survived as text.
    """
    kept: list[Candidate] = []
    open_runs: list[tuple[str, int]] = []  # (style, last ordinal), outermost first
    pending = sorted(barriers)
    for n, cand in enumerate(candidates):
        while pending and pending[0] < cand.start:
            pending.pop(0)
            open_runs = []
        rank = STYLES.index(cand.style)
        position = next((i for i, (s, _) in enumerate(open_runs) if s == cand.style), None)
        if position is not None:
            last = open_runs[position][1]
            restart = cand.ordinal == 1 and position > 0
            skip = cand.ordinal == last + 2 and not _missing_follows(
                candidates[n + 1 :], cand.style, last + 1
            )
            if not (restart or cand.ordinal == last + 1 or skip):
                continue
            del open_runs[position:]
        elif cand.ordinal != 1:
            continue
        else:
            # Close runs of styles nested deeper than this one.
            open_runs = [(s, k) for s, k in open_runs if STYLES.index(s) < rank]
        open_runs.append((cand.style, cand.ordinal))
        kept.append(cand)
    return kept


def _missing_follows(rest: list[Candidate], style: str, ordinal: int) -> bool:
    """Whether ``ordinal`` of ``style`` comes later, before a heading of an outer style."""
    rank = STYLES.index(style)
    for cand in rest:
        if STYLES.index(cand.style) < rank:
            return False
        if cand.style == style and cand.ordinal == ordinal:
            return True
    return False
