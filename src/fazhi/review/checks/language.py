"""Stock phrases: formulas that could stand in any report of any year.

The list is data (in the rule file); the share is that of the report's
sentences holding at least one, because one formula in a long sentence of
facts matters less than a paragraph made of them.
"""

from __future__ import annotations

import re

from pydantic import Field, field_validator

from fazhi.core.spans import Span
from fazhi.review.checks.base import CheckSpec, Outcome, Params, check_patterns, failed, passed
from fazhi.review.context import Context

_SENTENCE = re.compile(r"[^。！？!?；;\n]+")


class StockParams(Params):
    phrases: list[str] = Field(min_length=1)  # regular expressions
    max_share: float = Field(0.25, gt=0, le=1)
    max_evidence: int = Field(30, ge=1)

    @field_validator("phrases")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        return check_patterns(value)


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
            Span.of(ctx.text, h.start(), h.end())
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
    CheckSpec("stock_phrases", stock_phrases, StockParams,
              ("sentences", "with_stock", "share", "percent", "phrases"),
              doc="套话(规则文件中的词表)在句子中所占的比例"),
)
