"""Where in a text numbers are names, not figures.

One pass over the text marks every character covered by a slogan, a date, a
document number, a quotation or a book title (all listed in
``exclusions.toml``); a candidate whose numeral touches a marked character is
dropped. Marking once keeps extraction linear in the text length.
"""

from __future__ import annotations

from dataclasses import dataclass

from fazhi.figures.lexicon import Exclusions, exclusions

# Quotations do not run across paragraphs; an unmatched quote must not swallow the rest.
_LINE_END = "\n"


@dataclass(frozen=True, slots=True)
class Blocked:
    """Per-character marks: ``reason[i]`` names why character ``i`` is not a figure."""

    reasons: tuple[str | None, ...]

    def why(self, start: int, end: int) -> str | None:
        for i in range(start, end):
            if self.reasons[i] is not None:
                return self.reasons[i]
        return None


def block(text: str, ex: Exclusions | None = None) -> Blocked:
    ex = ex or exclusions()
    reasons: list[str | None] = [None] * len(text)

    def mark(start: int, end: int, reason: str) -> None:
        for i in range(start, end):
            if reasons[i] is None:
                reasons[i] = reason

    if ex.slogan_re is not None:
        for m in ex.slogan_re.finditer(text):
            mark(m.start(), m.end(), "slogan")
    for name, pattern in ex.patterns:
        for m in pattern.finditer(text):
            mark(m.start(), m.end(), name)
    for opening, closing in ex.quote_pairs:
        for start, end in _pairs(text, opening, closing):
            if end - start <= ex.quote_max + 2:
                mark(start, end, "quoted_name")
    for opening, closing in ex.titles:
        for start, end in _pairs(text, opening, closing):
            mark(start, end, "title")
    for opening, closing in ex.glosses:
        for start, end in _pairs(text, opening, closing):
            if start and text[start - 1] in ex.gloss_after:
                mark(start, end, "quoted_name_gloss")
    return Blocked(tuple(reasons))


def _pairs(text: str, opening: str, closing: str) -> list[tuple[int, int]]:
    """Spans of ``opening…closing`` within one line; an unmatched mark is skipped.

    A pair never crosses a line end, so an opening with no closing before the
    end of its line leaves every later opening of that line unmatched too: the
    search jumps to the next line. Each character is looked at a bounded number
    of times, however many marks go unmatched.
    """
    found = []
    pos, line_end = 0, -1
    while (i := text.find(opening, pos)) != -1:
        if i > line_end:
            line_end = text.find(_LINE_END, i)
            if line_end == -1:
                line_end = len(text)
        j = text.find(closing, i + len(opening), line_end)
        if j == -1:
            pos = line_end + 1
            continue
        found.append((i, j + len(closing)))
        pos = j + len(closing)
    return found
