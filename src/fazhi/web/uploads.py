"""Uploaded files go through the same ingest as `fazhi ingest`: written to a private temporary
folder under a cleaned name, then handed to ``store.ingest_run.ingest_files``: the same worker processes, limits and
one-line errors as the command line."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import UploadFile

from fazhi.core.settings import Settings
from fazhi.store import Store
from fazhi.store.ingest_run import ingest_files
from fazhi.web.downloads import display_name
from fazhi.web.render import STATUS_NAMES

_CHUNK = 1 << 20


def _save(upload: UploadFile, folder: Path, limit: int) -> Path:
    """Write the upload as ``folder/<name>``; a name like ``../../x`` keeps only ``x``.

    Copies at most ``limit + 1`` bytes: enough for the ingest's own size check to refuse
    the file with its usual message, without filling the disk first.
    """
    path = folder / display_name(upload.filename or "")
    left = limit + 1
    with path.open("wb") as out:
        while left > 0:
            chunk = upload.file.read(min(_CHUNK, left))
            if not chunk:
                break
            out.write(chunk)
            left -= len(chunk)
    return path


def ingest_uploads(uploads: list[UploadFile], store: Store, settings: Settings) -> list[dict]:
    folder = Path(tempfile.mkdtemp(prefix="fazhi-upload-"))
    try:
        paths = []
        for n, upload in enumerate(uploads):
            # One sub-folder per upload: two files of the same name stay two files.
            own = folder / str(n)
            own.mkdir()
            paths.append(_save(upload, own, settings.max_file_bytes))
        outcomes = list(ingest_files([(str(p), True) for p in paths], store, settings))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [_result(path.name, outcome) for path, outcome in zip(paths, outcomes, strict=True)]


def _result(name: str, outcome) -> dict:
    error = outcome.error
    return {
        "name": name,
        "status": outcome.status,
        "status_name": STATUS_NAMES[outcome.status],
        "report_id": outcome.report_id,
        "jurisdiction": outcome.jurisdiction,
        "report_year": outcome.report_year,
        # Said with the uploaded name: the temporary folder means nothing to the user.
        "error": None if error is None else {
            "code": error.code,
            "message": f"{name}: {error.message}" + (f"({error.hint})" if error.hint else ""),
        },
    }
