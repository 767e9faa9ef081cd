"""The score: weight × credit per scored rule, scaled so that the scored weights make 100.

It reads nothing but the findings (their status, weight and credit), as Finding
objects or as their JSON, so a stored review can be re-scored and checked
without the rule file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from fazhi.review.model import SCORED, Finding, Score

_PLACES = 2


def score_findings(findings: Iterable[Finding | Mapping[str, object]]) -> Score:
    rows = [_row(f) for f in findings]
    scored = [(rule, weight, credit) for rule, status, weight, credit in rows if status in SCORED]
    unscored = tuple(rule for rule, status, _, _ in rows if status not in SCORED)
    total_weight = sum(weight for _, weight, _ in scored)
    if total_weight <= 0:
        # Nothing could be scored (every rule not applicable or broken): no number
        # is better than a made-up one, and 0 would read as "a bad report".
        return Score(total=None, by_rule={}, unscored=unscored)
    scale = 100.0 / total_weight
    by_rule = {rule: round(weight * credit * scale, _PLACES) for rule, weight, credit in scored}
    # The total is summed before rounding, so it never drifts from the rubric by
    # the rounding of a dozen parts.
    total = round(sum(weight * credit for _, weight, credit in scored) * scale, 1)
    return Score(total=total, by_rule=by_rule, unscored=unscored)


def _row(finding: Finding | Mapping[str, object]) -> tuple[str, str, float, float]:
    if isinstance(finding, Finding):
        return finding.rule, finding.status, finding.weight, finding.credit
    return (
        str(finding["rule"]),
        str(finding["status"]),
        float(finding["weight"]),  # type: ignore[arg-type]
        float(finding["credit"]),  # type: ignore[arg-type]
    )
