"""Join the lines of a PDF back into the paragraphs the author wrote.

A line broken only because the page was full reaches the right margin; the
next line continues it unless that line is indented (Chinese paragraphs
begin two characters in), starts with a heading enumerator, is set in
another font size, sits after extra space, or either line is a table row.
Where the document indents its paragraphs, the indent is trusted over
punctuation (a sentence may end exactly at the margin mid-paragraph);
where it does not, a line ending in 。；：！？ ends its paragraph.

The same holds across a page break: the paragraph is joined, and that
break's footer and header lines follow the paragraph instead of cutting it.
Each page's span starts where the page's first text sits, so a page
boundary may fall inside a joined paragraph, and the held-back furniture of
a break lies within the next page's span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from fazhi.core.spans import NoiseSpan, Span
from fazhi.ingest.pdf_furniture import find_furniture
from fazhi.ingest.pdf_lines import Line

# A sentence or a clause list ends here; closing quotes and brackets may follow.
_TERMINAL = re.compile(r"[。；：！？;:!?…][”’」』)）》】\]]*$")
# Chinese numerals up to 九十九: reports never number a hundred headings, and a
# line starting with 百、 (the tail of an enumeration of slogans) is not item 100.
_CN = "(?:[一二三四五六七八九]|[二三四五六七八九]?十[一二三四五六七八九]?)"
_ENUMERATOR = re.compile(
    rf"^(?:{_CN}[、.．]"
    rf"|[(（]{_CN}[)）]"
    r"|\d{1,2}[、.．](?!\d)"
    r"|[(（]\d{1,2}[)）]"
    r"|[①-⑳]"
    rf"|第{_CN}[章节部分条])"
)
_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")

# How far short of the right edge a line may end and still count as full: a
# line breaks early before a number or Latin word that does not fit whole, and
# ragged layouts (and justified ones that only stretch at spaces) break
# earlier still. A short line that is not a sentence end is rare enough in
# reports that a generous margin costs little.
_FULL_LINE_SLACK = 4.0  # font sizes
_FULL_LINE_SHARE = 0.2  # of the text width
_INDENT = 1.0  # font sizes right of the left edge that mark a first line
_MAX_INDENT = 4.0  # further right is a centred or right-aligned line, not an indent
_MIN_INDENTED, _MIN_INDENTED_SHARE = 3, 0.05
_GAP = 0.5  # font sizes of space beyond the usual leading that separate paragraphs
_SIZE_CHANGE = 1.5  # points


@dataclass(slots=True)
class _Piece:
    """One output line: a furniture line, or a paragraph joined from printed lines."""

    lines: list[Line]
    pages: list[int]  # the page of each printed line
    kind: str | None = None  # furniture kind, None for a paragraph


@dataclass(frozen=True, slots=True)
class PageText:
    lines: list[Line]
    height: float


@dataclass(frozen=True, slots=True)
class Layout:
    text: str
    pages: tuple[Span, ...]
    noise: tuple[NoiseSpan, ...]
    body_chars: int


def assemble(pages: list[PageText]) -> Layout:
    furniture = find_furniture([p.lines for p in pages], [p.height for p in pages])
    body_by_page = [
        [line for i, line in enumerate(page.lines) if i not in kinds] for page, kinds in zip(pages, furniture)
    ]
    body = [line for lines in body_by_page for line in lines]
    geometry = _Geometry.of(body_by_page)
    pieces: list[_Piece] = []
    held: list[_Piece] = []  # furniture waiting for an open paragraph to end
    open_paragraph: _Piece | None = None
    for number, (page, kinds) in enumerate(zip(pages, furniture)):
        for i, line in enumerate(page.lines):
            if i in kinds:
                item = _Piece([line], [number], kinds[i])
                (held if open_paragraph is not None else pieces).append(item)
            elif open_paragraph is not None and geometry.continues(
                open_paragraph.lines[-1], line, same_page=open_paragraph.pages[-1] == number
            ):
                open_paragraph.lines.append(line)
                open_paragraph.pages.append(number)
            else:
                open_paragraph = _Piece([line], [number])
                pieces.extend(held)
                held.clear()
                pieces.append(open_paragraph)
    pieces.extend(held)
    return _render(pieces, len(pages), sum(len(line.text) for line in body))


@dataclass(frozen=True, slots=True)
class _Geometry:
    left: float
    right: float
    # Whether paragraphs start with an indent. Then the indent alone tells a
    # new paragraph, and a line ending in 。 at the margin may still continue.
    indented: bool
    leading: float  # the usual blank space between two lines of one paragraph

    @classmethod
    def of(cls, pages: list[list[Line]]) -> _Geometry:
        lines = [line for page in pages for line in page]
        if not lines:
            return cls(0.0, 0.0, False, 0.0)
        lefts = sorted(line.x0 for line in lines)
        rights = sorted(line.x1 for line in lines)
        # Most body lines are full lines, so a high percentile of their right
        # ends is the text block's right edge; one wide table row cannot move it.
        left, right = lefts[len(lefts) // 10], rights[(len(rights) * 9) // 10]
        first_lines = sum(
            1 for line in lines if _INDENT * line.size < line.x0 - left <= _MAX_INDENT * line.size
        )
        indented = first_lines >= max(_MIN_INDENTED, _MIN_INDENTED_SHARE * len(lines))
        gaps = [b.top - a.bottom for page in pages for a, b in zip(page, page[1:]) if b.top >= a.bottom]
        return cls(left, right, indented, median(gaps) if gaps else 0.0)

    def continues(self, previous: Line, line: Line, *, same_page: bool) -> bool:
        size = max(previous.size, 1.0)
        slack = max(_FULL_LINE_SLACK * size, _FULL_LINE_SHARE * (self.right - self.left))
        if previous.x1 < self.right - slack:
            return False
        if not self.indented and _TERMINAL.search(previous.text):
            return False
        if line.x0 > self.left + _INDENT * size or _ENUMERATOR.match(line.text):
            return False
        if previous.gapped or line.gapped or abs(line.size - previous.size) > _SIZE_CHANGE:
            return False
        if same_page and line.top - previous.bottom > self.leading + _GAP * size:
            return False
        return True


def _render(pieces: list[_Piece], page_count: int, body_chars: int) -> Layout:
    parts: list[str] = []
    noise_at: list[tuple[int, int, str]] = []
    page_start: list[int | None] = [None] * page_count
    offset = 0
    for piece in pieces:
        if parts:
            parts.append("\n")
            offset += 1
        for index, line in enumerate(piece.lines):
            if index and _LATIN_END.search(piece.lines[index - 1].text) and _LATIN_START.match(line.text):
                parts.append(" ")  # two Latin words split by the line break
                offset += 1
            page = piece.pages[index]
            if page_start[page] is None:
                page_start[page] = offset
            parts.append(line.text)
            offset += len(line.text)
        if piece.kind is not None:
            noise_at.append((offset - len(piece.lines[0].text), offset, piece.kind))
    text = "".join(parts)
    noise = tuple(NoiseSpan(Span.of(text, s, e), kind) for s, e, kind in noise_at)
    return Layout(text, _page_spans(text, page_start), noise, body_chars)


def _page_spans(text: str, starts: list[int | None]) -> tuple[Span, ...]:
    # A page with no text of its own (or whose only lines, furniture, were held
    # back behind a later page's text) gets an empty span where the next page begins.
    resolved: list[int] = []
    following = len(text)
    for start in reversed(starts):
        following = min(start, following) if start is not None else following
        resolved.append(following)
    resolved.reverse()
    spans = []
    for number, start in enumerate(resolved):
        end = resolved[number + 1] if number + 1 < len(resolved) else len(text)
        if end > start and text[end - 1] == "\n":
            end -= 1  # the separator between pages belongs to neither
        spans.append(Span.of(text, start, max(start, end)))
    return tuple(spans)
