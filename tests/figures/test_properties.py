"""Property test: numbers written any way read back as themselves."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.figures.helpers import figures

_DIGITS = "零一二三四五六七八九"
_FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")


def chinese(n: int) -> str:
    """A plain writer of Chinese numerals, independent of the reader under test."""
    if n == 0:
        return "零"
    out = ""
    for big, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        section, n = divmod(n, big)
        if section:
            if out and section < 1000:
                out += "零"
            out += _section(section) + name
        elif out and n:
            out += "零" if not out.endswith("零") else ""
    return out.rstrip("零") if out != "零" else out


def _section(n: int) -> str:
    s = ""
    zero = False
    for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, place)
        if digit:
            if zero and s:
                s += "零"
            s += _DIGITS[digit] + name
            zero = False
        else:
            zero = True
    return s


def thousands(n: int) -> str:
    return f"{n:,}"


_MULTIPLIERS = st.sampled_from([("", 1), ("万", 10**4), ("亿", 10**8)])


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=0, max_value=10**9), mult=_MULTIPLIERS,
       form=st.sampled_from(["arabic", "fullwidth", "thousands", "chinese"]))
def test_integers_read_back(n: int, mult: tuple[str, int], form: str) -> None:
    word, factor = mult
    written = {"arabic": str(n), "fullwidth": str(n).translate(_FULL),
               "thousands": thousands(n), "chinese": chinese(n)}[form]
    assume(not (form == "chinese" and n == 0 and word))  # 零万 is not a numeral
    if form == "chinese" and word and ("万" in written or "亿" in written):
        word, factor = "", 1  # 三万万 is not how anyone writes
    text = f"全年共{written}{word}元。"
    figs = figures(text)
    assert len(figs) == 1, (text, [f.text for f in figs])
    assert figs[0].value == n * factor, text
    assert figs[0].unit == "元"


@settings(max_examples=300, deadline=None)
@given(whole=st.integers(min_value=0, max_value=10**6), frac=st.integers(min_value=1, max_value=999999),
       mult=_MULTIPLIERS, fullwidth=st.booleans())
def test_decimals_read_back_exactly(whole: int, frac: int, mult: tuple[str, int], fullwidth: bool) -> None:
    word, factor = mult
    number = f"{whole}.{frac:06d}".rstrip("0")
    written = number.translate(_FULL) if fullwidth else number
    text = f"兑现资金{written}{word}元,"
    figs = figures(text)
    assert len(figs) == 1, text
    assert figs[0].value == Decimal(number) * factor, text


_ALPHABET = ("0123456789０１２３４５６７８９.,%％ 　、,，。;：“”《》()（）+-—~至到余多约近超以上内左右万亿千百十"
             "零〇一二两三四五六七八九几数个件次人名项元天年月日批第届其中包括受理立案不予率增长下降由从压缩提高同比较")


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=80))
def test_any_text_is_safe_and_grounded(text: str) -> None:
    from fazhi.figures import check_consistency

    figs = figures(text)  # checks every span against the text
    for f in figs:
        assert f.low is None or f.high is None or f.low <= f.high
    check_consistency(figs, text)
