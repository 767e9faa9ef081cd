"""First runs at once, and first runs killed while they make the schema: on SQLite and PostgreSQL.

Every file lands exactly once and every later command works.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from fazhi.core.settings import Settings
from fazhi.store import open_store
from fazhi.store.schema import originals
from tests.support import hostile
from tests.support.measured import FAZHI, run_fazhi
from tests.support.postgres import new_database


def _env(settings: Settings) -> dict:
    env = {"FAZHI_DATA_DIR": str(settings.data_dir)}
    if settings.database_url:
        env["FAZHI_DATABASE_URL"] = settings.database_url
    return env


def _reports(settings: Settings) -> list[str]:
    engine = sa.create_engine(settings.resolved_database_url())
    try:
        with engine.connect() as conn:
            return [r[0] for r in conn.execute(sa.text("SELECT sha256 FROM reports"))]
    finally:
        engine.dispose()


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(count):
        hostile.good_txt(folder / f"r{i}.txt", str(i))
    return folder


def _later_commands_work(settings: Settings, folder: Path, count: int) -> None:
    run = run_fazhi("ingest", folder, env=_env(settings))
    assert run.returncode == 0, run.stderr
    listed = run_fazhi("list", "--json", env=_env(settings))
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == count
    shas = _reports(settings)
    assert len(shas) == len(set(shas)) == count  # every file exactly once


def test_three_first_ingests_at_once_all_land(db_settings: Settings, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 4)
    env = {**os.environ, "COLUMNS": "200", **_env(db_settings), "FAZHI_WORKERS": "1"}
    procs = [subprocess.Popen([FAZHI, "ingest", folder], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(3)]
    results = [(p.wait(timeout=180), p.stderr.read().decode()) for p in procs]
    assert [code for code, _ in results] == [0, 0, 0], results
    _later_commands_work(db_settings, folder, 4)


_OPEN = "import sys; from fazhi.core.settings import load_settings; from fazhi.store import open_store; " \
        "open_store(load_settings())"


def _table_counter(settings: Settings):
    """A function telling how many tables the database shows right now (0 if it is not there yet)."""
    if settings.database_url is None:
        path = settings.data_dir / "fazhi.sqlite3"

        def count() -> int:
            try:
                with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0)) as db:
                    return db.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
            except sqlite3.Error:
                return 0

        return count
    conn = sa.create_engine(settings.database_url, isolation_level="AUTOCOMMIT").connect()

    def count_pg() -> int:
        return conn.execute(sa.text(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")).scalar_one()

    return count_pg


def _schema_state(settings: Settings) -> tuple[str | None, frozenset[str]]:
    """The revision a database records and the tables it has."""
    engine = sa.create_engine(settings.resolved_database_url())
    try:
        with engine.connect() as conn:
            names = frozenset(sa.inspect(conn).get_table_names())
            revision = (conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
                        if "alembic_version" in names else None)
    finally:
        engine.dispose()
    return revision, names


def _tables_at_each_revision(settings: Settings, tmp_path: Path) -> dict[str | None, frozenset[str]]:
    """The tables a fresh database of the same backend has after each revision, migrated one by one."""
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from fazhi.store import db as store_db

    if settings.database_url is None:
        scratch = Settings(data_dir=tmp_path / "scratch")
        scratch.data_dir.mkdir(parents=True)
    else:
        scratch = Settings(data_dir=tmp_path / "scratch", database_url=new_database(settings.database_url))
    config = Config()
    config.set_main_option("script_location", str(store_db._MIGRATIONS))
    revisions = [s.revision for s in reversed(list(ScriptDirectory.from_config(config).walk_revisions()))]
    engine = sa.create_engine(scratch.resolved_database_url())
    out = {}
    try:
        for revision in revisions:
            with engine.begin() as conn:
                config.attributes["connection"] = conn
                command.upgrade(config, revision)
            out[revision] = _schema_state(scratch)[1]
    finally:
        engine.dispose()
    return out


def test_first_runs_killed_while_making_the_schema_leave_a_usable_store(db_settings: Settings, tmp_path: Path) -> None:
    env = {**os.environ, **_env(db_settings)}
    tables = _table_counter(db_settings)
    # A run killed as soon as the new database shows 1, 2, 3 tables: each
    # committed step of a migration that is not atomic is seen and cut here,
    # leaving half a schema. Each revision is one transaction, so what a killed
    # run leaves is exactly the schema of the revision it recorded, or nothing.
    left = []
    for seen in (1, 2, 3):
        proc = subprocess.Popen([sys.executable, "-c", _OPEN], env=env)
        while proc.poll() is None and tables() < seen:
            time.sleep(0.0005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        left.append(_schema_state(db_settings))
    # Then kills at offsets across the time a first open takes (interpreter
    # start included), each run on what the previous killed run left.
    start = time.monotonic()
    subprocess.run([sys.executable, "-c", _OPEN], env={**os.environ, **_env(Settings(data_dir=tmp_path / "p"))},
                   check=True)
    whole = time.monotonic() - start
    for step in range(1, 5):
        proc = subprocess.Popen([sys.executable, "-c", _OPEN], env=env)
        time.sleep(whole * step / 4)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    _later_commands_work(db_settings, _folder(tmp_path, 4), 4)
    expected = _tables_at_each_revision(db_settings, tmp_path)
    for revision, names in left:
        assert names == expected.get(revision, frozenset()), (revision, names ^ expected.get(revision, frozenset()))


def test_a_half_made_schema_from_an_older_fazhi_is_finished(db_settings: Settings, tmp_path: Path) -> None:
    # What a run of the old, non-atomic migration killed after its first
    # CREATE TABLE left: one empty table and no alembic_version.
    engine = sa.create_engine(db_settings.resolved_database_url())
    if db_settings.database_url is None:
        db_settings.data_dir.mkdir(parents=True)
    originals.create(engine)
    engine.dispose()
    open_store(db_settings)
    _later_commands_work(db_settings, _folder(tmp_path, 2), 2)
