"""Uploaded files go through the same ingest as `fazhi ingest`: written to a private temporary
folder under a cleaned name, then handed to ``store.ingest_run.ingest_one``."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import UploadFile

from fazhi.core.settings import Settings
from fazhi.store import Store
from fazhi.store.ingest_run import ingest_one
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
    results = []
    for upload in uploads:
        folder = Path(tempfile.mkdtemp(prefix="fazhi-upload-"))
        try:
            path = _save(upload, folder, settings.max_file_bytes)
            outcome = ingest_one(str(path), True, store, settings)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        error = outcome.error
        name = path.name
        results.append({
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
        })
    return results
