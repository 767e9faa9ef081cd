"""Ingest many files: analysis in worker processes, storing in this one, every outcome reported.

The parent is the single writer: workers read and analyze (each file under
the time and memory limits of ``fazhi.ingest.pool``), the parent stores. The
database's unique sha256 and an insert that tolerates losing the race make
several processes, or machines, ingesting into one database at once safe.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fazhi.core.errors import FazhiError, InputError, InternalError, StoreError
from fazhi.core.settings import Settings
from fazhi.ingest.files import iter_files
from fazhi.ingest.pool import Done, run_files
from fazhi.ingest.registry import detect_format, is_report_file, read_raw, shown_path
from fazhi.pipeline import analyze_raw
from fazhi.store.db import Store, report_row


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


def prepare(item: tuple[str, bool], settings: Settings, known: frozenset[str]) -> Prepared:
    """Read and analyze one file (in a worker); bytes already stored are not analyzed again."""
    source, explicit = item
    if not explicit and not is_report_file(source):
        # A folder's stray files (images, .doc drafts) are noted, not failures.
        try:
            detect_format(shown_path(source))
        except InputError as exc:
            return Prepared("skipped", error=exc)
    raw = read_raw(source, settings)
    if raw.sha256 in known:
        return Prepared("duplicate", raw.sha256)
    try:
        analysis = analyze_raw(raw, settings)
    except FazhiError as exc:
        return Prepared("failed", raw.sha256, error=exc)
    return Prepared("analyzed", raw.sha256, report_row(analysis), raw.data)


def _record_failure(store: Store, source: str, sha256: str | None, exc: FazhiError) -> None:
    """Note a failed file; when the database itself is what failed, the outcome line is the record."""
    try:
        store.record(source, sha256, "failed", error_code=exc.code, error_message=exc.one_line())
    except StoreError:
        pass


def settle(done: Done, store: Store) -> Outcome:
    """Store what a worker prepared (parent side); a database failure names the file it hit."""
    source = done.source
    prepared: Prepared | None = done.result
    error = done.error if done.error is not None else (prepared.error if prepared else None)
    sha256 = prepared.sha256 if prepared else None
    if prepared is not None and prepared.status == "skipped":
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
    return Outcome(
        source,
        "stored" if saved.created else "duplicate",
        report_id=saved.report_id,
        jurisdiction=prepared.row["jurisdiction"],
        report_year=prepared.row["report_year"],
    )


def ingest_files(
    files: Iterable[tuple[str, bool]], store: Store, settings: Settings, workers: int | None = None
) -> Iterator[Outcome]:
    """Outcomes of ``files`` in order, analyzed in ``workers`` processes (default: the settings')."""
    known = store.known_sha256()
    done: Iterator[Done] = run_files(
        prepare, files, settings, workers=workers or settings.worker_count(),
        source_of=lambda item: shown_path(item[0]), shared=known,
    )
    for result in done:
        yield settle(result, store)


def ingest_paths(paths: Iterable[str | Path], store: Store, settings: Settings, workers: int | None = None
                 ) -> Iterator[Outcome]:
    yield from ingest_files(iter_files(paths), store, settings, workers)


