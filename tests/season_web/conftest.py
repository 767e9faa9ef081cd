"""The web app of tests/web (real database, one account per role) with a season of the five seeds."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest

from fazhi.core.settings import Settings
from fazhi.store import seasons as ss
from fazhi.store.accounts import add_user
from fazhi.workflow import Season, Unit
from fazhi.workflow.model import Actor
from tests.store.conftest import db_settings  # noqa: F401  (the sqlite/postgres fixture)
from tests.store.test_seasons import _seed_runs
from tests.web.conftest import Web, _web, password_of
from tests.workflow.conftest import SEED_UNITS, SILENT_UNIT

_CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')


@dataclass
class SeasonWeb(Web):
    season: Season = None
    received: list = None  # ss.Received, one per seed


def csrf(client, path: str = "/seasons") -> str:
    """The token of the page's own forms, as a browser would submit it."""
    return _CSRF.search(client.get(path).text).group(1)


@pytest.fixture
def season_web(db_settings: Settings) -> SeasonWeb:  # noqa: F811
    web = _web(db_settings)
    add_user(web.store, "reviewer2", password_of("reviewer2"), "reviewer")
    admin = Actor("admin", "admin")
    season = ss.create_season(
        web.store, Season(None, "2024年度审核", 2024, dt.date(2025, 3, 1), dt.date(2025, 3, 31)), admin
    )
    ss.import_roster(web.store, season.id, [Unit(n) for n in (*SEED_UNITS, SILENT_UNIT)], admin)
    received = [
        ss.receive(web.store, season.id, web.store.save(analysis, data).report_id, Actor("reviewer", "reviewer"),
                   received=dt.date(2025, 2, 25))
        for analysis, data in _seed_runs()
    ]
    return SeasonWeb(web.app, web.store, web.settings, season, received)
