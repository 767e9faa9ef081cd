"""A stored report's text cut into marked pieces for the page: sections, figures, noise, evidence.

Marks overlap freely (a figure inside a finding's evidence inside a section),
so the text is cut at every mark boundary and each piece carries the set of
marks covering it. Pieces are plain text; the template escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    classes: str  # CSS classes: noise, figure, heading
    evidence: str  # space-separated finding numbers whose evidence covers this piece
    anchor: str | None  # an id to link to (a heading's section), on the first piece of it


def _marks(analysis: dict, text: str) -> list[tuple[int, int, str, str]]:
    marks: list[tuple[int, int, str, str]] = []
    for n in analysis.get("noise") or []:
        marks.append((n["offset"], n["offset"] + n["length"], "class", "noise"))
    for f in analysis.get("figures") or []:
        marks.append((f["offset"], f["offset"] + len(f["text"]), "class", "figure"))
    for i, s in enumerate(analysis.get("sections") or []):
        heading = s.get("heading") or ""
        start = text.find(heading, s["offset"], s["offset"] + s["length"]) if heading else -1
        if start >= 0:
            marks.append((start, start + len(heading), "class", "heading"))
            marks.append((start, start + len(heading), "anchor", f"s{i}"))
    for i, finding in enumerate(analysis.get("findings") or []):
        for ev in finding.get("evidence") or []:
            if ev.get("offset") is not None and ev.get("length"):
                marks.append((ev["offset"], ev["offset"] + ev["length"], "ev", str(i)))
    return [(max(0, a), min(len(text), b), kind, value) for a, b, kind, value in marks if b > a]


def pieces(analysis: dict, text: str) -> list[Piece]:
    marks = _marks(analysis, text)
    cuts = sorted({0, len(text), *(a for a, *_ in marks), *(b for _, b, *_ in marks)})
    starts: dict[int, list] = {}
    for mark in marks:
        starts.setdefault(mark[0], []).append(mark)
    active: list[tuple[int, int, str, str]] = []
    result: list[Piece] = []
    for lo, hi in zip(cuts, cuts[1:]):
        active = [m for m in active if m[1] > lo] + starts.get(lo, [])
        classes = sorted({v for _, _, k, v in active if k == "class"})
        evidence = sorted({v for _, _, k, v in active if k == "ev"}, key=int)
        anchor = next((v for a, _, k, v in active if k == "anchor" and a == lo), None)
        if evidence:
            classes.append("ev")
        result.append(Piece(text[lo:hi], " ".join(classes), " ".join(evidence), anchor))
    return result
