"""Render an HTML subtree as lines of text, the way a browser lays it out.

One line per paragraph-level block, one line per data-table row (cells joined
by a tab). Each line remembers the block element it came from, so that the
content finder can map another extractor's output back onto the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

# Elements that start and end a line of text.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main menu nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
# Elements whose text no reader sees (or that only hold controls and code).
SKIP_TAGS = frozenset(
    "applet audio button canvas datalist embed frame frameset head iframe input link map meta "
    "noscript object option script select source style svg template textarea title video".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")
# A data table's cell is short; a cell this long means the table lays out the page.
_LAYOUT_CELL_CHARS = 600


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    owner: lxml_html.HtmlElement  # the block element the line's first text sits in


def _is_wide(char: str) -> bool:
    """Hanzi, CJK punctuation and full-width forms (what CSS calls East Asian wide)."""
    if not char:
        return False
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
        or char in "\u201c\u201d\u2018\u2019\u2014\u2026\u00b7"
    )


def collapse(raw: str) -> str:
    """Collapse ASCII whitespace as a browser does.

    Templates wrap long Chinese lines in the source; a line break between two
    hanzi renders as nothing (CSS Text 3 segment-break rule, as in Firefox),
    otherwise it would split words like 法治 政府 and break every later match.
    Non-ASCII spaces (&nbsp;, 　) are text and stay.
    """

    def space(match: re.Match[str]) -> str:
        run = match.group()
        if "\n" in run or "\r" in run:
            before = raw[match.start() - 1] if match.start() else ""
            after = raw[match.end()] if match.end() < len(raw) else ""
            if _is_wide(before) and _is_wide(after):
                return ""
        return " "

    return _ASCII_SPACE.sub(space, raw)


def _tag(element: object) -> str:
    tag = getattr(element, "tag", None)
    return tag.lower() if isinstance(tag, str) else ""


def is_hidden(element: lxml_html.HtmlElement) -> bool:
    return element.get("hidden") is not None or bool(_HIDDEN_STYLE.search(element.get("style", "")))


class _Writer:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self._parts: list[str] = []
        self._owner: lxml_html.HtmlElement | None = None

    def text(self, value: str | None, owner: lxml_html.HtmlElement) -> None:
        if not value:
            return
        if self._owner is None and value.strip():
            self._owner = owner
        self._parts.append(value)

    def line(self, value: str, owner: lxml_html.HtmlElement) -> None:
        self.end_line()
        value = value.strip()
        if value:
            self.lines.append(Line(value, owner))

    def end_line(self) -> None:
        if self._parts:
            # Strip with str.strip so that indentation (　　, &nbsp;) goes too.
            text = collapse("".join(self._parts)).strip()
            if text and self._owner is not None:
                self.lines.append(Line(text, self._owner))
        self._parts = []
        self._owner = None


def _is_layout_table(table: lxml_html.HtmlElement) -> bool:
    if any(True for _ in table.iterdescendants("table")):
        return True
    return any(len(cell.text_content()) > _LAYOUT_CELL_CHARS for cell in table.iter("td", "th"))


def _write_table(table: lxml_html.HtmlElement, out: _Writer) -> None:
    for child in table:
        if _tag(child) == "caption":
            out.line(" ".join(line.text for line in render(child)), child)
    for row in table.iter("tr"):
        cells = []
        for cell in row:
            if _tag(cell) in ("td", "th") and not is_hidden(cell):
                # A cell is one piece of the row; its own paragraphs run together.
                cells.append(" ".join(line.text for line in render(cell)))
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            out.line("\t".join(cells), row)


def _walk(root: lxml_html.HtmlElement, out: _Writer) -> None:
    # An explicit stack, not recursion: pages nested thousands of levels deep
    # (unclosed <div>s) must not exhaust Python's recursion limit.
    stack: list[tuple[str, object, lxml_html.HtmlElement]] = [("enter", root, root)]
    while stack:
        action, item, owner = stack.pop()
        if action == "text":
            out.text(item, owner)  # type: ignore[arg-type]
            continue
        if action == "end":
            out.end_line()
            continue
        element: lxml_html.HtmlElement = item  # type: ignore[assignment]
        tag = _tag(element)
        if not tag or tag in SKIP_TAGS or is_hidden(element):
            continue
        if tag == "br":
            out.end_line()
            continue
        if tag == "table" and not _is_layout_table(element):
            _write_table(element, out)
            continue
        if tag == "pre":
            # Preformatted: the source's line breaks are the lines (plain text pasted as <pre>).
            for text in element.text_content().splitlines():
                out.line(text, element)
            continue
        if tag in BLOCK_TAGS:
            out.end_line()
            owner = element
            stack.append(("end", None, owner))
        out.text(element.text, owner)
        for child in reversed(element):
            stack.append(("text", child.tail, owner))
            stack.append(("enter", child, owner))


def render(element: lxml_html.HtmlElement) -> list[Line]:
    """The non-empty lines of ``element``, stripped, in document order."""
    out = _Writer()
    _walk(element, out)
    out.end_line()
    return out.lines


def squash(text: str) -> str:
    """Text with all whitespace removed: how two renderings of the same words are compared."""
    return re.sub(r"\s+", "", text)
