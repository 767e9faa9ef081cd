"""Marking quotations, titles and slogans once over the text."""

from __future__ import annotations

from fazhi.figures.blocked import _pairs, block


def test_pairs_within_a_line() -> None:
    text = "“甲”乙“丙”"
    assert _pairs(text, "“", "”") == [(0, 3), (4, 7)]


def test_a_quote_does_not_run_across_a_line_end() -> None:
    text = "“甲\n乙”丙“丁”"
    assert [text[a:b] for a, b in _pairs(text, "“", "”")] == ["“丁”"]


def test_same_mark_both_ends() -> None:
    assert [("a\"b\"c\"d")[a:b] for a, b in _pairs("a\"b\"c\"d", "\"", "\"")] == ["\"b\""]


def test_many_unmatched_quotes_stay_linear_and_correct() -> None:
    # Each unmatched opening used to search to the far closing mark and back: quadratic.
    n = 20000
    text = "“甲\n" * n + "“乙”" + "“丙" * n
    assert _pairs(text, "“", "”") == [(3 * n, 3 * n + 3)]
    blocked = block(text)
    assert blocked.why(3 * n, 3 * n + 3) == "quoted_name"
    assert blocked.why(0, 2) is None


def test_an_unmatched_quote_does_not_hide_the_line_after_it() -> None:
    text = "“未闭合的引号\n受理案件66件。"
    assert block(text).why(text.index("66"), text.index("66") + 2) is None
