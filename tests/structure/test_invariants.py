"""Whatever the text, the outline holds together: spans ground, sections nest."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.structure import outline
from tests.structure.helpers import check_spans

PIECES = [
    "一、主要举措和成效", "二、存在的不足和原因", "三、2025年工作安排", "（一）深化“放管服”改革。",
    "(二)规范行政执法", "1.加强培训。", "（1）分层", "一是加强领导。", "二是完善制度;",
    "存在的问题", "下一步,我们将继续发力。", "虽然取得成效,但仍存在不足。", "主要原因是人才短缺。",
    "2025年,我们将继续推进。", "全年办理案件35件。", "序号  项目  数量", "示例县人民政府",
    "2025年3月1日", "    ", "\u3000", "", "十、", "(", "。", "：",
]
lines = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=25)
endings = st.sampled_from(["\n", "\r\n", "\n\n", "\f"])


@settings(max_examples=300, deadline=None)
@given(lines, endings)
def test_any_text_gives_a_grounded_well_formed_outline(parts, newline):
    text = newline.join(parts)
    o = outline(text)
    check_spans(text, o)
    for s in o.sections:
        assert s.span.start <= s.body.start <= s.body.end == s.span.end
        if s.heading is not None:
            assert s.heading.start == s.span.start
            assert s.heading.end <= s.body.start
        if s.parent is not None:
            parent = o.sections[s.parent]
            assert parent.level < s.level
            assert parent.span.start <= s.span.start and s.span.end <= parent.span.end
            assert s.index in parent.children
        assert s.parts == () or s.parent is not None or set(s.parts) <= set(o.parts)
    starts = [s.span.start for s in o.sections]
    assert starts == sorted(starts)
    assert all(row["chars"] >= 0 for row in o.coverage().values())


def test_empty_and_blank_texts():
    for text in ("", "   \n\n", "\u3000"):
        o = outline(text)
        assert o.sections == () and o.parts == {} and o.front is None
