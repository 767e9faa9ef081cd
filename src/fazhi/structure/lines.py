"""Lines of the (masked) text with their offsets.

Reports put one paragraph per line in every format we read (web copies, DOCX,
plain text), so a line is the unit on which headings and paragraph openers
are recognised. Blank lines and lines blanked by the noise mask are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    lines: list[Line] = []
    pos = 0
    # splitlines also breaks on \f (PDF page breaks) and \u2028, which are line ends here too.
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\f\v\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            lines.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw)
    return tuple(lines)


def rstrip_end(text: str, start: int, end: int) -> int:
    """``end`` moved left past trailing whitespace, never before ``start``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
