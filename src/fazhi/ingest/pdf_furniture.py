"""Running headers, footers and page numbers of a PDF.

They are found where they sit (the first or last lines of a page, inside the
top or bottom margin) and confirmed by what they are: a page-number pattern,
or the same line repeated on many pages (digits ignored, so "第 3 页" and
"第 4 页" count as the same line). Position alone would take a body line that
happens to sit low on a page; repetition alone would miss a one-page report's
page number.
"""

from __future__ import annotations

import re
from collections import Counter

from fazhi.ingest.noise import classify_line
from fazhi.ingest.pdf_lines import Line

PAGE_HEADER, PAGE_FOOTER, PAGE_NUMBER = "page_header", "page_footer", "page_number"

# Fractions of the page height searched for furniture at the top and bottom.
_TOP_ZONE = 0.15
_BOTTOM_ZONE = 0.85
_LINES_PER_ZONE = 2
# A line is a running header/footer if it recurs on this share of the pages (and on two at least).
_REPEAT_SHARE = 0.3
# Page numbers are recognised as everywhere (noise.classify_line); a bare
# number counts too, but only here, where the line sits in a page margin.
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_DIGITS = re.compile(r"\d+")
_WHITESPACE = re.compile(r"\s+")


def find_furniture(pages: list[list[Line]], heights: list[float]) -> list[dict[int, str]]:
    """For each page, {line index: kind} of the lines that are page furniture."""
    zones = [_zones(lines, height) for lines, height in zip(pages, heights)]
    counts: Counter[tuple[str, str]] = Counter()
    for page_lines, (top, bottom) in zip(pages, zones):
        # A key counts once per page, so a header line repeated on one page does not confirm itself.
        counts.update({("top", _key(page_lines[i].text)) for i in top})
        counts.update({("bottom", _key(page_lines[i].text)) for i in bottom})
    needed = max(2, _REPEAT_SHARE * len(pages))
    found: list[dict[int, str]] = []
    for page_lines, (top, bottom) in zip(pages, zones):
        kinds: dict[int, str] = {}
        for where, indexes, kind in (("top", top, PAGE_HEADER), ("bottom", bottom, PAGE_FOOTER)):
            # From the page edge inwards; furniture stops at the first body line.
            for i in indexes:
                text = page_lines[i].text
                if classify_line(text) == "page_number" or _BARE_NUMBER.match(text):
                    kinds[i] = PAGE_NUMBER
                elif counts[(where, _key(text))] >= needed:
                    kinds[i] = kind
                else:
                    break
        found.append(kinds)
    return found


def _zones(lines: list[Line], height: float) -> tuple[list[int], list[int]]:
    """Indexes of the outermost lines that lie in the top and bottom margins."""
    top: list[int] = []
    for i, line in enumerate(lines[:_LINES_PER_ZONE]):
        if line.bottom > height * _TOP_ZONE:
            break
        top.append(i)
    bottom: list[int] = []
    for i in range(len(lines) - 1, max(len(lines) - 1 - _LINES_PER_ZONE, -1), -1):
        if i in top or lines[i].top < height * _BOTTOM_ZONE:
            break
        bottom.append(i)
    return top, bottom


def _key(text: str) -> str:
    return _DIGITS.sub("#", _WHITESPACE.sub("", text))
