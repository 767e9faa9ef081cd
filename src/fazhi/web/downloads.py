"""Files a report page offers: its original and its review letter (through the letters package)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import quote

from fastapi.responses import Response

LETTER_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


def display_name(source: str) -> str:
    """The last part of a path from any system, without control characters; never empty, never a path."""
    name = PureWindowsPath(PurePosixPath(source or "").name).name
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip().lstrip(".")
    return name or "report"


def attachment(body: bytes, name: str, media_type: str) -> Response:
    """A download, never shown inline (an original HTML page must not run in our origin)."""
    ascii_name = re.sub(r"[^A-Za-z0-9._-]", "_", name) or "download"
    return Response(body, media_type=media_type, headers={
        "Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}",
        "X-Content-Type-Options": "nosniff",
    })


def letter_file(row: dict, fmt: str) -> bytes:
    from fazhi.letters import build_letter, write_letter

    letter = build_letter({**row["analysis"], "id": row["id"]}, row["text"])
    with tempfile.TemporaryDirectory(prefix="fazhi-letter-") as folder:
        paths = write_letter(letter, Path(folder), "letter")
        return paths[fmt].read_bytes()
