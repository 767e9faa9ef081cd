"""The statutory parts (规定 Art. 23): present, causes actually stated, leaders' part substantive."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, Field

from fazhi.core.spans import Span
from fazhi.review.checks.base import (
    CheckSpec,
    Outcome,
    Params,
    Patterns,
    failed,
    outermost,
    passed,
)
from fazhi.review.context import Context
from fazhi.structure import PARTS
from fazhi.structure.model import MARK_SOURCES

_SENTENCE_END = re.compile(r"[。！？!?；;]")


def _check_sources(value: tuple[str, ...]) -> tuple[str, ...]:
    unknown = sorted(set(value) - set(MARK_SOURCES))
    if unknown:
        raise ValueError(f"未知的证据来源 {unknown};可用: {', '.join(MARK_SOURCES)}")
    return value


def _known_part(value: str) -> str:
    if value not in PARTS:
        raise ValueError(f"未知的部分 {value!r};可用: {', '.join(PARTS)}")
    return value


Sources = Annotated[tuple[str, ...], AfterValidator(_check_sources)]


@dataclass(frozen=True, slots=True, kw_only=True)
class PartParams(Params):
    part: Annotated[str, AfterValidator(_known_part)]
    label: Annotated[str, Field(min_length=1)]  # how the message names the part
    sources: Sources = MARK_SOURCES  # which kinds of evidence count


def part_present(ctx: Context, p: PartParams) -> Outcome:
    marks = [m for m in ctx.need_outline().marks_for(p.part) if m.source in p.sources]
    details = {"label": p.label, "found": len(marks)}
    if marks:
        return passed(evidence=[m.span for m in marks], details=details)
    return failed(looked_for=f"“{p.label}”部分:标题、独立成段的标题行或段首用语", details=details)


@dataclass(frozen=True, slots=True, kw_only=True)
class CausesParams(Params):
    stated_sources: Sources = ("body",)  # outline evidence that states a cause
    promise_sources: Sources = ("heading", "line", "subheading")  # evidence that only promises one
    # Further wordings of a cause, searched in the shortcomings text.
    cues: Patterns = ()
    looked_for: str = "说明原因的表述"
    # A heading or line naming only the causes (`四、原因分析`) is followed by them:
    # its first paragraph states them, whatever its words.
    dedicated: bool = True
    # A cause names something that can be changed (staff, funds, a mechanism); one that only
    # says awareness is "not strong enough" (法治意识不够强) earns part of the credit.
    concrete: Patterns = ()
    hollow_credit: Annotated[float, Field(ge=0, le=1)] = 1.0


def causes_given(ctx: Context, p: CausesParams) -> Outcome:
    o = ctx.need_outline()
    reasons = o.marks_for("reasons")
    stated = [m.span for m in reasons if m.source in p.stated_sources]
    # A cue inside a heading or line that only promises causes (`原因分析`) states none.
    promised = [m.span for m in reasons if m.source in p.promise_sources]
    stated += [h for h in _cue_hits(ctx, p.cues, ctx.region("shortcomings") + ctx.region("reasons"))
               if not any(s.start <= h.start < s.end for s in promised)]
    if p.dedicated:
        stated += _dedicated(ctx, [m for m in reasons if m.source in p.promise_sources])
    stated = outermost(stated)
    promises = [m for m in reasons if m.source in p.promise_sources]
    heading = ""
    if promises:
        holder = o.sections[promises[0].section]
        heading = (holder.heading or promises[0].span).surface
    details = {"stated": len(stated), "heading": heading}
    if stated:
        if p.concrete and not _concrete_cause(ctx, stated, p.concrete):
            return passed(p.hollow_credit, evidence=stated, variant="hollow", details=details,
                          looked_for="可以改变的具体原因(人员、经费、机制、制度等)")
        return passed(evidence=stated, details=details)
    if promises:
        holder = o.sections[promises[0].section]
        evidence = [holder.heading] if holder.heading else [promises[0].span]
        return failed(evidence=evidence, looked_for=p.looked_for, variant="promised", details=details)
    where = [m.span for m in o.marks_for("shortcomings")]
    variant = None if where else "absent"
    return failed(evidence=where, looked_for=p.looked_for, variant=variant, details=details)


def _concrete_cause(ctx: Context, stated: list[Span], concrete: tuple[str, ...]) -> bool:
    """Whether a sentence stating a cause (from the cue to its full stop) names a concrete one."""
    patterns = [re.compile(c) for c in concrete]
    for span in stated:
        stop = ctx.text.find("。", span.start)
        sentence = ctx.text[span.start : stop if stop >= 0 else span.end + 200]
        if any(x.search(sentence) for x in patterns):
            return True
    return False


def _dedicated(ctx: Context, marks: list) -> list[Span]:
    """The first paragraph under each heading or line that names the causes and nothing else."""
    o = ctx.need_outline()
    found = []
    for mark in marks:
        top = o.sections[mark.section]
        if mark.source == "heading" or (mark.source == "line" and top.kind == "unnumbered"):
            if set(top.parts) == {"reasons"}:
                found += ctx.paragraphs(top.body)[:1]
            continue
        line = next((ln for ln in ctx.lines if ln.start <= mark.span.start < ln.end), None)
        if line is None or {m.part for m in o.marks if line.start <= m.span.start < line.end} != {"reasons"}:
            continue  # `存在的问题和原因` on one line promises causes as a combined heading does
        after = ctx.span(line.end, top.span.end)
        found += ctx.paragraphs(after)[:1]
    return found


def _cue_hits(ctx: Context, cues: tuple[str, ...], regions: list[Span]) -> list[Span]:
    hits = []
    for pattern in (re.compile(c) for c in cues):
        for region in regions:
            for m in pattern.finditer(ctx.text, region.start, region.end):
                if m.end() > m.start():
                    hits.append(ctx.span(m.start(), m.end()))
    return hits


@dataclass(frozen=True, slots=True, kw_only=True)
class LeadersParams(Params):
    min_sentences: Annotated[int, Field(ge=1)] = 3
    min_chars: Annotated[int, Field(ge=1)] = 100
    # Full credit from this length: a paragraph of 100 characters passes, but a part that says
    # what the leaders did (meetings, 述法, decisions, court appearances) takes several hundred.
    full_chars: Annotated[int, Field(ge=1)] = 100


def leaders_substantive(ctx: Context, p: LeadersParams) -> Outcome:
    regions = ctx.region("leaders")
    if not regions:
        # Failed, not inapplicable: a missing part must not lift the score by dropping its rules out.
        return failed(looked_for="党政主要负责人履职部分", variant="absent", details={"sentences": 0, "chars": 0})
    sentences = sum(_sentences(ctx.read(r)) for r in regions)
    chars = sum(1 for r in regions for ch in ctx.read(r) if not ch.isspace())
    details = {"sentences": sentences, "chars": chars}
    if sentences >= p.min_sentences and chars >= p.min_chars:
        return passed(min(1.0, chars / max(p.full_chars, p.min_chars)), evidence=regions, details=details)
    return failed(evidence=regions, details=details)


def _sentences(text: str) -> int:
    return sum(1 for piece in _SENTENCE_END.split(text) if piece.strip())


CHECKS = (
    # 某一法定部分是否出现(标题、标题行、小标题或段首用语)
    CheckSpec("part_present", part_present, PartParams, ("label", "found")),
    # 是否在正文中说明了不足的原因;只在标题中写“原因”不算
    CheckSpec("causes_given", causes_given, CausesParams, ("stated", "heading"),
              ("failed.promised", "failed.absent", "passed.hollow")),
    # 第一责任人部分是否有实质内容(句数与字数)
    CheckSpec("leaders_substantive", leaders_substantive, LeadersParams, ("sentences", "chars"), ("failed.absent",)),
)
