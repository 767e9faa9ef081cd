"""Quotes of evidence spans: widened to their clause, cut when long, verbatim always."""

from __future__ import annotations

from fazhi.letters.quotes import LONG, quote, quote_spans
from fazhi.letters.typeset import typeset

TEXT = (
    "三、存在的不足和原因\n"
    "2023年,全县法治政府建设取得了积极成效。但与新形势相比还存在一些差距和不足,主要表现在:一是法治建设责任落实存有差距。\n"
)


def test_a_short_span_is_widened_to_its_clause_on_the_same_line() -> None:
    start = TEXT.index("差距和不足")
    q = quote(TEXT, start, start + 5)
    assert q.marked == "差距和不足"
    assert q.before.startswith("但与新形势") and q.after.endswith("存有差距。")
    assert not q.cut_before


def test_context_never_crosses_a_line() -> None:
    start = TEXT.index("原因")
    q = quote(TEXT, start, start + 2)
    assert q.before + q.marked + q.after == "三、存在的不足和原因"


def test_a_long_span_is_shown_as_head_ellipsis_tail() -> None:
    text = "甲" * 50 + "乙" * 100 + "丙" * 50
    q = quote(text, 0, len(text))
    assert len(text) > LONG
    assert q.marked.startswith("甲") and q.marked.endswith("丙") and "…" in q.marked
    assert not q.before and not q.after


def test_a_quote_names_the_section_it_is_in_but_not_the_heading_it_is() -> None:
    sections = [{"level": 1, "heading": "三、存在的不足和原因", "offset": 0, "length": len(TEXT)}]
    inside = TEXT.index("一是")
    assert quote(TEXT, inside, inside + 2, sections).where == "三、存在的不足和原因"
    assert quote(TEXT, 2, 6, sections).where is None


def test_spans_beyond_the_limit_are_counted_not_quoted() -> None:
    text = "。".join(f"第{i}句话的内容写在这里" + "甲" * 40 for i in range(6))
    evidence = [{"offset": text.index(f"第{i}句"), "length": 3} for i in range(6)]
    quotes, more = quote_spans(text, evidence, [], limit=3)
    assert len(quotes) == 3 and more == 3


def test_spans_outside_the_text_are_ignored() -> None:
    quotes, more = quote_spans("短文本", [{"offset": 2, "length": 10}], [], limit=3)
    assert quotes == () and more == 0


def test_typeset_turns_ascii_marks_next_to_chinese_full_width_by_pairs() -> None:
    assert typeset("第二十三条第(二)项;见a.txt(TXT格式)") == "第二十三条第（二）项；见a.txt（TXT格式）"
    assert typeset("f(x) = a, b") == "f(x) = a, b"
