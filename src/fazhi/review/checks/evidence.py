"""Substance: which 纲要 areas the measures cover, and how much evidence backs them.

Reviewers look for figures rather than adjectives, named documents, and
year-on-year change; these checks count them against the report's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated

from pydantic import AfterValidator, Field

from fazhi.core.spans import Span
from fazhi.review.checks.base import CheckSpec, Outcome, Params, Pattern, StrMap, failed, frozen_map, passed
from fazhi.review.context import Context
from fazhi.structure import AREAS
from fazhi.structure.areas import area_scores


def _known_areas(value: tuple[str, ...]) -> tuple[str, ...]:
    unknown = sorted(set(value) - set(AREAS))
    if unknown:
        raise ValueError(f"未知的领域 {unknown};可用: {', '.join(AREAS)}")
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class CoverageParams(Params):
    areas: Annotated[tuple[str, ...], AfterValidator(_known_areas)] = tuple(
        a for a in AREAS if a not in ("publicity", "other")
    )
    max_missing: Annotated[int, Field(ge=0)] = 2
    # An area also counts as covered when the report has this part (the leaders'
    # part is the 纲要's 党的领导 system, written outside the measures).
    covered_by_part: StrMap = field(default_factory=frozen_map)


def area_coverage(ctx: Context, p: CoverageParams) -> Outcome:
    """Areas with work of their own, then the whole report searched for the rest.

    An area without a section or item of its own is still covered when the
    report speaks of it anywhere in its account of the year (a paragraph, a
    figure mapped to one of its indicators); mentioned only in passing or only
    in the shortcomings and plans, it is "not reported on its own"; only when
    the whole text holds none of its words and figures is it absent.
    """
    o = ctx.need_outline()
    figures = ctx.input.figures or ()
    table = o.coverage([f.span.start for f in figures])
    labels = o.rules.area_labels
    elsewhere = _not_the_year(ctx)
    evidence: list[Span] = []
    thin, absent, mentioned = [], [], []
    for area in p.areas:
        row = table[area]
        part = p.covered_by_part.get(area)
        first = None
        if row["chars"] or row["items"] or (part and o.marks_for(part)):
            first = next((u.evidence or u.span for u in o.units if u.area == area), None)
            if first is None:  # mentioned only in an 一是 item inside another area's subsection
                first = next((i.lead for i in o.items if i.area == area), None)
            if first is None and part:
                first = o.marks_for(part)[0].span
            if first is not None:
                evidence.append(first)
            continue
        strong, weak = _mentions(ctx, area, figures, elsewhere)
        named = _in_headings(ctx, area, elsewhere)
        if named:  # a heading or an item's lead names it (`(五)…提升政务服务水平`): work of its own
            evidence.append(named[0])
        elif strong:
            mentioned.append(area)
            evidence.append(strong[0])
        elif weak:
            thin.append(area)
        else:
            absent.append(area)
    missing = thin + absent
    covered = len(p.areas) - len(missing)
    notes = []
    if mentioned:
        notes.append(f"{'、'.join(labels[a] for a in mentioned)}只在其他工作中提及,未见专门报告")
    if thin:
        notes.append(f"未见专门报告{'、'.join(labels[a] for a in thin)}方面的工作(全文只有零星提及)")
    if absent:
        notes.append(f"全文未见{'、'.join(labels[a] for a in absent)}方面的内容")
    details = {
        "covered": covered,
        "total": len(p.areas),
        "missing": "、".join(labels[a] for a in missing),
        "missing_ids": missing,
        "absent_ids": absent,
        "thin_ids": thin,
        "missing_note": ";" + ";".join(notes) if notes else "",
    }
    # An area spoken of without work of its own (a section, an item) earns part of its share.
    credit = (covered - 0.5 * len(mentioned) + 0.25 * len(thin)) / len(p.areas) if p.areas else 1.0
    looked_for = None
    if missing:
        looked_for = (f"{details['missing']}方面的工作:检索了全文的标题、段落和数字(含其指标),"
                      "用的是结构规则中各领域的词表")
    evidence.sort(key=lambda s: s.start)
    if len(missing) <= p.max_missing:
        return passed(credit, evidence=evidence, looked_for=looked_for, details=details)
    return failed(credit, evidence=evidence, looked_for=looked_for, details=details)


def _not_the_year(ctx: Context) -> list[Span]:
    """Stretches that do not report the year's work: the shortcomings, causes and plans."""
    o = ctx.need_outline()
    return [s for part in ("shortcomings", "reasons", "plans") if o.marks_for(part) for s in ctx.region(part)]


