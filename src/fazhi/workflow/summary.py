"""The season's report upward, as records: rates, who is missing or late, scores, defects, letters.

The letters package lays it out (DOCX in the 公文 layout, HTML); the corpus
package's indicator tables come in through ``Table`` rows passed by the caller,
so this module needs nothing from it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from fazhi.workflow.decisions import Decided, decidable
from fazhi.workflow.model import Season, Unit
from fazhi.workflow.stats import RuleStat, rule_stats
from fazhi.workflow.status import Rates, UnitStatus, score_bands, season_rates

TOP = 3  # strongest and weakest reports named
TOP_DEFECTS = 10


@dataclass(frozen=True, slots=True)
class Table:
    """A table from elsewhere (the corpus package's indicator tables), shown as given."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """One received report in the season: who sent it, its score, and the decisions on it."""

    unit: Unit
    score: float | None
    decided: Decided


@dataclass(frozen=True, slots=True)
class Ranked:
    unit: str
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class SeasonSummary:
    season: Season
    made_on: dt.date
    rates: Rates
    statuses: tuple[UnitStatus, ...]
    missing: tuple[Unit, ...]
    late: tuple[Unit, ...]  # received after the submission deadline
    published_late: tuple[Unit, ...]
    distribution: tuple[tuple[str, int], ...]
    strongest: tuple[Ranked, ...]
    weakest: tuple[Ranked, ...]
    defects: tuple[tuple[str, int], ...]  # confirmed (or edited) findings by title, most common first
    signed: tuple[tuple[str, str, dt.date], ...]  # unit, signer, date
    rule_stats: tuple[RuleStat, ...]
    indicator_tables: tuple[Table, ...] = ()


def _problems(decided: Decided) -> list[str]:
    return [str(f.get("title") or f.get("rule")) for f in decided.findings if decidable(f)]


def build_summary(
    season: Season,
    statuses: Sequence[UnitStatus],
    outcomes: Sequence[Outcome],
    *,
    made_on: dt.date,
    indicator_tables: Sequence[Table] = (),
) -> SeasonSummary:
    scored = sorted((o for o in outcomes if o.score is not None), key=lambda o: (-o.score, o.unit.name))
    strongest = tuple(
        Ranked(o.unit.name, o.score, _strong_reason(o)) for o in scored[:TOP]
    )
    weakest = tuple(
        Ranked(o.unit.name, o.score, _weak_reason(o)) for o in reversed(scored[-TOP:]) if o not in scored[:TOP]
    )
    defects = Counter()
    for o in outcomes:
        for key, state in o.decided.states.items():
            if state in ("confirm", "edit"):
                finding = next((f for f in o.decided.findings if str(f.get("key") or f.get("rule")) == key), None)
                if finding is not None:
                    defects[str(finding.get("title") or key)] += 1
    return SeasonSummary(
        season=season,
        made_on=made_on,
        rates=season_rates(statuses),
        statuses=tuple(statuses),
        missing=tuple(s.unit for s in statuses if s.received is None),
        late=tuple(s.unit for s in statuses if s.received == "late"),
        published_late=tuple(s.unit for s in statuses if s.published == "late"),
        distribution=tuple(score_bands(statuses)),
        strongest=strongest,
        weakest=weakest,
        defects=tuple(defects.most_common(TOP_DEFECTS)),
        signed=tuple(
            (o.unit.name, o.decided.signed_by, o.decided.signed_on)
            for o in sorted(outcomes, key=lambda o: o.unit.name) if o.decided.signed
        ),
        rule_stats=tuple(rule_stats(o.decided for o in outcomes)),
        indicator_tables=tuple(indicator_tables),
    )


def _said(o: Outcome) -> str:
    return f"审核结论为{o.decided.verdict}," if o.decided.verdict else ""


def _strong_reason(o: Outcome) -> str:
    problems = _problems(o.decided)
    if not problems:
        return f"{_said(o)}各项要点均符合要求"
    return f"{_said(o)}仅{len(problems)}项需改进({'、'.join(problems[:2])})"


def _weak_reason(o: Outcome) -> str:
    problems = _problems(o.decided)
    named = "、".join(problems[:3]) + ("等" if len(problems) > 3 else "")
    return f"{_said(o)}{len(problems)}项需改进:{named}" if problems else f"{_said(o)}无需改进事项"
