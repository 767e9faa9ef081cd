"""Store what the workers prepared, many files to one transaction.

One commit per file cost the single writer more than the storing itself (a
WAL sync, a transaction's round trips) and left the workers of ``fazhi ingest
--workers N`` waiting for it. Files are stored in batches of up to
``batch_files`` files or ``batch_seconds`` seconds, whichever comes first.

What is reported is true: a file's outcome is handed out only after the
transaction holding it has committed, and in the order the files came. If a
batch's commit fails, its files are stored again one by one, so that one bad
row fails alone and names its file, and the others are stored.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import sqlalchemy as sa

from fazhi.core.errors import FazhiError, InternalError, StoreError
from fazhi.store.db import Store, _now, db_errors, insert_report
from fazhi.store.schema import originals, reports, sightings


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    status: str  # stored | duplicate | failed | skipped
    report_id: int | None = None
    jurisdiction: str | None = None
    report_year: int | None = None
    error: FazhiError | None = None


@dataclass(frozen=True, slots=True)
class Prepared:
    """What a worker sends back for one file."""

    status: str  # analyzed | duplicate | failed | skipped
    sha256: str | None = None
    row: dict | None = None  # report_row(analysis): plain values cross processes cheaply
    data: bytes | None = None
    error: FazhiError | None = None


@dataclass(frozen=True, slots=True)
class Ready:
    """One file's result as it reaches the writer: what the worker prepared, or why it could not."""

    source: str
    prepared: Prepared | None
    error: FazhiError | None  # the pool's (time, memory, crash) or the worker's own


# Up to this many files, or this many seconds' worth, to one transaction: a
# commit per file cost the single writer more than the storing did.
BATCH_FILES = 16
BATCH_SECONDS = 0.5


