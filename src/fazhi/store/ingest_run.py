"""Ingest many files: walk folders, skip what is stored, survive bad files, report each outcome."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fazhi.core.errors import FazhiError, InputError, StoreError
from fazhi.core.settings import Settings
from fazhi.ingest.files import iter_files
from fazhi.ingest.registry import detect_format, is_report_file, read_raw
from fazhi.pipeline import analyze_raw
from fazhi.store.db import Store


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    status: str  # stored | duplicate | failed | skipped
    report_id: int | None = None
    jurisdiction: str | None = None
    report_year: int | None = None
    error: FazhiError | None = None


def _record_failure(store: Store, source: str, sha256: str | None, exc: FazhiError) -> None:
    """Note a failed file; when the database itself is what failed, the outcome line is the record."""
    try:
        store.record(source, sha256, "failed", error_code=exc.code, error_message=exc.one_line())
    except StoreError:
        pass


def ingest_one(source: str, explicit: bool, store: Store, settings: Settings) -> Outcome:
    if not explicit and not is_report_file(source):
        # A folder's stray files (images, .doc drafts) are noted, not failures.
        try:
            detect_format(source)
        except InputError as exc:
            return Outcome(source, "skipped", error=exc)
    sha256 = None
    try:
        raw = read_raw(source, settings)
        sha256 = raw.sha256
        existing = store.find_report(sha256)
        if existing is not None:
            store.record(source, sha256, "duplicate", existing)
            return Outcome(source, "duplicate", report_id=existing)
        analysis = analyze_raw(raw, settings)
        saved = store.save(analysis, raw.data)
    except FazhiError as exc:
        _record_failure(store, source, sha256, exc)
        return Outcome(source, "failed", error=exc)
    identity = analysis.identity
    return Outcome(
        source,
        "stored" if saved.created else "duplicate",
        report_id=saved.report_id,
        jurisdiction=identity.jurisdiction.name if identity.jurisdiction else None,
        report_year=identity.report_year.value if identity.report_year else None,
    )


def ingest_paths(paths: Iterable[str | Path], store: Store, settings: Settings) -> Iterator[Outcome]:
    for source, explicit in iter_files(paths):
        yield ingest_one(source, explicit, store, settings)


