"""Inspect a DOCX's zip container before any XML library touches it.

python-docx inflates every part of the package into memory when it opens a
file, so a zip bomb (a few hundred KB that inflate to gigabytes) would take
the process down before any error could be raised. Only the central
directory is read here; ``zipfile`` itself caps every later read of a member
at the size declared there, so checking the declared sizes is enough.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from fazhi.core.errors import CorruptFile, FileTooLarge, ZipBomb
from fazhi.core.settings import Settings
from fazhi.ingest.base import RawFile

MAIN_PART = "word/document.xml"
# A small member may compress very well (a long run of identical table cells);
# only a member that is both highly compressed and big is suspect.
_RATIO_FLOOR_BYTES = 1024 * 1024
_MB = 1024 * 1024

RESAVE_HINT = "用 Word/WPS 打开后另存为 .docx"

# Files that users (and crawlers) name .docx although they are something else.
_MAGIC = (
    (b"\xd0\xcf\x11\xe0", "这是旧版 Word(.doc)/WPS 文件或加密的 Word 文档,只是扩展名为 .docx"),
    (b"%PDF-", "这是 PDF 文件,扩展名却是 .docx"),
    (b"{\\rtf", "这是 RTF 文件,扩展名却是 .docx"),
)


def check_docx_zip(raw: RawFile, settings: Settings) -> None:
    """Raise CorruptFile or ZipBomb unless the bytes are a sane DOCX package."""
    head = raw.data[:8].lstrip()
    for magic, message in _MAGIC:
        if head.startswith(magic):
            hint = "把扩展名改为 .pdf" if magic == b"%PDF-" else RESAVE_HINT
            raise CorruptFile(message, source=raw.source, hint=hint)
    try:
        with zipfile.ZipFile(io.BytesIO(raw.data)) as archive:
            members = archive.infolist()
            _check_sizes(raw.source, members, settings)
            main_part = _main_part(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, NotImplementedError):
        raise CorruptFile(
            "文件已损坏或不是有效的 Word(.docx)文档", source=raw.source, hint=RESAVE_HINT
        ) from None
    if main_part is None:
        raise CorruptFile(
            f"文件不是有效的 Word(.docx)文档:缺少正文部件 {MAIN_PART}",
            source=raw.source,
            hint=RESAVE_HINT,
        )


_OFFICE_DOCUMENT = re.compile(
    rb'Type="[^"]*/officeDocument"[^>]*Target="/?([^"]+)"|Target="/?([^"]+)"[^>]*Type="[^"]*/officeDocument"'
)


def _main_part(archive: zipfile.ZipFile) -> str | None:
    """The main document part: word/document.xml, or wherever _rels/.rels points.

    A few converters name it differently (word/document2.xml); python-docx
    follows the relationship, so a valid file must not be refused for that.
    """
    names = set(archive.namelist())
    if MAIN_PART in names:
        return MAIN_PART
    try:
        rels = archive.getinfo("_rels/.rels")
    except KeyError:
        return None
    if rels.file_size > _RATIO_FLOOR_BYTES:
        return None
    found = _OFFICE_DOCUMENT.search(archive.read(rels))
    if not found:
        return None
    target = (found.group(1) or found.group(2)).decode("utf-8", "replace")
    return target if target in names else None


def _check_sizes(source: str, members: list[zipfile.ZipInfo], settings: Settings) -> None:
    total = sum(m.file_size for m in members)
    if total > settings.max_unzipped_bytes:
        raise ZipBomb(
            f"解压后大小 {total / _MB:.0f} MB 超过上限 {settings.max_unzipped_mb:g} MB,可能是压缩炸弹",
            source=source,
            hint="确认文件来源;若确是正常文件,可在设置中调高 max_unzipped_mb",
        )
    for member in members:
        # A part within the ratio and the total can still be far too big to
        # parse: 190 MB of document.xml took 12 minutes and 3.6 GB.
        # Pictures are never parsed, so only XML parts count.
        if member.file_size > settings.max_part_bytes and member.filename.endswith((".xml", ".rels")):
            raise FileTooLarge(
                f"部件 {member.filename} 解压后 {member.file_size / _MB:.0f} MB,超过单个部件的上限 "
                f"{settings.max_part_mb:g} MB;真实报告的正文只有几 MB",
                source=source,
                hint="确认文件内容;若确是正常文件,可在设置中调高 max_part_mb",
            )
        if member.file_size <= _RATIO_FLOOR_BYTES:
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > settings.max_zip_ratio:
            raise ZipBomb(
                f"部件 {member.filename} 的压缩比 {ratio:.0f}:1 超过上限 "
                f"{settings.max_zip_ratio:g}:1,可能是压缩炸弹",
                source=source,
                hint="确认文件来源;若确是正常文件,可在设置中调高 max_zip_ratio",
            )
