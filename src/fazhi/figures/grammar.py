"""The quantity grammar: numeral, multiplier, unit and qualifiers, read off the text.

    quantity := [qualifier] [sign] [百分之] numeral [joiner numeral] [余|多] [万|亿] [余|多]
                [rest below the multiplier] [unit [(unit)]] [qualifier]
              | [qualifier] numeral 分之 numeral [qualifier]          (a fraction, read as a rate)

The grammar reads ``folded(text)``: look-alikes folded (core.fold) and the
traditional characters numerals and units use (萬, 億, 點, 兩, 個) folded onto
the simplified ones, one character for one, so offsets hold.

Each match keeps its exact interval; ``filters.py`` then decides which matches
are figures (dates, ordinals and slogans are not).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, localcontext

from fazhi.core.fold import fold
from fazhi.figures.lexicon import Lexicon, lexicon
from fazhi.figures.numbers import (
    _EXACT,
    Numeral,
    NumeralError,
    normalize,
    parse_arabic,
    parse_chinese,
    scale,
)

# Thousands separators may be full-width (82，225.00元, as Word's Chinese input writes them).
_AR = r"[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?"
_CN = r"[零〇○一二两三四五六七八九十百千万亿几数壹贰叁肆伍陆柒捌玖拾佰仟]+(?:点[零〇一二三四五六七八九]+)?"
_CORE = re.compile(rf"(?P<ar>{_AR})|(?P<cn>{_CN})")
# After 分别/依次 a full-width comma lists numbers (分别为100，200，300人), it does not group digits.
_CORE_LISTED = re.compile(rf"(?P<ar>{_AR.replace('[,，]', ',')})|(?P<cn>{_CN})")
_LISTING = re.compile(r"(?:分别|依次)[^。；;！？\n]{0,20}$")
_AR_ONLY = re.compile(_AR)
_CN_ONLY = re.compile(_CN)
_MORE = "余多"  # 5000余次, 1000多家: more than the number written
_PERCENT_WORD = "百分之"
_FRACTION_WORD = "分之"  # 三分之一: denominator 分之 numerator
_SIGNS = "-－−负"
_YUAN_SIGNS = "¥￥"  # 负百分之十三, -10.1万: a sign written right before the number
_NOT_BEFORE_SIGN = re.compile(r"[0-9０-９A-Za-z.．零〇○一二两三四五六七八九十百千万亿)）]")
# Non-terminating fractions (三分之一) are kept exactly in ``fraction``; their
# rate is rounded to this many decimal places.
_RATE_PLACES = Decimal("0.01")
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
    fraction: str | None = None  # "1/3" for 三分之一: the exact reading behind a rounded rate


def folded(text: str, lex: Lexicon | None = None) -> str:
    """What the grammar reads: look-alikes and traditional numerals folded, one character for one."""
    return fold(text).translate((lex or lexicon()).traditional)


def scan(text: str, lex: Lexicon | None = None) -> list[Quantity]:
    """Every grammatical quantity in ``text``, left to right, not overlapping."""
    lex = lex or lexicon()
    found: list[Quantity] = []
    pos = 0
    while True:
        m = _CORE.search(text, pos)
        if m is not None and "，" in m.group() and _LISTING.search(text, max(0, m.start() - 24), m.start()):
            m = _CORE_LISTED.match(text, m.start())
        if m is None:
            return found
        q = _fraction(text, m, lex) or _read(text, m, lex)
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
    if not unit and start and text[start - 1] in _YUAN_SIGNS:
        unit, start = "元", start - 1  # ￥5,000
    if not unit and not a.multiplied and not a.more:
        return _bare(m, first, chinese)
    value, low, high = a.value, a.low, a.high
    if _signed(text, start):
        start -= 1
        value, low, high = -value, (-high if high is not None else None), (-low if low is not None else None)
        a = _Amount(value, low, high, a.approx, a.multiplied, a.more, a.num_end, a.end)
    return _qualified(text, start, pos, m.start(), a, unit, chinese, lex)


def _signed(text: str, start: int) -> bool:
    """A minus sign or 负 right before the number, not a range joiner (2023-2025) or part of a word."""
    if start == 0 or text[start - 1] not in _SIGNS:
        return False
    return start < 2 or text[start - 1] == "负" or not _NOT_BEFORE_SIGN.match(text, start - 2)


def _qualified(text: str, start: int, pos: int, num_start: int, a: _Amount, unit: str, chinese: bool,
               lex: Lexicon, fraction: str | None = None) -> Quantity:
    """The quantity with the qualifier words around it (约, 以上, 不超过, （含）以下)."""
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
    unit = unicodedata.normalize("NFKC", unit)
    return Quantity(start, pos, num_start, a.num_end, normalize(a.value), lex.unit_aliases.get(unit, unit),
                    approx, low, high, chinese, a.multiplied, fraction)


def _fraction(text: str, m: re.Match[str], lex: Lexicon) -> Quantity | None:
    """三分之一, 五分之一以上, 千分之五: a share, read as a rate (%) with the fraction kept."""
    if not text.startswith(_FRACTION_WORD, m.end()) or m.group() == "百":
        return None  # 百分之十三 is a percent, read by _read
    arabic = m.group("ar") is not None
    num = (_AR_ONLY if arabic else _CN_ONLY).match(text, m.end() + len(_FRACTION_WORD))
    if num is None:
        return None
    try:
        den = Decimal(_BARE_PLACES[m.group()]) if m.group() in _BARE_PLACES else \
            parse_arabic(m.group()) if arabic else parse_chinese(m.group()).value
        top = parse_arabic(num.group()) if arabic else parse_chinese(num.group()).value
    except NumeralError:
        return None
    if den <= 0 or top > den or den != den.to_integral_value():
        return None
    with localcontext(_EXACT):
        rate = top * 100 / den
    exact = rate.quantize(_RATE_PLACES) == rate
    rate = normalize(rate if exact else rate.quantize(_RATE_PLACES))
    a = _Amount(rate, None, None, False, False, False, num.end(), num.end())
    return _qualified(text, m.start(), num.end(), m.start(), a, "%", m.group("cn") is not None, lex,
                      f"{normalize(top)}/{normalize(den)}")


def _amount(text: str, m: re.Match[str], first: Numeral, chinese: bool, lex: Lexicon) -> _Amount:
    pos = m.end()
    second = _range_end(text, pos, first, chinese, lex)
    shared = ""
    if second is not None:
        second, pos, shared = second
    num_end = pos
    if text[pos : pos + 1] and text[pos] in GAP and text[pos + 1 : pos + 2] in tuple("万亿余多"):
        pos += 1  # 1.2 亿元
    more, pos = _take(text, pos, _MORE)  # 2900余万元
    mult_start = pos
    pos = _multiplier(text, pos, chinese)
    multipliers = text[mult_start:pos]
    rest = Decimal(0)
    if not more and multipliers and not chinese:
        rest, pos = _rest(text, pos, multipliers)  # 100万三千, 1亿2000万
    if not more:
        more, pos = _take(text, pos, _MORE)  # 22万余次
    value, low, high = first.value, first.low, first.high
    if multipliers or shared:
        value = scale(value, shared + multipliers) + rest
        low = scale(low, shared + multipliers) if low is not None else None
        high = scale(high, shared + multipliers) if high is not None else None
    if second is not None:
        high = scale(second.value, multipliers)
        return _Amount(value, value, high, False, bool(multipliers or shared), bool(more), num_end, pos)
    approx = first.vague or bool(more)
    if more and low is None:
        low = value  # 余/多: at least the number written
    return _Amount(value, low, high, approx, bool(multipliers), bool(more), num_end, pos)


def _rest(text: str, pos: int, multipliers: str) -> tuple[Decimal, int]:
    """What an Arabic amount adds below its multiplier: 100万三千 (1,003,000), 1亿2000万, 100万3千."""
    big = scale(Decimal(1), multipliers[-1])
    cn = _CN_ONLY.match(text, pos)
    if cn and cn.group()[-1] in "十百千万" and "点" not in cn.group():
        try:
            value = parse_chinese(cn.group())
        except NumeralError:
            value = None
        if value is not None and not value.vague and value.value < big:
            return value.value, cn.end()
    ar = _AR_ONLY.match(text, pos)
    if ar and "." not in ar.group():
        end = ar.end()
        while end < len(text) and text[end] in "千万" and end - ar.end() < 2:
            end += 1  # 2亿5千万: 千 and 万 both scale the 5
        if end > ar.end():
            value = scale(parse_arabic(ar.group()), text[ar.end() : end])
            if value < big:
                return value, end
    return Decimal(0), pos


def _range_end(text: str, pos: int, first: Numeral, chinese: bool,
               lex: Lexicon) -> tuple[Numeral, int, str] | None:
    """3至5天, 三到五次: the second numeral, of the same script and larger than the first.

    三至五万元 shares the second end's 万 with the first (30,000 to 50,000):
    when the first is smaller than the second without its 万/亿, the multiplier
    belongs to both; 五千至一万 has none to share (5,000 is not below 1).
    """
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
    shared = ""
    if chinese:
        digits = other.group().rstrip("万亿")
        shared = other.group()[len(digits):]
        try:
            coefficient = parse_chinese(digits).value if digits and shared else None
        except NumeralError:
            coefficient = None
        if coefficient is None or first.value >= coefficient:
            shared = ""
    return second, other.end(), shared


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
