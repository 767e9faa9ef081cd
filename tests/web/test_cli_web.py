"""The web's commands: fazhi user add, fazhi search."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from fazhi.cli import app
from fazhi.store import open_store
from fazhi.store.accounts import authenticate
from fazhi.store.ingest_run import ingest_paths
from tests.conftest import seed_paths


def _db(db_settings) -> list[str]:
    return ["--db", db_settings.resolved_database_url()]


def test_user_add_makes_an_account_that_can_log_in(db_settings) -> None:
    result = CliRunner().invoke(app, ["user", "add", "chief", "--role", "admin", "--password", "s3cret-pass",
                                      *_db(db_settings)])
    assert result.exit_code == 0, result.output
    user = authenticate(open_store(db_settings), "chief", "s3cret-pass")
    assert user is not None and user.role == "admin"


def test_user_add_generate_prints_a_password_that_works(db_settings) -> None:
    result = CliRunner().invoke(app, ["user", "add", "demo", "--role", "admin", "--generate", *_db(db_settings)])
    password = result.output.split("密码: ")[1].split()[0]
    assert authenticate(open_store(db_settings), "demo", password) is not None


def test_user_add_refuses_an_unknown_role_in_one_line(db_settings) -> None:
    result = CliRunner().invoke(app, ["user", "add", "x1", "--role", "boss", "--password", "s3cret-pass",
                                      *_db(db_settings)])
    assert result.exit_code != 0 and "未知的角色 boss" in str(result.exception or result.output)


def test_search_prints_each_hit_with_its_context(db_settings) -> None:
    list(ingest_paths(seed_paths(), open_store(db_settings), db_settings))
    result = CliRunner().invoke(app, ["search", "复议", "--json", *_db(db_settings)])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 5
    assert all("复议" in row["snippets"][0]["text"] for row in rows)


def test_serve_workers_build_their_app_from_the_environment(db_settings, monkeypatch) -> None:
    from fazhi.web.app import app_from_environment

    monkeypatch.setenv("FAZHI_DATABASE_URL", db_settings.resolved_database_url())
    monkeypatch.setenv("FAZHI_SECRET_KEY", "k" * 32)
    app = app_from_environment()
    assert app.state.settings.database_url == db_settings.resolved_database_url()
    assert app.state.secret == b"k" * 32
