"""The quantity grammar: numeral, multiplier, unit and qualifiers, read off the text.

    quantity := [qualifier] [百分之] numeral [joiner numeral] [余|多] [万|亿] [余|多]
                [unit [(unit)]] [qualifier]

Each match keeps its exact interval; ``filters.py`` then decides which matches
are figures (dates, ordinals and slogans are not).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from fazhi.figures.lexicon import Lexicon, lexicon
from fazhi.figures.numbers import (
    Numeral,
    NumeralError,
    normalize,
    parse_arabic,
    parse_chinese,
    scale,
)

_AR = r"[0-9０-９]+(?:,[0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?"
_CN = r"[零〇○一二两三四五六七八九十百千万亿几数]+(?:点[零〇一二三四五六七八九]+)?"
_CORE = re.compile(rf"(?P<ar>{_AR})|(?P<cn>{_CN})")
_AR_ONLY = re.compile(_AR)
_CN_ONLY = re.compile(_CN)
_MORE = "余多"  # 5000余次, 1000多家: more than the number written
_PERCENT_WORD = "百分之"
GAP = " \u3000\xa0\u2002\u2003"  # PDF and HTML text often space a number off its unit


@dataclass(frozen=True, slots=True)
class Quantity:
    """One match of the grammar, before deciding whether it is a figure."""

    start: int  # surface, qualifiers included
    end: int
    num_start: int  # the numeral(s) alone
    num_end: int
    value: Decimal
    unit: str
    approx: bool
    low: Decimal | None
    high: Decimal | None
    chinese: bool
    multiplied: bool


def scan(text: str, lex: Lexicon | None = None) -> list[Quantity]:
    """Every grammatical quantity in ``text``, left to right, not overlapping."""
    lex = lex or lexicon()
    found: list[Quantity] = []
    pos = 0
    while True:
        m = _CORE.search(text, pos)
        if m is None:
            return found
        q = _read(text, m, lex)
        if q is None:
            # A run that is not a numeral as a whole (二〇二三, 千万) holds none: reading
            # its tail (二三 -> "two or three") would invent one.
            pos = m.end()
            continue
        found.append(q)
        pos = q.end


# 百余家, 千余人, 万余件: a bare place word before 余/多 means one of it.
_BARE_PLACES = {"百": 100, "千": 1000, "万": 10000}


def _numeral(m: re.Match[str]) -> Numeral | None:
    try:
        if m.group("ar") is not None:
            return Numeral(parse_arabic(m.group()))
        return parse_chinese(m.group())
    except NumeralError:
        after = m.string[m.end() : m.end() + 1]
        if m.group() in _BARE_PLACES and after and after in _MORE:
            return Numeral(Decimal(_BARE_PLACES[m.group()]))
        # 百分之百: the bare 百 after 百分之 is one hundred (percent).
        if m.group() == "百" and m.string.endswith(_PERCENT_WORD, 0, m.start()):
            return Numeral(Decimal(100))
        return None


@dataclass(frozen=True, slots=True)
class _Amount:
    """The number part of a match: numeral(s), 余/多 and multipliers, before any unit."""

    value: Decimal
    low: Decimal | None
    high: Decimal | None
    approx: bool
    multiplied: bool
    more: bool  # 余/多 written: a figure even without a unit (共计300余)
    num_end: int  # end of the numeral(s)
    end: int  # end of 余/多 and 万/亿


def _read(text: str, m: re.Match[str], lex: Lexicon) -> Quantity | None:
    first = _numeral(m)
    if first is None:
        return None
    chinese = m.group("cn") is not None
    a = _amount(text, m, first, chinese, lex)
    unit, pos = _unit(text, a.end, lex, chinese)
    start = m.start()
    if text.endswith(_PERCENT_WORD, 0, start) and not unit:
        unit, start = "%", start - len(_PERCENT_WORD)
    if not unit and not a.multiplied and not a.more:
        return _bare(m, first, chinese)
    q = lex.qualifiers
    before = _longest_before(text, start, q.approx_before + q.lower_before + q.upper_before)
    after = _longest_at(text, pos, q.approx_after + q.lower_after + q.upper_after)
    approx, low, high = a.approx, a.low, a.high
    if before:
        start -= len(before)
        approx = True
        low = a.value if before in q.lower_before and low is None else low
        high = a.value if before in q.upper_before and high is None else high
    if after:
        pos += len(after)
        approx = True
        low = a.value if after in q.lower_after and low is None else low
        high = a.value if after in q.upper_after and high is None else high
    # Units are reported in their ordinary (half-width) form so that ％ and %,
    # 场（次） and 场(次) land in one column; the surface keeps what was written.
    return Quantity(start, pos, m.start(), a.num_end, normalize(a.value), unicodedata.normalize("NFKC", unit),
                    approx, low, high, chinese, a.multiplied)


def _amount(text: str, m: re.Match[str], first: Numeral, chinese: bool, lex: Lexicon) -> _Amount:
    pos = m.end()
    second = _range_end(text, pos, first, chinese, lex)
    if second is not None:
        second, pos = second
    num_end = pos
    if text[pos : pos + 1] and text[pos] in GAP and text[pos + 1 : pos + 2] in tuple("万亿余多"):
        pos += 1  # 1.2 亿元
    more, pos = _take(text, pos, _MORE)  # 2900余万元
    mult_start = pos
    pos = _multiplier(text, pos, chinese)
    multipliers = text[mult_start:pos]
    if not more:
        more, pos = _take(text, pos, _MORE)  # 22万余次
    value, low, high = first.value, first.low, first.high
    if multipliers:
        value = scale(value, multipliers)
        low = scale(low, multipliers) if low is not None else None
        high = scale(high, multipliers) if high is not None else None
    if second is not None:
        high = scale(second.value, multipliers)
        return _Amount(value, value, high, False, bool(multipliers), bool(more), num_end, pos)
    approx = first.vague or bool(more)
    if more and low is None:
        low = value  # 余/多: at least the number written
    return _Amount(value, low, high, approx, bool(multipliers), bool(more), num_end, pos)


def _range_end(text: str, pos: int, first: Numeral, chinese: bool, lex: Lexicon) -> tuple[Numeral, int] | None:
    """3至5天, 三到五次: the second numeral, of the same script and larger than the first."""
    j = lex.joiner_re.match(text, pos)
    if not j:
        return None
    other = (_CN_ONLY if chinese else _AR_ONLY).match(text, j.end())
    if not other:
        return None
    try:
        second = parse_chinese(other.group()) if chinese else Numeral(parse_arabic(other.group()))
    except NumeralError:
        return None
    if second.value <= first.value or second.vague:
        return None
    return second, other.end()


def _bare(m: re.Match[str], n: Numeral, chinese: bool) -> Quantity | None:
    """A number with no unit: kept only as ``率…为0`` style results (the filter decides)."""
    if chinese:
        return None
    return Quantity(m.start(), m.end(), m.start(), m.end(), normalize(n.value), "", False,
                    None, None, False, False)


def _take(text: str, pos: int, chars: str) -> tuple[str, int]:
    if pos < len(text) and text[pos] in chars:
        return text[pos], pos + 1
    return "", pos


def _multiplier(text: str, pos: int, chinese: bool) -> int:
    """万/亿 after any number; 十/百/千 after an Arabic one only when more follows (3千万, 2千余人)."""
    start = pos
    while pos < len(text) and text[pos] in "万亿":
        pos += 1
    if pos == start and not chinese and pos < len(text) and text[pos] in "百千":
        if pos + 1 < len(text) and text[pos + 1] in "万亿余多":
            return _multiplier(text, pos + 1, chinese) if text[pos + 1] in "万亿" else pos + 1
    return pos


def _unit(text: str, pos: int, lex: Lexicon, chinese: bool) -> tuple[str, int]:
    unit, end = _unit_at(text, pos, lex, chinese)
    if not unit and pos < len(text) and text[pos] in GAP:
        unit, end = _unit_at(text, pos + 1, lex, chinese)
        if not unit:
            return "", pos
    return unit, end


def _unit_at(text: str, pos: int, lex: Lexicon, chinese: bool) -> tuple[str, int]:
    m = lex.unit_re.match(text, pos)
    unit = m.group() if m else ""
    if unit and any(text.startswith(ff, pos) for ff in lex.false_friends.get(unit, ())):
        unit = ""
    if not unit:
        return _word_unit(text, pos, lex, chinese)
    end = pos + len(unit)
    bracket = lex.bracket_unit_re.match(text, end)
    if bracket:
        unit, end = unit + bracket.group(), bracket.end()
    return unit, end


def _word_unit(text: str, pos: int, lex: Lexicon, chinese: bool) -> tuple[str, int]:
    """大 in 6大基础库 / 12大类: only after Arabic digits and before another word."""
    if chinese or pos + 1 >= len(text):
        return "", pos
    for word in lex.word_units:
        end = pos + len(word)
        if text.startswith(word, pos) and "\u4e00" <= text[end] <= "\u9fff":
            return word, end
    return "", pos


def _longest_before(text: str, end: int, words: list[str]) -> str:
    best = ""
    for w in words:
        if len(w) > len(best) and text.endswith(w, 0, end):
            best = w
    return best


def _longest_at(text: str, pos: int, words: list[str]) -> str:
    best = ""
    for w in words:
        if len(w) > len(best) and text.startswith(w, pos):
            best = w
    return best
