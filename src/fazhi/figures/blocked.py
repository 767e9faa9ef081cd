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
    return Blocked(tuple(reasons))


def _pairs(text: str, opening: str, closing: str) -> list[tuple[int, int]]:
    """Spans of ``opening…closing`` within one line; nested or unmatched marks are skipped."""
    found = []
    i = text.find(opening)
    while i != -1:
        j = text.find(closing, i + len(opening))
        if j == -1:
            break
        if _LINE_END not in text[i:j]:
            found.append((i, j + len(closing)))
            i = text.find(opening, j + len(closing))
        else:
            i = text.find(opening, i + len(opening))
    return found
