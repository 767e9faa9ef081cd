"""What the checks read: the review input plus views over it, each computed once.

The checks ask for an input with ``need_*``; a missing one raises
``CheckCannotRun``, which the engine turns into status ``error`` with the
reason, so "the check found nothing" never looks like "the check did not run".

Two texts with the same offsets: the checks *search* ``Context.text`` (the
masked text with look-alikes folded, so `２０２４年` matches `20\\d{2}年` and
furniture matches nothing) and *quote* ``Context.source`` (``Document.text``):
every span a check makes is cut with ``Context.span``.
"""

from __future__ import annotations

import bisect
from functools import cached_property

from fazhi.core.errors import FazhiError
from fazhi.core.fold import fold
from fazhi.core.spans import Span
from fazhi.figures import Figure, Issue
from fazhi.identity import Identity
from fazhi.review.model import ReviewInput
from fazhi.structure import Outline
from fazhi.structure.lines import Line, rstrip_end, split_lines

_STAGE_NAMES = {
    "identity": "报告身份信息(标题、年度、发布日期)",
    "outline": "报告结构(标题层级与法定部分)",
    "figures": "数字提取结果",
    "consistency": "数字一致性核对结果",
}


class CheckCannotRun(FazhiError):
    """A rule's input is missing or unusable: the finding says so with status error."""

    code = "check_cannot_run"


class Context:
    def __init__(self, inp: ReviewInput):
        self.input = inp
        self.text = fold(inp.text)  # what the checks search
        self.source = inp.source  # what their spans quote

    def span(self, start: int, end: int) -> Span:
        """Evidence at ``[start, end)``, quoting the source."""
        return Span.of(self.source, start, end)

    def read(self, span: Span) -> str:
        """What the checks see at ``span``: furniture blanked, look-alikes folded."""
        return self.text[span.start : span.end]

    # -- inputs -------------------------------------------------------------

    def _need(self, name: str):
        value = getattr(self.input, name)
        if value is None:
            raise CheckCannotRun(f"缺少{_STAGE_NAMES[name]},本项无法检查")
        return value

    def need_identity(self) -> Identity:
        return self._need("identity")

    def need_outline(self) -> Outline:
        return self._need("outline")

    def need_figures(self) -> tuple[Figure, ...]:
        return self._need("figures")

    def need_consistency(self) -> tuple[Issue, ...]:
        return self._need("consistency")

    # -- views --------------------------------------------------------------

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        return split_lines(self.text)

    @cached_property
    def chars(self) -> int:
        """Report text in characters, whitespace and page furniture not counted."""
        return sum(1 for ch in self.text if not ch.isspace())

    @cached_property
    def _figure_starts(self) -> list[int]:
        return [f.span.start for f in self.need_figures()]

    def figures_in(self, span: Span) -> list[Figure]:
        figs = self.need_figures()
        lo = bisect.bisect_left(self._figure_starts, span.start)
        hi = bisect.bisect_left(self._figure_starts, span.end)
        return [f for f in figs[lo:hi] if f.span.end <= span.end]

    def paragraphs(self, span: Span) -> list[Span]:
        """The lines inside ``span``, clipped to it (reports put one paragraph per line)."""
        found = []
        for line in self.lines:
            start, end = max(line.start, span.start), min(line.end, span.end)
            if start < end:
                end = rstrip_end(self.text, start, end)
                if end > start:
                    found.append(self.span(start, end))
        return found

    def region(self, part: str) -> list[Span]:
        """Where the text of ``part`` is, mark by mark, without overlaps.

        A section named by its heading gives its body; a part found inside
        another (the leaders' duties in a subsection of the measures, plans
        opened by `下一步,`) gives the subsection, item or rest of the section
        from where it opens.
        """
        o = self.need_outline()
        spans: list[Span] = []
        for mark in o.marks_for(part):
            top = o.sections[mark.section]
            if mark.source in ("heading", "fallback") or (mark.source == "line" and top.kind == "unnumbered"):
                spans.append(top.body if top.body.length else top.span)
            elif mark.source == "subheading":
                spans.append(self._holder(mark.span) or top.body)
            elif mark.source == "body":
                spans.append(self._line_at(mark.span.start))
            else:  # opener, or a part line inside a numbered section: from there on
                spans.append(self.span(mark.span.start, top.span.end))
        return _without_overlaps(spans)

    def _holder(self, span: Span) -> Span | None:
        """The subsection whose title holds ``span``, else the item whose lead does."""
        o = self.need_outline()
        for section in o.sections:
            if section.title is not None and section.title.start <= span.start < section.title.end:
                return section.span
        for item in o.items:
            if item.lead.start <= span.start < item.lead.end:
                return item.span
        return None

    def _line_at(self, offset: int) -> Span:
        for line in self.lines:
            if line.start <= offset < line.end:
                return self.span(line.start, line.end)
        return self.span(offset, offset)


def _without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if kept and span.start < kept[-1].end:
            continue  # inside (or overlapping) a region already taken
        kept.append(span)
    return kept
