"""Stock phrases: formulas that could stand in any report of any year.

The list is data (in the rule file); the share is that of the report's
sentences holding at least one, because one formula in a long sentence of
facts matters less than a paragraph made of them.
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


@dataclass(frozen=True, slots=True, kw_only=True)
class StockParams(Params):
    phrases: Annotated[Patterns, Field(min_length=1)]  # regular expressions
    max_share: Annotated[float, Field(gt=0, le=1)] = 0.25
    max_evidence: Annotated[int, Field(ge=1)] = 30


def stock_phrases(ctx: Context, p: StockParams) -> Outcome:
    patterns = [re.compile(x) for x in p.phrases]
    sentences = 0
    with_stock = 0
    hits: list[Span] = []
    for m in _SENTENCE.finditer(ctx.text):
        if not m.group(0).strip():
            continue
        sentences += 1
        found = [
            ctx.span(h.start(), h.end())
            for pattern in patterns
            for h in pattern.finditer(ctx.text, m.start(), m.end())
            if h.end() > h.start()
        ]
        if found:
            with_stock += 1
            hits += found
    hits.sort(key=lambda s: s.start)
    share = with_stock / sentences if sentences else 0.0
    details = {
        "sentences": sentences,
        "with_stock": with_stock,
        "share": round(share, 4),
        "percent": f"{share * 100:.0f}%",
        "phrases": len(hits),
    }
    # Full credit up to the limit, none at twice the limit.
    credit = 1.0 if share <= p.max_share else max(0.0, 2 - share / p.max_share)
    looked_for = None if hits else "套话(如“取得积极成效”“有待进一步提升”)"
    if share <= p.max_share:
        return passed(credit, evidence=hits[: p.max_evidence], looked_for=looked_for, details=details)
    return failed(credit, evidence=hits[: p.max_evidence], details=details)


CHECKS = (
    # 套话(规则文件中的词表)在句子中所占的比例
    CheckSpec("stock_phrases", stock_phrases, StockParams,
              ("sentences", "with_stock", "share", "percent", "phrases")),
)
