"""Lines of the (masked, folded) text with their offsets.

Reports put one paragraph per line in every format we read (web copies, DOCX,
plain text), so a line is the unit on which headings and paragraph openers
are recognised. Blank lines and lines blanked by the noise mask are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from fazhi.core.spans import line_spans

# Web copies indent with ASCII spaces, ideographic spaces (U+3000) or no-break
# spaces; all of them are indentation, not text.
INDENT = " \t\u3000\xa0\u2002\u2003"


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line: ``text[start:end]`` without its indentation and trailing blanks."""

    start: int
    end: int
    content: str


def split_lines(text: str) -> tuple[Line, ...]:
    # line_spans cuts with str.splitlines, so \v, \f, \x85, \u2028 and the like
    # (left in text pasted from word processors) end a line here too.
    return tuple(Line(start, end, text[start:end]) for start, end in line_spans(text))


def rstrip_end(text: str, start: int, end: int) -> int:
    """``end`` moved left past trailing whitespace, never before ``start``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
