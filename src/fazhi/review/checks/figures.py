"""Figures that cannot all be right as printed, as the figures stage found them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from fazhi.review.checks.base import CheckSpec, Outcome, Params, failed, passed
from fazhi.review.checks.totals import totals_exceeded
from fazhi.review.context import Context


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsistencyParams(Params):
    # Issue codes of check_consistency to report; empty means all of them.
    codes: tuple[str, ...] = ()
    max_listed: Annotated[int, Field(ge=1)] = 5  # issues quoted in the message


def figure_consistency(ctx: Context, p: ConsistencyParams) -> Outcome:
    # The figures stage ties figures within a sentence; a stated total holds for the whole report.
    found = sorted([*ctx.need_consistency(), *totals_exceeded(ctx.need_figures(), ctx.text)],
                   key=lambda i: i.evidence[0].start)
    issues = [i for i in found if not p.codes or i.code in p.codes]
    listed = ";".join(i.message for i in issues[: p.max_listed])
    if len(issues) > p.max_listed:
        listed += f";等{len(issues)}处"
    details = {"count": len(issues), "issues": listed, "codes": sorted({i.code for i in issues})}
    if issues:
        return failed(evidence=[s for i in issues for s in i.evidence], details=details)
    return passed(
        looked_for="相互矛盾的数字(比率超过100%、部分大于整体、多于全市(县)总数的计数、比率与分子分母不符、受理≠立案+不予受理)",
        details=details,
    )


CHECKS = (
    # 数字之间是否自相矛盾
    CheckSpec("figure_consistency", figure_consistency, ConsistencyParams, ("count", "issues", "codes")),
)