def _in_headings(ctx: Context, area: str, elsewhere: list[Span]) -> list[Span]:
    """The area's weighty terms in the headings and item leads of the year's account."""
    o = ctx.need_outline()
    leads = [s.title for s in o.sections if s.title is not None] + [i.lead for i in o.items]
    found = []
    for lead in leads:
        if any(r.start <= lead.start < r.end for r in elsewhere):
            continue
        # Longest terms first, as the outline reads areas: `执法监督` is enforcement, not oversight.
        score = area_scores(ctx.text, lead.start, lead.end, o.rules).get(area)
        if score is not None and score.total >= 2:
            found.append(ctx.span(score.first.start, score.first.end))
    return sorted(found, key=lambda s: s.start)


def _mentions(ctx: Context, area: str, figures, elsewhere: list[Span]) -> tuple[list[Span], list[Span]]:
    """The area's words and figures in the whole text: (in the year's account, weighty) and (the rest)."""
    outside = lambda start: not any(r.start <= start < r.end for r in elsewhere)  # noqa: E731
    strong: list[Span] = []
    weak: list[Span] = []
    for f in figures:
        if f.indicator and f.indicator.split(".")[0] == area:
            (strong if outside(f.span.start) else weak).append(f.span)
    for term in ctx.need_outline().rules.terms:
        if term.area != area:
            continue
        for m in term.pattern.finditer(ctx.text):
            if m.end() > m.start():
                span = ctx.span(m.start(), m.end())
                (strong if term.weight >= 2 and outside(m.start()) else weak).append(span)
    strong.sort(key=lambda s: s.start)
    return strong, weak


@dataclass(frozen=True, slots=True, kw_only=True)
class DensityParams(Params):
    min_per_thousand: Annotated[float, Field(gt=0)]
    full_per_thousand: Annotated[float, Field(gt=0)] | None = None  # full credit from here (default: the minimum)
    max_evidence: Annotated[int, Field(ge=1)] = 20  # spans listed in the finding; the count covers all


def figure_density(ctx: Context, p: DensityParams) -> Outcome:
    figures = ctx.need_figures()
    return _density(ctx, p, [f.span for f in figures], "数字(数量、比率、金额等)")


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentsParams(DensityParams):
    pattern: Pattern = "《[^《》\\n]{2,80}》"


def named_documents(ctx: Context, p: DocumentsParams) -> Outcome:
    seen: dict[str, Span] = {}
    for m in re.finditer(p.pattern, ctx.text):
        seen.setdefault(m.group(0), ctx.span(m.start(), m.end()))
    return _density(ctx, p, sorted(seen.values(), key=lambda s: s.start), "书名号《》中的文件名称")


def _density(ctx: Context, p: DensityParams, spans: list[Span], what: str) -> Outcome:
    chars = ctx.chars
    density = len(spans) * 1000 / chars if chars else 0.0
    details = {"count": len(spans), "chars": chars, "per_thousand": round(density, 2)}
    credit = min(1.0, density / max(p.full_per_thousand or 0.0, p.min_per_thousand))
    looked_for = None if spans else what
    if density >= p.min_per_thousand:
        return passed(credit, evidence=spans[: p.max_evidence], details=details)
    return failed(credit, evidence=spans[: p.max_evidence], looked_for=looked_for, details=details)


CHECKS = (
    # 工作举措覆盖了纲要的哪些领域,哪些没有提到
    CheckSpec("area_coverage", area_coverage, CoverageParams,
              ("covered", "total", "missing", "missing_ids", "absent_ids", "thin_ids", "missing_note")),
    # 每千字的数字个数
    CheckSpec("figure_density", figure_density, DensityParams, ("count", "chars", "per_thousand")),
    # 每千字引用的文件(《》)个数
    CheckSpec("named_documents", named_documents, DocumentsParams, ("count", "chars", "per_thousand")),
)
