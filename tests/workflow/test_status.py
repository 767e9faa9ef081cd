"""Statuses and rates come from dates alone."""

from __future__ import annotations

import datetime as dt

from fazhi.workflow import Submission, season_rates, unit_status
from fazhi.workflow.status import score_bands


def test_received_on_the_deadline_is_on_time_and_a_day_after_is_late(season, units) -> None:
    on = unit_status(season, units[0], Submission(received=dt.date(2025, 3, 1)))
    late = unit_status(season, units[1], Submission(received=dt.date(2025, 3, 2)))
    assert (on.received, late.received) == ("on_time", "late")


def test_publication_is_on_time_late_or_unknown_from_its_date_or_url(season, units) -> None:
    got = dt.date(2025, 2, 1)
    statuses = [
        unit_status(season, units[0], Submission(received=got, published=dt.date(2025, 3, 31))),
        unit_status(season, units[1], Submission(received=got, published=dt.date(2025, 4, 1))),
        unit_status(season, units[2], Submission(received=got, url="http://example.gov.cn/r.html")),
        unit_status(season, units[3], Submission(received=got)),
    ]
    assert [s.published for s in statuses] == ["on_time", "late", "unknown", None]


def test_the_stage_is_the_furthest_reached(season, units) -> None:
    got = dt.date(2025, 2, 1)
    stages = [
        unit_status(season, units[0], None).stage,
        unit_status(season, units[0], Submission(received=got)).stage,
        unit_status(season, units[0], Submission(received=got, analysed=True)).stage,
        unit_status(season, units[0], Submission(received=got, analysed=True, decided=True)).stage,
        unit_status(season, units[0], Submission(received=got, analysed=True, signed=got)).stage,
        unit_status(season, units[0], Submission(received=got, signed=got, sent=got)).stage,
    ]
    assert stages == ["not_received", "received", "first_reading", "decided", "signed", "sent"]


def test_rates_count_silent_units_in_the_denominator(season, units) -> None:
    got = dt.date(2025, 2, 1)
    statuses = [unit_status(season, u, Submission(received=got, published=got, score=80.0)) for u in units[:5]]
    statuses.append(unit_status(season, units[5], None))
    rates = season_rates(statuses)
    assert (rates.received, rates.units, rates.published) == (5, 6, 5)
    assert round(rates.submission_rate, 3) == 0.833
    assert score_bands(statuses)[1] == ("80–90分", 5)
