"""Format detection and lazy dispatch to the readers.

Readers are imported only when a file of their format arrives, so that
``fazhi analyze report.txt`` never pays for loading pdfminer or lxml.
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from pathlib import Path

from fazhi.core.document import Document
from fazhi.core.errors import EmptyFile, FileNotFound, FileTooLarge, InputError, UnsupportedFormat
from fazhi.core.settings import Settings
from fazhi.ingest.base import RawFile
from fazhi.ingest.noise import find_noise, merge_noise

# extension -> (format, "module:function")
_READERS: dict[str, tuple[str, str]] = {
    ".txt": ("txt", "fazhi.ingest.text:read_text"),
    ".text": ("txt", "fazhi.ingest.text:read_text"),
    ".html": ("html", "fazhi.ingest.html:read_html"),
    ".htm": ("html", "fazhi.ingest.html:read_html"),
    ".shtml": ("html", "fazhi.ingest.html:read_html"),
    ".docx": ("docx", "fazhi.ingest.docx:read_docx"),
    ".pdf": ("pdf", "fazhi.ingest.pdf:read_pdf"),
}

SUPPORTED_SUFFIXES = tuple(sorted(_READERS))


def is_report_file(path: str | Path) -> bool:
    """Whether a file's extension is one fazhi reads (how folders are sifted)."""
    return Path(path).suffix.lower() in _READERS


def detect_format(source: str) -> str:
    """The format named by the file's extension, or UnsupportedFormat."""
    suffix = Path(source).suffix.lower()
    try:
        return _READERS[suffix][0]
    except KeyError:
        hint = "支持的格式: " + " ".join(SUPPORTED_SUFFIXES)
        if suffix == ".doc":
            hint = "旧版 .doc 请先另存为 .docx;" + hint
        elif suffix in (".wps", ".ofd"):
            hint = f"{suffix} 请先另存为 .docx 或 .pdf;" + hint
        raise UnsupportedFormat(
            f"不支持的文件类型 {suffix or '(无扩展名)'}", source=source, hint=hint
        ) from None


def read_raw(path: str | Path, settings: Settings) -> RawFile:
    """The bytes of one file, after the checks that need no reading: format, existence, size."""
    source = str(path)
    p = Path(path)
    detect_format(source)  # refuse unsupported files before touching their bytes
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise FileNotFound("文件不存在", source=source, hint="检查路径是否正确") from None
    except OSError as exc:
        raise InputError(f"无法读取文件: {exc.strerror}", source=source) from None
    if p.is_dir():
        raise InputError("这是一个文件夹,不是报告文件", source=source, hint="给出其中的文件,或直接给出文件夹(不带报告扩展名)")
    check_size(source, size, settings)
    try:
        return RawFile(source, p.read_bytes())
    except OSError as exc:
        raise InputError(f"无法读取文件: {exc.strerror}", source=source, hint="检查文件权限") from None


def read_path(path: str | Path, settings: Settings) -> Document:
    """Read one file from disk, enforcing the size limit before reading it whole."""
    return read_document(read_raw(path, settings), settings)


def read_bytes(data: bytes, source: str, settings: Settings) -> Document:
    """Read bytes whose format is named by ``source``'s extension."""
    return read_document(RawFile(source, data), settings)


def read_document(raw: RawFile, settings: Settings) -> Document:
    """The Document of a file's bytes; every way of reading ends here."""
    source = raw.source
    fmt = detect_format(source)
    check_size(source, raw.size, settings)
    if not raw.data.strip():
        raise EmptyFile("文件是空的", source=source, hint="确认文件已完整保存或下载")
    module_name, func_name = _READERS[Path(source).suffix.lower()][1].split(":")
    reader = getattr(importlib.import_module(module_name), func_name)
    doc: Document = reader(raw, settings)
    assert doc.provenance.format == fmt, (doc.provenance.format, fmt)
    # Furniture that survives any reader (a metadata bar pasted into a .txt, a
    # breadcrumb inside a DOCX) is found on the final text, the same way for all.
    noise = merge_noise(doc.noise, find_noise(doc.text))
    for item in noise:
        item.span.check(doc.text)
    return replace(doc, noise=noise)


def check_size(source: str, size: int, settings: Settings) -> None:
    if size > settings.max_file_bytes:
        raise FileTooLarge(
            f"文件过大({size / 1024 / 1024:.1f} MB,上限 {settings.max_file_mb:g} MB)",
            source=source,
            hint="拆分文件,或在设置中调高 max_file_mb",
        )
