"""Stock phrases: formulas that could stand in any report of any year.

The list is data (in the rule file); the share is that of the sentences
holding at least one, because one formula in a long sentence of facts matters
less than a paragraph made of them. It is measured part by part where the
rule names parts: a shortcomings part made of 还存在一些差距和不足 says nothing,
however concrete the measures before it are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from fazhi.core.spans import Span
from fazhi.review.checks.base import CheckSpec, Outcome, Params, Patterns, failed, passed
from fazhi.review.context import Context

_SENTENCE = re.compile(r"[^。！？!?；;\n]+")
_PART_LABELS = {"measures": "主要举措和成效", "shortcomings": "存在的不足", "reasons": "原因",
                "plans": "下一年度安排", "leaders": "第一责任人履职情况", "other": "其他情况"}


@dataclass(frozen=True, slots=True, kw_only=True)
class StockParams(Params):
    phrases: Annotated[Patterns, Field(min_length=1)]  # regular expressions
    max_share: Annotated[float, Field(gt=0, le=1)] = 0.25
    max_evidence: Annotated[int, Field(ge=1)] = 30
    # Measure each of these parts on its own (the worst decides); empty: the whole report.
    parts: tuple[str, ...] = ()
    # Count only hollow sentences: a formula in a sentence that names a field, a figure or a
    # document (`普法工作的创新性不够,针对性还需加强`) is not what the reader skips.
    hollow_only: bool = False


def _concrete(ctx: Context, start: int, end: int) -> bool:
    """A sentence that also names a field, a figure or a document says something besides its formula."""
    text = ctx.text[start:end]
    if "《" in text or (ctx.input.figures is not None and ctx.figures_in(ctx.span(start, end))):
        return True
    outline = ctx.input.outline
    return outline is not None and any(t.weight >= 2 and t.pattern.search(text) for t in outline.rules.terms)


def _measure(ctx: Context, p: StockParams, patterns: list[re.Pattern[str]], spans: list[Span]) -> tuple[int, int, list[Span]]:
    sentences = with_stock = 0
    hits: list[Span] = []
    for span in spans:
        for m in _SENTENCE.finditer(ctx.text, span.start, span.end):
            if not m.group(0).strip():
                continue
            sentences += 1
            found = [
                ctx.span(h.start(), h.end())
                for pattern in patterns
                for h in pattern.finditer(ctx.text, m.start(), m.end())
                if h.end() > h.start()
            ]
            if found and not (p.hollow_only and _concrete(ctx, m.start(), m.end())):
                with_stock += 1
                hits += found
    return sentences, with_stock, hits


def stock_phrases(ctx: Context, p: StockParams) -> Outcome:
    patterns = [re.compile(x) for x in p.phrases]
    if p.parts and ctx.input.outline is not None:  # without an outline: the whole report
        regions = [(part, ctx.region(part)) for part in p.parts]
        regions = [(part, spans) for part, spans in regions if spans]
    else:
        regions = []
    if not regions:
        regions = [("", [ctx.span(0, len(ctx.text))])]
    rows = []
    for part, spans in regions:
        sentences, with_stock, hits = _measure(ctx, p, patterns, spans)
        rows.append((with_stock / sentences if sentences else 0.0, part, sentences, with_stock, hits))
    share, part, sentences, with_stock, _ = max(rows, key=lambda r: r[0])
    hits = sorted((h for r in rows for h in r[4]), key=lambda s: s.start)
    per_part = ",".join(f"{_PART_LABELS.get(r[1], r[1])}{r[0] * 100:.0f}%" for r in rows if r[1])
    details = {
        "sentences": sentences,
        "with_stock": with_stock,
        "share": round(share, 4),
        "percent": f"{share * 100:.0f}%",
        "phrases": len(hits),
        "part": _PART_LABELS.get(part, "全文") if part else "全文",
        "per_part": per_part or f"全文{share * 100:.0f}%",
    }
    # Full credit up to the limit, none at twice the limit.
    credit = 1.0 if share <= p.max_share else max(0.0, 2 - share / p.max_share)
    looked_for = None if hits else "套话(如“取得积极成效”“有待进一步提升”)"
    if share <= p.max_share:
        return passed(credit, evidence=hits[: p.max_evidence], looked_for=looked_for, details=details)
    worst = [h for h in rows if h[1] == part][0][4]
    return failed(credit, evidence=worst[: p.max_evidence], details=details)


CHECKS = (
    # 套话(规则文件中的词表)在各部分句子中所占的比例
    CheckSpec("stock_phrases", stock_phrases, StockParams,
              ("sentences", "with_stock", "share", "percent", "phrases", "part", "per_part")),
)