class BatchWriter:
    """Collects results and stores them in batches; ``add`` and ``flush`` give back committed outcomes."""

    def __init__(self, store: Store, batch_files: int = BATCH_FILES, batch_seconds: float = BATCH_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.store = store
        self.batch_files = max(1, batch_files)
        self.batch_seconds = batch_seconds
        self.clock = clock
        self.batch: list[Ready] = []
        self.started = 0.0

    def add(self, ready: Ready) -> list[Outcome]:
        if not self.batch:
            self.started = self.clock()
        self.batch.append(ready)
        if len(self.batch) >= self.batch_files or self.clock() - self.started >= self.batch_seconds:
            return self.flush()
        return []

    def flush(self) -> list[Outcome]:
        batch, self.batch = self.batch, []
        if not batch:
            return []
        try:
            return store_batch(self.store, batch)
        except Exception:  # noqa: BLE001 - which file it was is found by storing them one by one
            return [settle(ready, self.store) for ready in batch]


def store_batch(store: Store, batch: list[Ready]) -> list[Outcome]:
    """Store ``batch`` in one transaction; any failure rolls all of it back and is raised."""
    outcomes: list[Outcome | None] = [None] * len(batch)
    wanted = {r.prepared.sha256 for r in batch if r.error is None and r.prepared.status in ("analyzed", "duplicate")}
    stamp = _now()
    new_originals: list[dict] = []
    new_reports: dict[int, dict] = {}  # position in the batch -> row
    with db_errors("保存报告"), store.transaction() as conn:
        ids = _report_ids(conn, wanted)
        have_original = _original_shas(conn, wanted - ids.keys())
        for i, ready in enumerate(batch):
            prepared = ready.prepared
            if ready.error is None and prepared.status == "skipped":
                outcomes[i] = Outcome(ready.source, "skipped", error=prepared.error)
            elif ready.error is None and prepared.status == "analyzed" and prepared.sha256 not in ids:
                ids[prepared.sha256] = None  # the same bytes later in this batch are a duplicate of these
                if prepared.sha256 not in have_original:
                    new_originals.append({"sha256": prepared.sha256, "size": len(prepared.data),
                                          "content": prepared.data, "stored_at": stamp})
                new_reports[i] = {**prepared.row, "ingested_at": stamp}
        if new_originals:
            conn.execute(originals.insert(), new_originals)
        if new_reports:
            inserted = conn.execute(_insert_reports(conn), list(new_reports.values())).scalars().all()
            ids.update(zip((row["sha256"] for row in new_reports.values()), inserted, strict=True))
        seen_rows = []
        for i, ready in enumerate(batch):
            if outcomes[i] is not None:
                continue
            prepared = ready.prepared
            sha256 = prepared.sha256 if prepared else None
            error = ready.error or prepared.error
            if error is not None:
                outcomes[i] = Outcome(ready.source, "failed", error=error)
                seen_rows.append(_sighting(ready.source, sha256, "failed", None, stamp, error))
                continue
            outcomes[i] = _done(ready, ids.get(sha256), created=i in new_reports)
            seen_rows.append(_sighting(ready.source, sha256, outcomes[i].status, outcomes[i].report_id, stamp))
        conn.execute(sightings.insert(), seen_rows)
    return outcomes


def _insert_reports(conn: sa.Connection) -> sa.Insert:
    # One statement for the batch; the ids come back in the rows' order.
    return insert_report(conn.dialect.name).returning(reports.c.id, sort_by_parameter_order=True)


def _report_ids(conn: sa.Connection, shas: set[str]) -> dict[str, int | None]:
    if not shas:
        return {}
    query = sa.select(reports.c.sha256, reports.c.id).where(reports.c.sha256.in_(shas))
    return {sha: report_id for sha, report_id in conn.execute(query)}


def _original_shas(conn: sa.Connection, shas: set[str]) -> set[str]:
    if not shas:
        return set()
    return set(conn.execute(sa.select(originals.c.sha256).where(originals.c.sha256.in_(shas))).scalars())


def _sighting(source: str, sha256: str | None, outcome: str, report_id: int | None, stamp: dt.datetime,
              error: FazhiError | None = None) -> dict:
    return {"source": source, "sha256": sha256, "outcome": outcome, "report_id": report_id,
            "error_code": error.code if error else None, "error_message": error.one_line() if error else None,
            "seen_at": stamp}


def _done(ready: Ready, report_id: int | None, created: bool) -> Outcome:
    if not created:
        return Outcome(ready.source, "duplicate", report_id=report_id)
    row = ready.prepared.row
    return Outcome(ready.source, "stored", report_id=report_id, jurisdiction=row["jurisdiction"],
                   report_year=row["report_year"])


def _record_failure(store: Store, source: str, sha256: str | None, exc: FazhiError) -> None:
    """Note a failed file; when the database itself is what failed, the outcome line is the record."""
    try:
        store.record(source, sha256, "failed", error_code=exc.code, error_message=exc.one_line())
    except StoreError:
        pass


def settle(ready: Ready, store: Store) -> Outcome:
    """Store one file in its own transactions; a database failure names the file it hit."""
    source, prepared = ready.source, ready.prepared
    error = ready.error if ready.error is not None else (prepared.error if prepared else None)
    sha256 = prepared.sha256 if prepared else None
    if prepared is not None and prepared.status == "skipped" and ready.error is None:
        return Outcome(source, "skipped", error=error)
    try:
        if error is not None:
            _record_failure(store, source, sha256, error)
            return Outcome(source, "failed", error=error)
        if prepared.status == "duplicate":
            existing = store.find_report(prepared.sha256)
            store.record(source, prepared.sha256, "duplicate", existing)
            return Outcome(source, "duplicate", report_id=existing)
        saved = store.save_row(prepared.row, prepared.data)
    except StoreError as exc:
        exc.source = exc.source or source
        return Outcome(source, "failed", error=exc)
    except Exception as exc:  # noqa: BLE001 - a bug while storing one file: shown, the batch goes on
        import traceback

        trace = "".join(traceback.format_exception(exc))
        return Outcome(source, "failed", error=InternalError(f"入库时出现内部错误 {type(exc).__name__}",
                                                              source=source, trace=trace))
    return _done(ready, saved.report_id, saved.created)


def committed(writer: BatchWriter, results: Iterator[Ready | None]) -> Iterator[Outcome]:
    """Every result stored through ``writer``; a ``None`` (nothing new for a while) lets a batch go."""
    for ready in results:
        yield from (writer.flush() if ready is None else writer.add(ready))
    yield from writer.flush()

