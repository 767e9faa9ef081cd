"""Numerals to exact decimals, including the known failures of popular converters."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fazhi.figures.numbers import NumeralError, parse_arabic, parse_chinese, parse_number, scale


@pytest.mark.parametrize(
    ("written", "expected"),
    [("66", "66"), ("1,472", "1472"), ("12,345,678", "12345678"), ("47.264287", "47.264287"),
     ("１２３", "123"), ("３５４１．０７", "3541.07"), ("0", "0"), ("0.5", "0.5")],
)
def test_arabic(written: str, expected: str) -> None:
    assert parse_arabic(written) == Decimal(expected)


@pytest.mark.parametrize("bad", ["", ".5", "5.", "1.2.3", "12a"])
def test_arabic_rejects_non_numerals(bad: str) -> None:
    with pytest.raises(NumeralError):
        parse_arabic(bad)


@pytest.mark.parametrize(
    ("written", "expected"),
    [("一千二百", 1200), ("两", 2), ("十", 10), ("十五", 15), ("二十", 20), ("一百零五", 105),
     ("一千零五", 1005), ("一万二千三百", 12300), ("一万二", 12000), ("三百五", 350),
     ("三亿五千万", 350000000), ("一千二百三十四万五千六百七十八", 12345678), ("零", 0)],
)
def test_chinese(written: str, expected: int) -> None:
    n = parse_chinese(written)
    assert n.value == expected and not n.vague


def test_chinese_decimal() -> None:
    assert parse_chinese("三点五").value == Decimal("3.5")


@pytest.mark.parametrize(
    ("written", "value", "low", "high"),
    [("十几", 10, 11, 19), ("二十几", 20, 21, 29), ("数十", 20, 20, 90), ("几百", 200, 200, 900),
     ("两三", 2, 2, 3), ("三四十", 30, 30, 40), ("十一二", 11, 11, 12)],
)
def test_vague_chinese(written: str, value: int, low: int, high: int) -> None:
    n = parse_chinese(written)
    assert (n.value, n.low, n.high) == (value, low, high)


@pytest.mark.parametrize("bad", ["百", "万", "几", "数", "一二三", "三百二千", "二〇二三"])
def test_chinese_rejects_non_numerals(bad: str) -> None:
    with pytest.raises(NumeralError):
        parse_chinese(bad)


def test_sixteen_point_four_yi_is_exact() -> None:
    # A float converter prints 1639999999 here.
    assert scale(parse_arabic("16.4"), "亿") == Decimal(1640000000)


def test_many_decimals_times_yi_is_exact() -> None:
    assert scale(parse_arabic("47.264287"), "亿") == Decimal(4726428700)


def test_wan_keeps_fractions_exact() -> None:
    assert scale(parse_arabic("6953.176"), "万") == Decimal(69531760)
    assert scale(parse_arabic("0.0001"), "万") == Decimal(1)


def test_parse_number_reads_either_script() -> None:
    assert parse_number("３５").value == 35
    assert parse_number("三十五").value == 35


def test_identifier_length_runs_are_not_numerals() -> None:
    with pytest.raises(NumeralError):
        parse_arabic("1" * 30)


def test_large_values_stay_exact() -> None:
    assert scale(parse_arabic("123456789012345678.9"), "亿") == Decimal("12345678901234567890000000")
