"""What the decisions teach: for each rule, how often reviewers confirmed or struck it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from fazhi.workflow.decisions import OWN_PREFIX, Decided


@dataclass(frozen=True, slots=True)
class RuleStat:
    rule: str
    confirmed: int
    edited: int  # confirmed in substance, reworded
    struck: int

    @property
    def decided(self) -> int:
        return self.confirmed + self.edited + self.struck

    @property
    def strike_rate(self) -> float:
        """The share of this rule's findings a person judged wrong: where the first reading errs."""
        return self.struck / self.decided if self.decided else 0.0


def rule_stats(decided: Iterable[Decided]) -> list[RuleStat]:
    """Rules ordered by strike rate, most often wrong first (then by how often decided)."""
    counts: dict[str, Counter] = {}
    for report in decided:
        for key, state in report.states.items():
            if key.startswith(OWN_PREFIX):
                continue  # a reviewer's own finding says nothing about a rule's first reading
            counts.setdefault(key, Counter())[state] += 1
    stats = [RuleStat(rule, c["confirm"], c["edit"], c["strike"]) for rule, c in counts.items()]
    return sorted(stats, key=lambda s: (-s.strike_rate, -s.decided, s.rule))
