"""Batched storing: outcomes come out in order, only once committed, and a bad row fails alone."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import sqlalchemy as sa

from fazhi.ingest.files import iter_files
from fazhi.ingest.registry import shown_path
from fazhi.store import open_store
from fazhi.store.ingest_run import ingest_paths, prepare
from fazhi.store.schema import sightings
from fazhi.store.writing import BatchWriter, Ready
from tests.conftest import seed_paths


def _ready(path: Path, settings) -> Ready:
    """What a worker sends back for ``path``, made by the real worker task in this process."""
    return Ready(str(path), prepare((str(path), True), settings, frozenset()), None)


def test_a_row_that_fails_in_a_batch_fails_alone_and_names_its_file(db_settings) -> None:
    store = open_store(db_settings)
    good = [_ready(p, db_settings) for p in seed_paths()[:3]]
    broken = replace(good[1].prepared, row={**good[1].prepared.row, "text": None})  # NOT NULL in reports
    writer = BatchWriter(store, batch_files=16)
    assert writer.add(good[0]) == [] and writer.add(replace(good[1], prepared=broken)) == []
    outcomes = writer.add(good[2]) + writer.flush()
    assert [o.status for o in outcomes] == ["stored", "failed", "stored"]
    assert outcomes[1].error.source == good[1].source
    assert store.count_reports() == 2


def test_the_same_bytes_twice_in_one_batch_are_stored_once(db_settings, tmp_path) -> None:
    first = Path(shutil.copy(seed_paths()[0], tmp_path / "a.txt"))
    second = Path(shutil.copy(first, tmp_path / "b.txt"))
    store = open_store(db_settings)
    outcomes = list(ingest_paths([first, second], store, db_settings, batch_files=16))
    assert [o.status for o in outcomes] == ["stored", "duplicate"]
    assert outcomes[1].report_id == outcomes[0].report_id
    assert store.count_reports() == 1
    with store.engine.connect() as conn:
        seen = conn.execute(sa.select(sightings.c.source, sightings.c.outcome, sightings.c.report_id)
                            .order_by(sightings.c.id)).all()
    assert seen == [(str(first), "stored", outcomes[0].report_id), (str(second), "duplicate", outcomes[0].report_id)]


def test_outcomes_come_in_file_order_across_batches(db_settings, tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for p in seed_paths():
        shutil.copy(p, folder / p.name)
    shutil.copy(seed_paths()[2], folder / "003_again.txt")  # a duplicate, in a later batch than its first
    (folder / "002_empty.txt").write_bytes(b"")  # a failure between stored files
    (folder / "001_notes.doc").write_bytes(b"old word file")  # skipped
    store = open_store(db_settings)
    outcomes = list(ingest_paths([folder], store, db_settings, workers=2, batch_files=3))
    expected = {"001_notes.doc": "skipped", "002_empty.txt": "failed", "003_again.txt": "duplicate"}
    assert [o.source for o in outcomes] == [shown_path(p) for p, _ in iter_files([folder])]
    assert [o.status for o in outcomes] == [expected.get(Path(o.source).name, "stored") for o in outcomes]
    first = next(o for o in outcomes if Path(o.source).name == seed_paths()[2].name)
    assert outcomes[-2].report_id == first.report_id
