"""Each unit's status in a season, from dates alone, and the season's rates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from fazhi.workflow.model import Season, Unit

# Stages in the order a report moves through them; a unit's stage is the furthest reached.
STAGES = ("not_received", "received", "first_reading", "decided", "signed", "sent")
STAGE_NAMES = {
    "not_received": "未报送",
    "received": "已报送",
    "first_reading": "已初审",
    "decided": "已审定",
    "signed": "意见已签发",
    "sent": "意见已送达",
}
TIMING_NAMES = {"on_time": "按时", "late": "逾期", "unknown": "时间不明"}


@dataclass(frozen=True, slots=True)
class Submission:
    """What the office knows of one unit's report this season."""

    received: dt.date | None = None  # the day the report reached the office
    published: dt.date | None = None  # the day the unit made it public (from the report or the unit)
    url: str | None = None  # where the unit says it published it
    analysed: bool = False  # fazhi's first reading is done
    decided: bool = False  # a reviewer has decided on at least one finding or set the verdict
    signed: dt.date | None = None
    sent: dt.date | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class UnitStatus:
    unit: Unit
    stage: str  # one of STAGES
    received: str | None  # on_time | late | None (not received)
    published: str | None  # on_time | late | unknown | None (not known to be published)
    score: float | None

    @property
    def stage_name(self) -> str:
        return STAGE_NAMES[self.stage]


def unit_status(season: Season, unit: Unit, submission: Submission | None) -> UnitStatus:
    if submission is None or submission.received is None:
        return UnitStatus(unit, "not_received", None, None, None)
    received = "on_time" if submission.received <= season.submit_by else "late"
    if submission.published is not None:
        published = "on_time" if submission.published <= season.publish_by else "late"
    elif submission.url:
        published = "unknown"  # a page exists but nothing says when it went up
    else:
        published = None
    stage = (
        "sent" if submission.sent else
        "signed" if submission.signed else
        "decided" if submission.decided else
        "first_reading" if submission.analysed else
        "received"
    )
    return UnitStatus(unit, stage, received, published, submission.score)


@dataclass(frozen=True, slots=True)
class Rates:
    units: int
    received: int
    received_on_time: int
    published: int
    published_on_time: int

    @property
    def submission_rate(self) -> float:
        return self.received / self.units if self.units else 0.0

    @property
    def publication_rate(self) -> float:
        return self.published / self.units if self.units else 0.0


def season_rates(statuses: Sequence[UnitStatus]) -> Rates:
    """报送率 and 公开率 over the roster: units that never reported count in the denominator."""
    return Rates(
        units=len(statuses),
        received=sum(1 for s in statuses if s.received),
        received_on_time=sum(1 for s in statuses if s.received == "on_time"),
        published=sum(1 for s in statuses if s.published),
        published_on_time=sum(1 for s in statuses if s.published == "on_time"),
    )


def score_bands(statuses: Sequence[UnitStatus], edges: Sequence[int] = (90, 80, 70, 60)) -> list[tuple[str, int]]:
    """The score distribution as (band, count) rows from the top band down; unscored reports apart."""
    labels = [f"{edges[0]}分以上"] + [f"{lo}–{hi}分" for hi, lo in zip(edges, edges[1:])] + [f"{edges[-1]}分以下"]
    counts = [0] * len(labels)
    unscored = 0
    for status in statuses:
        if status.received is None:
            continue
        if status.score is None:
            unscored += 1
            continue
        band = next((i for i, edge in enumerate(edges) if status.score >= edge), len(edges))
        counts[band] += 1
    rows = list(zip(labels, counts))
    if unscored:
        rows.append(("未评分", unscored))
    return rows
