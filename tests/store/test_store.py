"""The store keeps every original, never duplicates, and survives interrupted and bad batches."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import sqlalchemy as sa

from fazhi.store import open_store
from fazhi.store.ingest_run import ingest_paths
from tests.conftest import seed_paths
from tests.store.conftest import head_revision


def _copy_seeds(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(p, folder / p.name)) for p in seed_paths()]


def test_ingest_stores_reports_with_identity(db_settings, tmp_path) -> None:
    _copy_seeds(tmp_path / "in")
    store = open_store(db_settings)
    outcomes = list(ingest_paths([tmp_path / "in"], store, db_settings))
    assert [o.status for o in outcomes] == ["stored"] * 5
    rows = store.list_reports()
    assert [(r["jurisdiction"], r["report_year"]) for r in rows] == [
        ("孝义市", 2024), ("鞍山市", 2023), ("开封市示范区", 2024), ("绵阳市", 2024), ("海原县", 2023),
    ]


def test_original_bytes_are_archived_by_sha256(db_settings, tmp_path) -> None:
    paths = _copy_seeds(tmp_path / "in")
    store = open_store(db_settings)
    list(ingest_paths(paths, store, db_settings))
    for path in paths:
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        assert store.get_original(sha) == data
        report = store.get_report(store.find_report(sha))
        assert report["text"] == data.decode("utf-8")


def test_same_bytes_twice_is_a_no_op_that_says_so(db_settings, tmp_path) -> None:
    paths = _copy_seeds(tmp_path / "in")
    renamed = tmp_path / "copy-of-001.txt"
    shutil.copy(paths[1], renamed)
    store = open_store(db_settings)
    first = list(ingest_paths(paths, store, db_settings))
    again = list(ingest_paths([*paths, renamed], store, db_settings))
    assert {o.status for o in first} == {"stored"}
    assert [o.status for o in again] == ["duplicate"] * 6
    assert again[-1].report_id == first[1].report_id
    assert store.count_reports() == 5


def test_an_interrupted_batch_finishes_the_rest_when_run_again(db_settings, tmp_path) -> None:
    _copy_seeds(tmp_path / "in")
    store = open_store(db_settings)
    # Two files to a transaction, so that the interruption comes between two commits.
    run = ingest_paths([tmp_path / "in"], store, db_settings, batch_files=2)
    done = [next(run), next(run)]  # the process "dies" after two files
    run.close()
    assert store.count_reports() == 2
    rerun = list(ingest_paths([tmp_path / "in"], store, db_settings))
    assert [o.status for o in rerun] == ["duplicate", "duplicate", "stored", "stored", "stored"]
    assert [o.report_id for o in rerun[:2]] == [o.report_id for o in done]


def test_bad_files_fail_alone_and_nothing_stored_is_touched(db_settings, tmp_path) -> None:
    paths = _copy_seeds(tmp_path / "in")
    store = open_store(db_settings)
    list(ingest_paths(paths[:2], store, db_settings))
    before = {r["id"]: store.get_report(r["id"]) for r in store.list_reports()}
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "in" / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "in" / "notes.doc").write_bytes(b"old word file")
    outcomes = {Path(o.source).name: o for o in ingest_paths([tmp_path / "in"], store, db_settings)}
    assert outcomes["empty.txt"].status == "failed"
    assert outcomes["binary.txt"].status == "failed"
    assert outcomes["broken.docx"].status == "failed"
    assert outcomes["notes.doc"].status == "skipped"
    assert sum(o.status == "stored" for o in outcomes.values()) == 3
    for report_id, row in before.items():
        assert store.get_report(report_id) == row
    failed = {Path(f["source"]).name: f["error_code"] for f in store.failures()}
    assert failed == {"empty.txt": "empty_file", "binary.txt": "not_text", "broken.docx": "corrupt_file"}


def test_migrations_build_exactly_the_declared_schema(db_settings) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    # Every module that adds tables to the metadata, so the test holds when run alone too.
    from fazhi.store import corpus_tables, season_schema, web_tables  # noqa: F401
    from fazhi.store.schema import metadata
    from fazhi.store.web_tables import declared_in_metadata

    store = open_store(db_settings)
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": declared_in_metadata})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_opening_twice_does_not_migrate_again_or_lose_data(db_settings, tmp_path) -> None:
    paths = _copy_seeds(tmp_path / "in")
    list(ingest_paths(paths[:1], open_store(db_settings), db_settings))
    store = open_store(db_settings)
    assert store.count_reports() == 1
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("select version_num from alembic_version")).scalar() == head_revision()


def test_a_database_of_the_first_schema_is_upgraded_without_losing_reports(db_settings) -> None:
    """A store created by revision 0001 (before scores) opens, migrates, and keeps its rows."""
    import sqlalchemy as sa

    from tests.store.conftest import engine_at

    engine = engine_at(db_settings, "0001")
    with engine.begin() as conn:
        conn.execute(sa.text(
            "insert into originals (sha256, size, content, stored_at) values ('a', 1, :c, CURRENT_TIMESTAMP)"
        ), {"c": b"x"})
        conn.execute(sa.text(
            "insert into reports (sha256, source, format, encoding, text, analysis, fazhi_version, ingested_at)"
            " values ('a', 'old.txt', 'txt', 'utf-8', 'x', '{}', '0.0', CURRENT_TIMESTAMP)"
        ))
    engine.dispose()
    store = open_store(db_settings)
    rows = store.list_reports()
    assert [(r["source"], r["score"]) for r in rows] == [("old.txt", None)]


def test_a_locked_database_fails_each_file_with_one_line_and_the_batch_goes_on(tmp_path) -> None:
    import sqlite3

    from fazhi.core.settings import Settings

    settings = Settings(data_dir=tmp_path / "data")
    open_store(settings)  # create and migrate the database before locking it
    paths = _copy_seeds(tmp_path / "in")
    blocker = sqlite3.connect(tmp_path / "data" / "fazhi.sqlite3", timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        locked = create_engine_with_short_timeout(settings)
        outcomes = list(ingest_paths(paths[:2], locked, settings))
    finally:
        blocker.rollback()
        blocker.close()
    assert [o.status for o in outcomes] == ["failed", "failed"]
    assert all(o.error.code == "store_error" and "数据库" in o.error.one_line() for o in outcomes)
    assert [o.status for o in ingest_paths(paths[:2], open_store(settings), settings)] == ["stored", "stored"]


def create_engine_with_short_timeout(settings):
    """A store whose SQLite connections give up at once instead of waiting 5 s for a lock."""
    import sqlalchemy as sa

    from fazhi.store.db import Store

    return Store(sa.create_engine(settings.resolved_database_url(), connect_args={"timeout": 0.1}))
