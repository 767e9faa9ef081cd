"""One jurisdiction across years: indicator series, plan follow-through, shortcomings that return.

Year N's plans are matched against year N+1's measures, and year N's
admitted shortcomings against N+1's, by TF-IDF cosine over character bigrams
(see similarity.py). The thresholds were set on the fictional pair in
tests/corpus_view/ and the seeds' own parts; each verdict carries its score and
the passage that decided it, so a reviewer can overrule it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from fazhi.corpus.indicators import Cell, Column, figure_cells
from fazhi.corpus.model import ReportRecord
from fazhi.corpus.similarity import TfIdf
from fazhi.corpus.text import Piece, part_ranges, sentences, subsections

FOLLOWED = 0.40  # cosine from which a passage of N+1 is taken to carry out a plan item of N
REPEATED = 0.40  # cosine from which a shortcoming of N+1 is the one admitted in N
VERDICTS = {True: "落实", False: "未见落实"}


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    year: int
    report_id: int
    cell: Cell
    change: Decimal | None  # against the previous point of the series


@dataclass(frozen=True, slots=True)
class Series:
    column: Column
    points: tuple[SeriesPoint, ...]


def by_year(reports: Sequence[ReportRecord]) -> list[ReportRecord]:
    """One report per year (the best scored when a year has two), oldest first."""
    best: dict[int, ReportRecord] = {}
    for r in reports:
        if r.report_year is None:
            continue
        have = best.get(r.report_year)
        if have is None or (r.score or 0) > (have.score or 0):
            best[r.report_year] = r
    return [best[y] for y in sorted(best)]


def series(reports: Sequence[ReportRecord], indicators: Sequence[str]) -> list[Series]:
    wanted = frozenset(indicators)
    points: dict[Column, list[tuple[int, int, Cell]]] = {}
    for r in by_year(reports):
        seen: set[Column] = set()
        for column, cell in figure_cells(r, wanted):
            if column not in seen:  # the first figure of a column in a report, as in the table
                seen.add(column)
                points.setdefault(column, []).append((r.report_year, r.id, cell))
    out = []
    for column, pts in points.items():
        made: list[SeriesPoint] = []
        for year, rid, cell in pts:
            change = cell.value - made[-1].cell.value if made else None
            made.append(SeriesPoint(year, rid, cell, change))
        out.append(Series(column, tuple(made)))
    return out


@dataclass(frozen=True, slots=True)
class PlanCheck:
    plan: Piece  # in year N's text
    verdict: str  # 落实 | 未见落实
    score: float
    evidence: Piece | None  # the best passage of year N+1's measures
    searched: str  # what was searched, said when nothing was found


@dataclass(frozen=True, slots=True)
class Repeat:
    earlier: Piece
    later: Piece
    score: float


_ENUMERATOR = re.compile(r"^\s*[((]?[一二三四五六七八九十\d]+[))、.．]\s*")


def plan_items(record: ReportRecord) -> list[tuple[Piece, str]]:
    """Year N's plan items with the words that name each: a subsection and its heading, else a sentence.

    A subsection is matched by its heading as well as by its whole text: the
    heading names the promise, the body often wanders into general words.
    """
    out: list[tuple[Piece, str]] = []
    for part in part_ranges(record.analysis):
        if "plans" not in part.parts:
            continue
        subs = subsections(record.analysis, part)
        if subs:
            for s in subs:
                heading = _ENUMERATOR.sub("", s.heading or "").rstrip("。")
                out.append((Piece(s.start, s.end, record.text[s.start:s.end].strip()), heading))
        else:
            body = _after_heading(record, part.start, part.end)
            out += [(p, p.text) for p in sentences(record.text, body, part.end) if len(p.text) >= 8]
    return out


def part_sentences(record: ReportRecord, part: str) -> list[Piece]:
    out: list[Piece] = []
    for r in part_ranges(record.analysis):
        if part in r.parts:
            out += [p for p in sentences(record.text, _after_heading(record, r.start, r.end), r.end)
                    if len(p.text) >= 8]
    return out


def _after_heading(record: ReportRecord, start: int, end: int) -> int:
    newline = record.text.find("\n", start, end)
    return end if newline < 0 else newline + 1


def follow_through(earlier: ReportRecord, later: ReportRecord) -> list[PlanCheck]:
    plans = plan_items(earlier)
    measures = part_sentences(later, "measures") or list(sentences(later.text))
    if not plans:
        return []
    n = len(plans)
    model = TfIdf([p.text for p, _ in plans] + [key for _, key in plans] + [m.text for m in measures])
    searched = f"{later.label}报告“主要举措”部分的{len(measures)}个句子"
    out = []
    for i, (plan, _) in enumerate(plans):
        best, score = None, 0.0
        for j, m in enumerate(measures):
            s = max(model.cosine(i, 2 * n + j), model.cosine(n + i, 2 * n + j))
            if s > score:
                best, score = m, s
        done = score >= FOLLOWED
        out.append(PlanCheck(plan, VERDICTS[done], round(score, 3), best, searched))
    return out


def repeated_shortcomings(earlier: ReportRecord, later: ReportRecord) -> list[Repeat]:
    a, b = part_sentences(earlier, "shortcomings"), part_sentences(later, "shortcomings")
    if not a or not b:
        return []
    model = TfIdf([p.text for p in a] + [p.text for p in b])
    out = []
    for j, later_piece in enumerate(b):
        scores = [(model.cosine(i, len(a) + j), i) for i in range(len(a))]
        score, i = max(scores)
        if score >= REPEATED:
            out.append(Repeat(a[i], later_piece, round(score, 3)))
    return out
