"""Ingest many files: analysis in worker processes, storing in this one, every outcome reported.

The parent is the single writer: workers read and analyze (each file under
the time and memory limits of ``fazhi.ingest.pool``), the parent stores, many
files to a transaction (``fazhi.store.writing``). The database's unique
sha256 and an insert that tolerates losing the race make several processes,
or machines, ingesting into one database at once safe.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from fazhi.core.errors import FazhiError, InputError
from fazhi.core.settings import Settings
from fazhi.ingest.files import iter_files
from fazhi.ingest.pool import Done, run_files
from fazhi.ingest.registry import detect_format, is_report_file, read_raw, shown_path
from fazhi.pipeline import analyze_raw
from fazhi.store.db import Store, report_row
from fazhi.store.writing import BATCH_FILES, BATCH_SECONDS, BatchWriter, Outcome, Prepared, Ready, committed

__all__ = ["Outcome", "Prepared", "ingest_files", "ingest_paths", "prepare"]


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


def ingest_files(
    files: Iterable[tuple[str, bool]], store: Store, settings: Settings, workers: int | None = None,
    batch_files: int = BATCH_FILES,
) -> Iterator[Outcome]:
    """Outcomes of ``files`` in order, analyzed in ``workers`` processes (default: the settings').

    An outcome comes out once its file is committed, ``batch_files`` files to
    a transaction (see ``fazhi.store.writing``).
    """
    known = store.known_sha256()
    done: Iterator[Done | None] = run_files(
        prepare, files, settings, workers=workers or settings.worker_count(),
        source_of=lambda item: shown_path(item[0]), shared=known, idle_seconds=BATCH_SECONDS,
    )
    results = (None if d is None else Ready(d.source, d.result, d.error) for d in done)
    yield from committed(BatchWriter(store, batch_files, BATCH_SECONDS), results)


def ingest_paths(paths: Iterable[str | Path], store: Store, settings: Settings, workers: int | None = None,
                 batch_files: int = BATCH_FILES) -> Iterator[Outcome]:
    yield from ingest_files(iter_files(paths), store, settings, workers, batch_files)


