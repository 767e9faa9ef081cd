"""Cutting a stored report's text into sentences, chunks and statutory parts, always with spans.

Every piece keeps ``start``/``end`` into the stored text, so that anything
the corpus reports (a copied passage, a plan item) can be shown in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

# A sentence ends at 。!?; (full or half width) or at a line end.
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*")
CHUNK_MIN = 80  # characters: a chunk shorter than this gives MinHash too few shingles to be stable
CHUNK_MAX = 260


@dataclass(frozen=True, slots=True)
class Piece:
    start: int
    end: int
    text: str


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Piece]:
    """Sentences of ``text[start:end]`` with surrounding blanks trimmed; blank ones skipped."""
    end = len(text) if end is None else end
    for m in _SENTENCE.finditer(text, start, end):
        raw = m.group()
        left = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            s = m.start() + left
            yield Piece(s, s + len(body), body)


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[Piece]:
    end = len(text) if end is None else end
    pos = start
    for line in text[start:end].split("\n"):
        body = line.strip()
        if body:
            s = pos + line.index(body[0])
            yield Piece(s, s + len(body), body)
        pos += len(line) + 1


def chunks(text: str) -> list[Piece]:
    """Paragraphs cut at sentence ends into pieces of CHUNK_MIN..CHUNK_MAX characters.

    Boundaries fall at sentence ends so that a paragraph copied whole into
    another report is cut the same way there, and its MinHash is the same.
    """
    out: list[Piece] = []
    for para in paragraphs(text):
        group: list[Piece] = []
        for sent in sentences(text, para.start, para.end):
            group.append(sent)
            if group[-1].end - group[0].start >= CHUNK_MIN:
                out.append(_join(text, group))
                group = []
        if group:
            # A short tail joins the previous chunk of its paragraph when that stays small.
            if out and out[-1].start >= para.start and group[-1].end - out[-1].start <= CHUNK_MAX:
                out[-1] = Piece(out[-1].start, group[-1].end, text[out[-1].start:group[-1].end])
            else:
                out.append(_join(text, group))
    return out


def _join(text: str, group: list[Piece]) -> Piece:
    return Piece(group[0].start, group[-1].end, text[group[0].start:group[-1].end])


@dataclass(frozen=True, slots=True)
class PartRange:
    start: int
    end: int
    parts: tuple[str, ...]
    heading: str | None


def part_ranges(analysis: Mapping[str, Any]) -> list[PartRange]:
    """The level-1 sections with the statutory parts the outline gave them."""
    out = []
    for s in analysis.get("sections") or ():
        if s.get("level") == 1 and s.get("parts"):
            out.append(PartRange(s["offset"], s["offset"] + s["length"], tuple(s["parts"]), s.get("heading")))
    return out


def subsections(analysis: Mapping[str, Any], within: PartRange) -> list[PartRange]:
    """Level-2 sections inside one part."""
    out = []
    for s in analysis.get("sections") or ():
        if s.get("level") == 2 and within.start <= s["offset"] < within.end:
            out.append(PartRange(s["offset"], s["offset"] + s["length"], within.parts, s.get("heading")))
    return out


def part_of(ranges: list[PartRange], offset: int) -> tuple[str, ...]:
    for r in ranges:
        if r.start <= offset < r.end:
            return r.parts
    return ()
