"""Next year's plans (规定 Art. 23(4)): how many items carry a measurable target or a date.

A reviewer cannot check "深入推进法治政府建设" a year later; "年内开展不少于2次督察"
can be checked. An item is specific when it holds a figure (the figures stage
found one inside it) or a time limit (a date pattern from the rule file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from fazhi.core.spans import Span
from fazhi.review.checks.base import CheckSpec, Outcome, Params, Patterns, failed, outermost, passed
from fazhi.review.context import Context


@dataclass(frozen=True, slots=True, kw_only=True)
class PlansParams(Params):
    min_share: Annotated[float, Field(ge=0, le=1)] = 0.5  # of the items
    min_specific: Annotated[int, Field(ge=0)] = 1
    dates: Patterns = ()  # time limits: `6月底前`, `年内`, `第一季度前`
    # Plans listed as this many items or more earn this much even without a target.
    min_items_listed: Annotated[int, Field(ge=1)] = 3
    listed_credit: Annotated[float, Field(ge=0, le=1)] = 0.0
    # Numbers with a unit the figures stage may not take (`每月开展“1”期`, `不少于两次`) and frequencies.
    measures: Patterns = ()
    # Spans where a date does not count: a document's name `《…(2023—2025年)》` sets no limit.
    ignore: Patterns = ("《[^《》]*》",)


def plans_specific(ctx: Context, p: PlansParams) -> Outcome:
    regions = plan_regions(ctx)
    if not regions:
        return failed(looked_for="下一年度主要安排", variant="absent", details={"items": 0, "specific": 0, "share": 0.0})
    items = [item for region in regions for item in plan_items(ctx, region)]
    dates = [re.compile(d) for d in p.dates]
    measures = [re.compile(m) for m in p.measures]
    ignore = [re.compile(i) for i in p.ignore]
    marks = {}
    for item in items:
        found = [f.span for f in ctx.figures_in(item)] + _dates(ctx, item, dates + measures, ignore)
        if found:
            marks[item] = outermost(found)
    share = len(marks) / len(items) if items else 0.0
    details = {"items": len(items), "specific": len(marks), "share": round(share, 4)}
    credit = min(1.0, share / p.min_share) if p.min_share else 1.0
    if len(items) >= p.min_items_listed:
        # Plans set out item by item can at least be checked off next year, targets or not.
        credit = max(credit, p.listed_credit)
    if len(marks) >= p.min_specific and share >= p.min_share:
        return passed(credit, evidence=[s for spans in marks.values() for s in spans], details=details)
    # Show the items that lack a target: they are what the author has to rewrite.
    vague = [item for item in items if item not in marks]
    # One paragraph with nothing to measure is the genre's generic 下一步 paragraph.
    variant = "paragraph" if len(items) == 1 and not marks else ("none" if not marks else None)
    return failed(credit, evidence=vague, looked_for="可衡量的目标(数字)或完成时限", variant=variant,
                  details=details)


def plan_regions(ctx: Context) -> list[Span]:
    """The plans' text; in a section that also holds other parts, from the paragraph that opens the plans."""
    o = ctx.need_outline()
    regions = []
    for region in ctx.region("plans"):
        top = next((s for s in o.top if _same(s.body, region) or _same(s.span, region)), None)
        if top is not None and set(top.parts) - {"plans"}:
            region = _plans_within(ctx, region)
        regions.append(region)
    return regions


def _plans_within(ctx: Context, body: Span) -> Span:
    """`三、存在的不足和原因及2025年的主要安排`: the plans open at `下一步,`, else they are the last paragraph."""
    openers = ctx.need_outline().rules.parts["plans"].opener
    paragraphs = ctx.paragraphs(body)
    for paragraph in paragraphs[1:]:
        if any(p.search(ctx.read(paragraph)) for p in openers):
            return ctx.span(paragraph.start, body.end)
    if len(paragraphs) > 1:
        return paragraphs[-1]
    return body


def plan_items(ctx: Context, region: Span) -> list[Span]:
    """Subsections, else 一是 items, else paragraphs: the finest enumeration the report uses."""
    o = ctx.need_outline()
    inside = [s for s in o.sections if region.start <= s.span.start and s.span.end <= region.end]
    if inside:
        level = min(s.level for s in inside)
        return [s.span for s in inside if s.level == level]
    items = [i.span for i in o.items if region.start <= i.span.start and i.span.end <= region.end]
    return items or ctx.paragraphs(region)


def _dates(ctx: Context, item: Span, dates: list[re.Pattern[str]], ignore: list[re.Pattern[str]]) -> list[Span]:
    blocked = [(m.start(), m.end()) for pat in ignore for m in pat.finditer(ctx.text, item.start, item.end)]
    found = []
    for pattern in dates:
        for m in pattern.finditer(ctx.text, item.start, item.end):
            if m.end() > m.start() and not any(s <= m.start() < e for s, e in blocked):
                found.append(ctx.span(m.start(), m.end()))
    return found


def _same(a: Span, b: Span) -> bool:
    return (a.start, a.end) == (b.start, b.end)


CHECKS = (
    # 下一年度安排中有多少项给出了可衡量的目标或完成时限
    CheckSpec("plans_specific", plans_specific, PlansParams, ("items", "specific", "share"), ("failed.paragraph", "failed.none", "failed.absent")),
)
