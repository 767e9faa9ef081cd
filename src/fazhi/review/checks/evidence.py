"""Substance: which 纲要 areas the measures cover, and how much evidence backs them.

Reviewers look for figures rather than adjectives, named documents, and
year-on-year change; these checks count them against the report's length.
"""

from __future__ import annotations

import re

from pydantic import Field, field_validator

from fazhi.core.spans import Span
from fazhi.review.checks.base import CheckSpec, Outcome, Params, check_patterns, failed, passed
from fazhi.review.context import Context
from fazhi.structure import AREAS, load_rules


class CoverageParams(Params):
    areas: list[str] = [a for a in AREAS if a not in ("publicity", "other")]
    max_missing: int = Field(2, ge=0)
    # An area also counts as covered when the report has this part (the leaders'
    # part is the 纲要's 党的领导 system, written outside the measures).
    covered_by_part: dict[str, str] = {}

    @field_validator("areas")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(AREAS))
        if unknown:
            raise ValueError(f"未知的领域 {unknown};可用: {', '.join(AREAS)}")
        return value


def area_coverage(ctx: Context, p: CoverageParams) -> Outcome:
    o = ctx.need_outline()
    figures = ctx.input.figures or ()
    table = o.coverage([f.span.start for f in figures])
    labels = load_rules().area_labels
    evidence: list[Span] = []
    missing = []
    for area in p.areas:
        row = table[area]
        part = p.covered_by_part.get(area)
        if row["chars"] or row["items"] or (part and o.marks_for(part)):
            first = next((u.evidence or u.span for u in o.units if u.area == area), None)
            if first is None:  # mentioned only in an 一是 item inside another area's subsection
                first = next((i.lead for i in o.items if i.area == area), None)
            if first is None and part:
                first = o.marks_for(part)[0].span
            if first is not None:
                evidence.append(first)
        else:
            missing.append(area)
    covered = len(p.areas) - len(missing)
    details = {
        "covered": covered,
        "total": len(p.areas),
        "missing": "、".join(labels[a] for a in missing),
        "missing_ids": missing,
        "missing_note": f";未提及{'、'.join(labels[a] for a in missing)}" if missing else "",
    }
    credit = covered / len(p.areas) if p.areas else 1.0
    looked_for = f"工作举措中关于{details['missing']}的内容" if missing else None
    evidence.sort(key=lambda s: s.start)
    if len(missing) <= p.max_missing:
        return passed(credit, evidence=evidence, looked_for=looked_for, details=details)
    return failed(credit, evidence=evidence, looked_for=looked_for, details=details)


class DensityParams(Params):
    min_per_thousand: float = Field(gt=0)
    max_evidence: int = Field(20, ge=1)  # spans listed in the finding; the count covers all


def figure_density(ctx: Context, p: DensityParams) -> Outcome:
    figures = ctx.need_figures()
    return _density(ctx, p, [f.span for f in figures], "数字(数量、比率、金额等)")


class DocumentsParams(DensityParams):
    pattern: str = "《[^《》\\n]{2,80}》"

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        return check_patterns([value])[0]


def named_documents(ctx: Context, p: DocumentsParams) -> Outcome:
    seen: dict[str, Span] = {}
    for m in re.finditer(p.pattern, ctx.text):
        seen.setdefault(m.group(0), Span.of(ctx.text, m.start(), m.end()))
    return _density(ctx, p, sorted(seen.values(), key=lambda s: s.start), "书名号《》中的文件名称")


def _density(ctx: Context, p: DensityParams, spans: list[Span], what: str) -> Outcome:
    chars = ctx.chars
    density = len(spans) * 1000 / chars if chars else 0.0
    details = {"count": len(spans), "chars": chars, "per_thousand": round(density, 2)}
    credit = min(1.0, density / p.min_per_thousand)
    looked_for = None if spans else what
    if density >= p.min_per_thousand:
        return passed(credit, evidence=spans[: p.max_evidence], details=details)
    return failed(credit, evidence=spans[: p.max_evidence], looked_for=looked_for, details=details)


_NEAR = 8  # characters between a comparing word and the figure it introduces


class ComparisonParams(Params):
    min_count: int = Field(2, ge=1)
    # Words that compare with an earlier period even where no figure carries the change.
    words: list[str] = []
    max_evidence: int = Field(20, ge=1)

    @field_validator("words")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        return check_patterns(value)


def comparisons(ctx: Context, p: ComparisonParams) -> Outcome:
    """Changes over time: a figure the figures stage read as a change (增长/下降 X%, 从 X 到 Y), or a comparing word."""
    figures = ctx.need_figures()
    found: list[Span] = []
    for i, f in enumerate(figures):
        # `从1171户下降至679户` is one comparison, not two.
        if f.compare in ("increase", "decrease", "from") or (
            f.compare == "to" and not (i and figures[i - 1].compare == "from")
        ):
            found.append(f.span)
    for pattern in (re.compile(w) for w in p.words):
        for m in pattern.finditer(ctx.text):
            # `同比增长12%`: the word and its figure are one comparison.
            if m.end() > m.start() and not any(m.start() <= s.start <= m.end() + _NEAR for s in found):
                found.append(Span.of(ctx.text, m.start(), m.end()))
    found.sort(key=lambda s: s.start)
    details = {"count": len(found)}
    credit = min(1.0, len(found) / p.min_count)
    if len(found) >= p.min_count:
        return passed(credit, evidence=found[: p.max_evidence], details=details)
    return failed(credit, evidence=found[: p.max_evidence], looked_for="与上年或往年的比较(同比、增长/下降、从…到…)",
                  details=details)


CHECKS = (
    CheckSpec("area_coverage", area_coverage, CoverageParams, ("covered", "total", "missing", "missing_ids", "missing_note"),
              doc="工作举措覆盖了纲要的哪些领域,哪些没有提到"),
    CheckSpec("figure_density", figure_density, DensityParams, ("count", "chars", "per_thousand"),
              doc="每千字的数字个数"),
    CheckSpec("named_documents", named_documents, DocumentsParams, ("count", "chars", "per_thousand"),
              doc="每千字引用的文件(《》)个数"),
    CheckSpec("comparisons", comparisons, ComparisonParams, ("count",),
              doc="与往年的比较(同比、增减)个数"),
)
