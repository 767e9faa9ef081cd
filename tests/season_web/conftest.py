"""A web app on a real database with one account per role and a season of the five seeds."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass

import pytest
from fastapi import FastAPI

from fazhi.core.settings import Settings
from fazhi.store import Store
from fazhi.store import seasons as ss
from fazhi.store.accounts import add_user
from fazhi.web import create_app
from fazhi.workflow import Season, Unit
from fazhi.workflow.model import Actor
from tests.store.conftest import db_settings  # noqa: F401  (the sqlite/postgres fixture)
from tests.store.test_seasons import _seed_runs
from tests.workflow.conftest import SEED_UNITS, SILENT_UNIT

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx versions, not ours to act on
    from fastapi.testclient import TestClient

ROLES = ("viewer", "reviewer", "admin")
_CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')


def password_of(name: str) -> str:
    return f"password-of-{name}"


@dataclass
class SeasonWeb:
    app: FastAPI
    store: Store
    season: Season
    received: list  # ss.Received, one per seed

    def client(self, name: str | None = None) -> TestClient:
        client = TestClient(self.app, raise_server_exceptions=True)
        if name is not None:
            page = client.get("/login")
            token = _CSRF.search(page.text).group(1)
            response = client.post("/login", data={"username": name, "password": password_of(name),
                                                   "csrf_token": token}, follow_redirects=False)
            assert response.status_code == 303, response.text
        return client


def csrf(client: TestClient, path: str = "/seasons") -> str:
    return _CSRF.search(client.get(path).text).group(1)


@pytest.fixture
def season_web(db_settings: Settings) -> SeasonWeb:  # noqa: F811
    app = create_app(db_settings)
    store = app.state.store
    for role in ROLES:
        add_user(store, role, password_of(role), role)
    add_user(store, "reviewer2", password_of("reviewer2"), "reviewer")
    admin = Actor("admin", "admin")
    season = ss.create_season(store, Season(None, "2024年度审核", 2024, dt.date(2025, 3, 1), dt.date(2025, 3, 31)), admin)
    ss.import_roster(store, season.id, [Unit(n) for n in (*SEED_UNITS, SILENT_UNIT)], admin)
    received = [
        ss.receive(store, season.id, store.save(analysis, data).report_id, Actor("reviewer", "reviewer"),
                   received=dt.date(2025, 2, 25))
        for analysis, data in _seed_runs()
    ]
    return SeasonWeb(app, store, season, received)
