"""Plain-text reports (.txt)."""

from __future__ import annotations

from fazhi.core.document import Document, Provenance
from fazhi.core.errors import EmptyFile
from fazhi.core.settings import Settings
from fazhi.ingest.base import RawFile
from fazhi.ingest.encoding import decode_text
from fazhi.ingest.registry import check_chars


def read_text(raw: RawFile, settings: Settings) -> Document:
    # No encoding takes more than four bytes a character: more bytes than that
    # are more characters than the limit, refused before decoding megabytes.
    check_chars(raw.source, len(raw.data) // 4, settings)
    text, encoding = decode_text(raw.data, raw.source)
    # The text is kept exactly as decoded (line endings included) so that
    # offsets match what any other tool reading the same file sees.
    if not text.strip():
        raise EmptyFile("文件中没有文字", source=raw.source, hint="确认文件已完整保存")
    return Document(
        text=text,
        provenance=Provenance(raw.source, "txt", encoding, raw.sha256, raw.size),
    )
