"""Ingest many files: walk folders, skip what is stored, survive bad files, report each outcome."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fazhi.core.errors import FazhiError, FileNotFound, InputError
from fazhi.core.settings import Settings
from fazhi.ingest.files import iter_files
from fazhi.ingest.registry import check_size, detect_format
from fazhi.pipeline import analyze_bytes
from fazhi.store.db import Store


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    status: str  # stored | duplicate | failed | skipped
    report_id: int | None = None
    jurisdiction: str | None = None
    report_year: int | None = None
    error: FazhiError | None = None


def ingest_one(source: str, explicit: bool, store: Store, settings: Settings) -> Outcome:
    try:
        detect_format(source)
    except InputError as exc:
        if not explicit:
            # A folder's stray files (images, .doc drafts) are noted, not failures.
            return Outcome(source, "skipped", error=exc)
        store.record(source, None, "failed", error_code=exc.code, error_message=exc.one_line())
        return Outcome(source, "failed", error=exc)
    sha256 = None
    try:
        p = Path(source)
        if not p.exists():
            raise FileNotFound("文件不存在", source=source, hint="检查路径是否正确")
        size = p.stat().st_size
        check_size(source, size, settings)  # before reading a 2 GB file into memory
        data = p.read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        existing = store.find_report(sha256)
        if existing is not None:
            store.record(source, sha256, "duplicate", existing)
            return Outcome(source, "duplicate", report_id=existing)
        analysis = analyze_bytes(data, source, settings)
        saved = store.save(analysis, data)
    except FazhiError as exc:
        store.record(source, sha256, "failed", error_code=exc.code, error_message=exc.one_line())
        return Outcome(source, "failed", error=exc)
    except OSError as exc:
        err = InputError(f"无法读取文件: {exc.strerror}", source=source, hint="检查文件权限")
        store.record(source, sha256, "failed", error_code=err.code, error_message=err.one_line())
        return Outcome(source, "failed", error=err)
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


