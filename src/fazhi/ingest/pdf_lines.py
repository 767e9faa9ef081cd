"""From positioned characters to text lines, with the spaces a reader expects.

A PDF has no lines or spaces, only glyphs at coordinates. Glyphs are grouped
into lines by vertical overlap and ordered left to right; a space is written
where the gap between two glyphs is wide, and then the spaces that producers
leave between Chinese and digits (整改事项 1972 项, 100 %) are taken out so
that figures and headings read as the author typed them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# CJK ideographs, CJK and full-width punctuation, and the quotes/dashes that
# Chinese text uses from the general punctuation block.
CJK = (
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\u2014\u2018-\u201d\u2026\u00b7"
)
_IS_CJK = re.compile(f"[{CJK}]")
_SPACE_AFTER_CJK = re.compile(rf"(?<=[{CJK}])[ \u00a0]+(?=[0-9%])")
_SPACE_BEFORE_CJK = re.compile(rf"(?<=[0-9%])[ \u00a0]+(?=[{CJK}])")
_SPACE_BEFORE_PERCENT = re.compile(r"(?<=[0-9])[ \u00a0]+(?=%)")
_RUN_OF_SPACES = re.compile(r"[ \u00a0]{2,}")

# Gaps, in units of the font size, beyond which a space is written. Between two
# Chinese characters only a wide gap counts: justified Chinese lines spread
# their characters, and a space inside a Chinese sentence is nearly always wrong.
_GAP_LATIN = 0.25
_GAP_CJK = 1.0
_SAME_SPOT = 0.5  # points: a glyph drawn twice here is one glyph (fake bold)
_COLUMN_GAP = 2.5  # font sizes: a gap this wide separates table cells


@dataclass(frozen=True, slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the largest font size on the line
    # A gap wider than a few characters inside the line: a table row or a
    # form line, never a line of a wrapped paragraph.
    gapped: bool = False


def tidy_spaces(text: str) -> str:
    """Remove spaces between Chinese and digits or %, both ways; keep spaces between Latin words."""
    text = _SPACE_AFTER_CJK.sub("", text)
    text = _SPACE_BEFORE_CJK.sub("", text)
    text = _SPACE_BEFORE_PERCENT.sub("", text)
    return _RUN_OF_SPACES.sub(" ", text)


def build_lines(glyphs: list[Glyph]) -> list[Line]:
    """Lines of one page, top to bottom."""
    rows: list[list[Glyph]] = []
    band_top = band_bottom = 0.0
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        middle = (glyph.top + glyph.bottom) / 2
        if rows and band_top <= middle <= band_bottom:
            rows[-1].append(glyph)
            band_bottom = max(band_bottom, glyph.bottom)
        else:
            rows.append([glyph])
            band_top, band_bottom = glyph.top, glyph.bottom
    lines = [_line(row) for row in rows]
    return [line for line in lines if line is not None]


def _line(row: list[Glyph]) -> Line | None:
    row.sort(key=lambda g: g.x0)
    kept: list[Glyph] = []
    for glyph in row:
        if kept and glyph.text == kept[-1].text and abs(glyph.x0 - kept[-1].x0) < _SAME_SPOT:
            continue
        kept.append(glyph)
    parts: list[str] = []
    for i, glyph in enumerate(kept):
        if i and glyph.text != " " and kept[i - 1].text != " " and _space_before(kept, i):
            parts.append(" ")
        parts.append(glyph.text)
    text = tidy_spaces("".join(parts).strip())
    visible = [g for g in kept if not g.text.isspace()]
    if not text or not visible:
        return None
    gapped = any(
        b.x0 - a.x1 > _COLUMN_GAP * max(b.size, 1.0) for a, b in zip(visible, visible[1:])
    )
    return Line(
        text=text,
        x0=visible[0].x0,
        x1=visible[-1].x1,
        top=min(g.top for g in visible),
        bottom=max(g.bottom for g in visible),
        size=max(g.size for g in visible),
        gapped=gapped,
    )


def _gap(glyphs: list[Glyph], i: int) -> float:
    """Blank space before glyph ``i``, in font sizes (0 at the ends of the line)."""
    if i <= 0 or i >= len(glyphs):
        return 0.0
    left, right = glyphs[i - 1], glyphs[i]
    return (right.x0 - left.x1) / max(left.size, right.size, 1.0)


def _space_before(glyphs: list[Glyph], i: int) -> bool:
    left, right = glyphs[i - 1].text[-1:], glyphs[i].text[:1]
    if not (_IS_CJK.match(left) and _IS_CJK.match(right)):
        return _gap(glyphs, i) > _GAP_LATIN
    # Between Chinese characters only a lone wide gap is a space: a title set
    # with distributed alignment (法  治  政  府) has wide gaps everywhere.
    return (
        _gap(glyphs, i) > _GAP_CJK
        and _gap(glyphs, i - 1) < _GAP_CJK / 2
        and _gap(glyphs, i + 1) < _GAP_CJK / 2
    )
