"""A web app on a real database (SQLite file and PostgreSQL), with one account per role."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI

from fazhi.core.settings import Settings
from fazhi.store import Store
from fazhi.store.accounts import add_user
from fazhi.store.ingest_run import ingest_paths
from fazhi.web import create_app
from tests.conftest import seed_paths
from tests.store.conftest import db_settings  # noqa: F401  (the sqlite/postgres fixture)
from tests.support.postgres import new_database

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx versions, not ours to act on
    from fastapi.testclient import TestClient

ROLES = ("viewer", "reviewer", "admin")
_CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')


def password_of(role: str) -> str:
    return f"password-of-{role}"


def csrf_of(client: TestClient) -> str:
    return client.get("/api/csrf").json()["csrf_token"]


def login(client: TestClient, username: str, password: str):
    page = client.get("/login")
    token = _CSRF.search(page.text).group(1)
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token},
                       follow_redirects=False)


@dataclass
class Web:
    app: FastAPI
    store: Store
    settings: Settings

    def client(self, role: str | None = None) -> TestClient:
        """A browser-like client, logged in as the account of ``role`` (None: not logged in)."""
        client = TestClient(self.app, raise_server_exceptions=True)
        if role is not None:
            response = login(client, role, password_of(role))
            assert response.status_code == 303, response.text
        return client

    def ingest_seeds(self) -> list[int]:
        return [o.report_id for o in ingest_paths(seed_paths(), self.store, self.settings)]


def _web(settings: Settings) -> Web:
    app = create_app(settings)
    store = app.state.store
    for role in ROLES:
        add_user(store, role, password_of(role), role)
    return Web(app, store, settings)


@pytest.fixture
def web(db_settings: Settings) -> Web:  # noqa: F811
    """An app on a fresh, empty database, for tests that write."""
    return _web(db_settings)


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def seeded(request, tmp_path_factory) -> Web:
    """An app on a database holding the five seeds, shared by the tests that only read."""
    folder = tmp_path_factory.mktemp("seeded")
    if request.param == "sqlite":
        settings = Settings(data_dir=folder)
    else:
        settings = Settings(data_dir=folder, database_url=new_database(request.getfixturevalue("pg_url")))
    web = _web(settings)
    web.ingest_seeds()
    return web


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
