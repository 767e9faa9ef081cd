"""Hostile inputs, built on the spot: the tests of issue 7 and bench/bench_hostile.py share them.

Each builder writes into a folder it is given and returns the path it made;
nothing here is checked in, so no bomb ever sits in the repository.
"""

from __future__ import annotations

import functools
import os
import random
import zipfile
import zlib
from pathlib import Path

MB = 1024 * 1024
REPORT = (
    "示例市人民政府关于2023年度法治政府建设情况的报告\n"
    "一、主要举措和成效\n全年办理行政复议案件120件,同比增长15%。\n"
    "二、存在的不足和原因\n执法力量不足,主要原因是编制有限。\n"
    "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人专题研究法治工作4次。\n"
    "四、2024年度推进法治政府建设的主要安排\n完善行政执法协调监督工作体系。\n"
)

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'numbering" Target="numbering.xml"/></Relationships>'
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _paragraph(text: str, numbered: bool = False) -> str:
    num = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' if numbered else ""
    return f"<w:p>{num}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _docx(path: Path, body_chunks, numbering: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        if numbering is not None:
            zf.writestr("word/_rels/document.xml.rels", _DOC_RELS)
            zf.writestr("word/numbering.xml", numbering)
        with zf.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>'.encode())
            for chunk in body_chunks:
                part.write(chunk.encode("utf-8"))
            part.write(b"</w:body></w:document>")
    return path


def report_docx(path: Path) -> Path:
    """A small, ordinary DOCX report (the good file among hostile ones)."""
    return _docx(path, [_paragraph(line) for line in REPORT.splitlines()])


def numbering_docx(path: Path, start: int, fmt: str) -> Path:
    """A DOCX whose list numbering starts at ``start`` in format ``fmt`` (lowerLetter, upperRoman)."""
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {_W}>'
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    lines = REPORT.splitlines()
    return _docx(path, [_paragraph(line, numbered=i > 0) for i, line in enumerate(lines)], numbering)


def huge_xml_docx(path: Path, xml_mb: int = 190) -> Path:
    """A DOCX within the zip limits (ratio ~30:1, total < 200 MB) whose document.xml is ``xml_mb`` MB."""
    rng = random.Random(7)
    # Sixteen random chunks of ~100 KB, cycled: each is wider than deflate's
    # 32 KB window, so the ratio stays that of random text, and building is fast.
    pool = ["".join(_paragraph(f"第{rng.randrange(10**9)}项工作完成情况") for _ in range(2000)) for _ in range(16)]

    def chunks():
        written = 0
        while written < xml_mb * MB:
            chunk = pool[rng.randrange(len(pool))]
            written += len(chunk.encode("utf-8"))
            yield chunk

    return _docx(path, chunks())


def pdf_bytes(streams: list[bytes], texts: list[str] | None = None) -> bytes:
    """A PDF with one page per (already Flate-compressed) content stream."""
    objects: list[bytes] = []
    n = len(streams)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    font = 3 + 2 * n
    for i, data in enumerate(streams):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objects.append(f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


@functools.lru_cache(maxsize=2)
def deflate_bomb(inflated_mb: int) -> bytes:
    """``inflated_mb`` MB of spaces (valid, if dull, content-stream bytes) deflated at ~1000:1.

    Compressing a gigabyte takes seconds; after a full flush the compressor
    starts afresh, so one megabyte's output is repeated instead, with the
    checksum of the whole computed on the side.
    """
    block = b" " * MB
    packer = zlib.compressobj(9)
    first = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush(zlib.Z_FINISH)[:-4]  # the final empty block, without the checksum
    checksum = 1
    for _ in range(inflated_mb):
        checksum = zlib.adler32(block, checksum)
    return first + again * (inflated_mb - 1) + end + checksum.to_bytes(4, "big")


def pdf_bomb(path: Path, inflated_mb: int = 1024, pages: int = 1) -> Path:
    bomb = deflate_bomb(inflated_mb)
    path.write_bytes(pdf_bytes([bomb] * pages))
    return path


def big_txt(path: Path, mb: int = 49) -> Path:
    line = REPORT.encode("utf-8")
    with path.open("wb") as handle:
        for _ in range(mb * MB // len(line)):
            handle.write(line)
    return path


def truncated_utf8(path: Path) -> Path:
    path.write_bytes(REPORT.rstrip("\n").encode("utf-8")[:-1])
    return path


def unknown_charset_html(path: Path) -> Path:
    body = "".join(f"<p>{line}</p>" for line in REPORT.splitlines())
    page = f'<html><head><meta charset="undefined"><title>报告</title></head><body><article>{body}</article></body></html>'
    path.write_bytes(page.encode("utf-8"))
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def device_link(path: Path, device: str) -> Path:
    path.symlink_to(device)
    return path


def gbk_name(folder: Path) -> Path:
    """A file whose name is GBK bytes, as unzipped from a Windows zip."""
    raw = os.fsencode(folder) + b"/" + "示例市法治报告".encode("gbk") + b".txt"
    with open(raw, "wb") as handle:
        handle.write(REPORT.encode("utf-8"))
    return Path(os.fsdecode(raw))


def good_txt(path: Path, marker: str = "") -> Path:
    """An ordinary report; ``marker`` makes its bytes (and sha256) unique."""
    path.write_text(REPORT + marker, encoding="utf-8")
    return path
