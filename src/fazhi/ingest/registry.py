"""Format detection and lazy dispatch to the readers.

Readers are imported only when a file of their format arrives, so that
``fazhi analyze report.txt`` never pays for loading pdfminer or lxml.
"""

from __future__ import annotations

import importlib
import os
import stat
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
    """The bytes of one regular file, read at most up to the size limit.

    The size check cannot trust ``stat`` alone: a FIFO, ``/dev/zero`` or
    ``/dev/urandom`` (or a symlink to one) reports 0 bytes and then never ends.
    So the file is opened without blocking, checked on the open descriptor to
    be a regular file, and read no further than the limit.
    """
    source = shown_path(path)
    detect_format(source)  # refuse unsupported files before touching their bytes
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise FileNotFound("文件不存在", source=source, hint="检查路径是否正确") from None
    except IsADirectoryError:
        raise _folder(source) from None
    except OSError as exc:
        raise InputError(f"无法读取文件: {exc.strerror}", source=source, hint="检查文件权限") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise _folder(source)
        if not stat.S_ISREG(mode):
            raise InputError(
                f"不是普通文件({_KINDS.get(stat.S_IFMT(mode), '特殊文件')}),不会读取",
                source=source, hint="只读取普通的报告文件;把报告复制为普通文件后再处理",
            )
        check_size(source, os.fstat(fd).st_size, settings)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb", buffering=0) as handle:
        try:
            # One byte past the limit tells a file that grew while we read it.
            data = _read_at_most(handle, settings.max_file_bytes + 1)
        except OSError as exc:
            raise InputError(f"无法读取文件: {exc.strerror}", source=source, hint="检查文件权限") from None
    check_size(source, len(data), settings)
    return RawFile(source, data)


_KINDS = {
    stat.S_IFIFO: "命名管道", stat.S_IFCHR: "字符设备", stat.S_IFBLK: "块设备", stat.S_IFSOCK: "套接字",
}


def _folder(source: str) -> InputError:
    return InputError("这是一个文件夹,不是报告文件", source=source, hint="给出其中的文件,或直接给出文件夹(不带报告扩展名)")


def _read_at_most(handle, limit: int) -> bytes:
    chunks, total = [], 0
    while total < limit:
        chunk = handle.read(min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def shown_path(path: str | Path) -> str:
    """A path as text that can be printed, stored and put in JSON.

    A name unzipped from a Windows archive is often GBK bytes, which Python
    keeps as lone surrogates that no UTF-8 terminal, database or JSON accepts.
    Such a name is shown as GB18030 when it decodes as that, else with its
    undecodable bytes as \\xNN.
    """
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        raw = os.fsencode(text)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


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
    check_chars(source, len(doc.text), settings)
    assert doc.provenance.format == fmt, (doc.provenance.format, fmt)
    # Furniture that survives any reader (a metadata bar pasted into a .txt, a
    # breadcrumb inside a DOCX) is found on the final text, the same way for all.
    noise = merge_noise(doc.noise, find_noise(doc.text))
    for item in noise:
        item.span.check(doc.text)
    return replace(doc, noise=noise)


def check_chars(source: str, chars: int, settings: Settings) -> None:
    """Refuse text longer than any report: the stages after reading are not built for it."""
    if chars > settings.max_text_chars:
        raise FileTooLarge(
            f"读出的文字过多({chars:,} 字,上限 {settings.max_text_chars:,} 字),不像一份年度报告",
            source=source,
            hint="确认文件内容;若确是一份报告,可在设置中调高 max_text_chars",
        )


def check_size(source: str, size: int, settings: Settings) -> None:
    if size > settings.max_file_bytes:
        raise FileTooLarge(
            f"文件过大({size / 1024 / 1024:.1f} MB,上限 {settings.max_file_mb:g} MB)",
            source=source,
            hint="拆分文件,或在设置中调高 max_file_mb",
        )
