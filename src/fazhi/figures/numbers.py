"""Numerals to exact decimals: Arabic (half- and full-width) and Chinese.

Everything is ``Decimal`` because popular converters do 万/亿 in floats and
print ``16.4亿`` as 1639999999; a reviewer comparing two reports must get the
number the report printed.

Vague Chinese numerals (十几, 数十, 两三) parse to a written base plus the
range the wording implies; the grammar turns that into ``approx``/``low``/``high``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Context, Decimal, localcontext

# Full-width digits and the full-width point are ordinary in Word-made reports.
_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
# 几/数 stand for "a few" in a digit position (十几, 几十, 数百).
CN_VAGUE = "几数"

MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
# Reports print at most a dozen digits; longer runs are identifiers (身份证号, 统一社会信用代码).
MAX_DIGITS = 24
# Enough precision that 万/亿 arithmetic on any accepted numeral is exact (default is 28 digits).
_EXACT = Context(prec=MAX_DIGITS + 40)


class NumeralError(ValueError):
    """The characters are not a numeral this module can read."""


@dataclass(frozen=True, slots=True)
class Numeral:
    """A parsed numeral: ``value`` as written; ``low``/``high`` when the wording is a range."""

    value: Decimal
    low: Decimal | None = None
    high: Decimal | None = None

    @property
    def vague(self) -> bool:
        return self.low is not None


def ascii_digits(s: str) -> str:
    return s.translate(_WIDTH)


def parse_arabic(s: str) -> Decimal:
    """``"1,472"``, ``"３５４１．０７"`` -> exact Decimal. Thousands commas are dropped."""
    plain = ascii_digits(s).replace(",", "")
    if not plain or not all(c.isdigit() or c == "." for c in plain) or plain.count(".") > 1:
        raise NumeralError(f"not an Arabic numeral: {s!r}")
    if len(plain) > MAX_DIGITS:
        raise NumeralError(f"{len(plain)} digits: an identifier, not a quantity: {s!r}")
    if plain.startswith(".") or plain.endswith("."):
        raise NumeralError(f"not an Arabic numeral: {s!r}")
    return Decimal(plain)


def _integer(s: str, fill: int) -> int:
    """Read an integer Chinese numeral; ``fill`` is the digit a vague 几/数 stands for."""
    total = 0  # completed 亿 and 万 sections
    section = 0  # the part below the current 万
    digit: int | None = None
    last_unit = None  # for the colloquial 一万二 / 三百五 elision
    section_unit = 10**5  # small units must fall within a section: 三百二千 is not a number
    for i, ch in enumerate(s):
        if ch in "零〇○":
            if digit is not None:
                raise NumeralError(f"zero after a digit (a year like 二〇二三?): {s!r}")
            last_unit = None  # 一千零五: the zero ends the 一万二 style elision
        elif ch in CN_DIGITS or ch in CN_VAGUE:
            if digit is not None:
                raise NumeralError(f"two digits in a row: {s!r}")
            digit = fill if ch in CN_VAGUE else CN_DIGITS[ch]
        elif ch in CN_SMALL:
            unit = CN_SMALL[ch]
            if digit is None:
                # 十二 = 12 and 一百零十 are fine; a bare 百 or 千 is not a number.
                if unit != 10 or (i and s[i - 1] not in "零" and s[i - 1] not in CN_BIG):
                    raise NumeralError(f"unit without a digit: {s!r}")
                digit = 1
            if unit >= section_unit:
                raise NumeralError(f"units out of order: {s!r}")
            section += digit * unit
            digit, last_unit, section_unit = None, unit, unit
        elif ch in CN_BIG:
            unit = CN_BIG[ch]
            if digit is not None:
                section += digit
            if section == 0 and total == 0:
                raise NumeralError(f"multiplier without a number: {s!r}")
            if unit == 10**8:
                total = (total + section) * unit
            else:
                total += section * unit
            section, digit, last_unit, section_unit = 0, None, unit, 10**5
        else:
            raise NumeralError(f"not a Chinese numeral: {s!r}")
    if digit is not None:
        # 一万二 = 12000, 三百五 = 350: a trailing digit takes the next lower place.
        section += digit * (last_unit // 10 if last_unit and last_unit >= 100 else 1)
    return total + section


def parse_chinese(s: str) -> Numeral:
    """一千二百 -> 1200, 两 -> 2, 十几 -> 10 (11..19), 数十 -> 20 (20..90), 两三 -> 2 (2..3), 三点五 -> 3.5."""
    if not s or all(c in CN_VAGUE for c in s):
        raise NumeralError(f"no digit in {s!r}")
    if "点" in s:
        whole, _, frac = s.partition("点")
        if not frac or any(c not in CN_DIGITS for c in frac):
            raise NumeralError(f"bad decimal part: {s!r}")
        digits = "".join(str(CN_DIGITS[c]) for c in frac)
        return Numeral(Decimal(_integer(whole, 0)) + Decimal("0." + digits))
    pair = _adjacent_pair(s)
    if pair is not None:
        return pair
    if any(c in CN_VAGUE for c in s):
        if s[0] in CN_VAGUE:
            low = _integer(s, 2)  # 几十 / 数百: "several" starts at two
            return Numeral(Decimal(low), Decimal(low), Decimal(_integer(s, 9)))
        base = _integer(s, 0)  # 十几 is written as ten-and-some, like 十余
        return Numeral(Decimal(base), Decimal(_integer(s, 1)), Decimal(_integer(s, 9)))
    return Numeral(Decimal(_integer(s, 0)))


def _adjacent_pair(s: str) -> Numeral | None:
    """两三 / 三四十 / 五六百: two neighbouring digits mean "two or three (tens...)"."""
    for i in range(len(s) - 1):
        a, b = s[i], s[i + 1]
        if a in CN_DIGITS and b in CN_DIGITS and a not in "零〇○" and b not in "零〇○":
            if CN_DIGITS[b] != CN_DIGITS[a] + 1:
                raise NumeralError(f"two digits in a row: {s!r}")
            low = _integer(s[:i] + a + s[i + 2 :], 0)
            high = _integer(s[:i] + b + s[i + 2 :], 0)
            return Numeral(Decimal(low), Decimal(low), Decimal(high))
    return None


def scale(value: Decimal, multipliers: str) -> Decimal:
    """Apply 万/亿 (and 千/百 when written after an Arabic number) exactly."""
    with localcontext(_EXACT):
        for ch in multipliers:
            value *= MULTIPLIERS[ch]
    return normalize(value)


def normalize(value: Decimal) -> Decimal:
    """Drop exponent noise (``1.17E+8`` -> ``117000000``) without touching the value."""
    with localcontext(_EXACT):
        if value == value.to_integral_value():
            return Decimal(int(value))
        return value.normalize()


def parse_number(s: str) -> Numeral:
    """Any numeral: Arabic first, then Chinese."""
    try:
        return Numeral(parse_arabic(s))
    except NumeralError:
        return parse_chinese(s)
