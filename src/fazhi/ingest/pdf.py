"""PDF reports with a text layer (.pdf).

pdfminer gives each glyph with its position; lines, spaces, paragraphs and
page furniture are rebuilt from those positions (pdf_lines, pdf_layout,
pdf_furniture). Scanned PDFs have no glyphs to read and are refused with a
hint to run OCR, rather than returned as an empty report.
"""

from __future__ import annotations

import io
import re

from fazhi.core.document import Document, Provenance, ReaderHints
from fazhi.core.errors import CorruptFile, NoTextLayer
from fazhi.core.settings import Settings
from fazhi.ingest.base import RawFile
from fazhi.ingest.hints import meaningful_title
from fazhi.ingest.pdf_layout import PageText, assemble
from fazhi.ingest.pdf_lines import Glyph, build_lines
from fazhi.ingest.pdf_streams import check_pdf_streams

_REEXPORT_HINT = "用原软件重新导出 PDF,或重新下载完整文件"
_OCR_HINT = "这通常是扫描件:请先用 OCR 软件识别为文字,或改用 Word 原件"
# pdfminer writes a glyph it cannot map to Unicode as "(cid:123)".
_CID = re.compile(r"^\(cid:\d+\)$")
_MAX_UNMAPPED_SHARE = 0.3
# The end-of-file marker sits in the last bytes; a file cut short has none.
_EOF_WINDOW = 8192

_NOT_PDF = (
    (b"PK\x03\x04", "这是 Word(.docx)或其他压缩包文件,扩展名却是 .pdf"),
    (b"\xd0\xcf\x11\xe0", "这是旧版 Word(.doc)/WPS 文件,扩展名却是 .pdf"),
    (b"<", "这是网页(HTML)或 XML 文件,扩展名却是 .pdf"),
)


def read_pdf(raw: RawFile, settings: Settings) -> Document:
    _check_envelope(raw)
    check_pdf_streams(raw, settings)
    pages, title = _extract(raw)
    glyph_count = sum(len(glyphs) for glyphs, _ in pages)
    unmapped = sum(1 for glyphs, _ in pages for g in glyphs if g.text == "\ufffd")
    if glyph_count and unmapped > _MAX_UNMAPPED_SHARE * glyph_count:
        raise NoTextLayer(
            "PDF 的文字层无法解码(字体缺少 Unicode 映射),读出的会是乱码",
            source=raw.source,
            hint="请用 OCR 软件识别为文字,或改用 Word 原件",
        )
    layout = assemble([PageText(build_lines(glyphs), height) for glyphs, height in pages])
    if layout.body_chars == 0:
        raise NoTextLayer(
            "PDF 没有文字层(页面只有图片或图形),读不出文字", source=raw.source, hint=_OCR_HINT
        )
    return Document(
        text=layout.text,
        provenance=Provenance(raw.source, "pdf", "binary", raw.sha256, raw.size),
        noise=layout.noise,
        pages=layout.pages,
        hints=ReaderHints(title=meaningful_title(title)),
    )


def _check_envelope(raw: RawFile) -> None:
    """Refuse what is not a whole PDF before pdfminer guesses its way through it."""
    head = raw.data[:1024]
    if b"%PDF-" not in head:
        stripped = head.lstrip()
        for magic, message in _NOT_PDF:
            if stripped.startswith(magic):
                raise CorruptFile(message, source=raw.source, hint="按实际格式改正扩展名")
        raise CorruptFile("文件已损坏或不是 PDF 文件", source=raw.source, hint=_REEXPORT_HINT)
    # pdfminer recovers from a truncated file by scanning for objects and then
    # returns the pages it found, silently losing the rest: refuse instead.
    if b"%%EOF" not in raw.data[-_EOF_WINDOW:]:
        raise CorruptFile(
            "PDF 文件不完整(缺少文件结尾),可能下载或复制时中断", source=raw.source, hint=_REEXPORT_HINT
        )


def _extract(raw: RawFile) -> tuple[list[tuple[list[Glyph], float]], object]:
    """Glyphs and height of every page, and the metadata title.

    pdfminer is driven directly: pdfplumber (its wrapper) turns every glyph
    into a dict of two dozen properties, which made reading six times slower.
    """
    # Imported here so that reading a .txt never loads pdfminer.
    import logging

    # pdfminer logs its repairs of damaged files ("MediaBox missing…") as
    # warnings, which Python prints on stderr between fazhi's one-line
    # outcomes; the outcome line is what the user needs.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    pages: list[tuple[list[Glyph], float]] = []
    try:
        document = PDFDocument(PDFParser(io.BytesIO(raw.data)), password="")
        title = _title(document)
        resources = PDFResourceManager(caching=True)
        device = PDFPageAggregator(resources, laparams=None)
        interpreter = PDFPageInterpreter(resources, device)
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            layout = device.get_result()
            pages.append((_glyphs(layout), float(layout.height)))
    except PDFEncryptionError as exc:
        raise CorruptFile(
            "PDF 已加密,需要密码才能打开",
            source=raw.source,
            hint="请提供未加密的 PDF 或去除打开密码后再导入",
        ) from exc
    except MemoryError:
        raise  # not damage: the worker reports the memory cap
    except Exception as exc:  # pdfminer raises anything from KeyError to struct.error on damaged files
        raise CorruptFile("PDF 文件已损坏,无法解析", source=raw.source, hint=_REEXPORT_HINT) from exc
    if not pages:
        raise CorruptFile("PDF 中没有任何页面", source=raw.source, hint=_REEXPORT_HINT)
    return pages, title


def _title(document: object) -> str | None:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    for info in getattr(document, "info", []):
        value = resolve1(info.get("Title"))
        if isinstance(value, bytes):
            return decode_text(value)  # PDFDocEncoding, or UTF-16 with its BOM
        if isinstance(value, str):
            return value
    return None


def _glyphs(layout: object) -> list[Glyph]:
    from pdfminer.layout import LTChar, LTContainer

    left, top_edge = layout.x0, layout.y1  # type: ignore[attr-defined]
    width, height = layout.width, layout.height  # type: ignore[attr-defined]
    glyphs: list[Glyph] = []
    stack = [layout]
    while stack:  # characters may sit inside form XObjects (LTFigure), at any depth
        for item in stack.pop():
            if isinstance(item, LTChar):
                glyph = _glyph(item, left, top_edge, width, height)
                if glyph is not None:
                    glyphs.append(glyph)
            elif isinstance(item, LTContainer):
                stack.append(item)
    return glyphs


def _glyph(char: object, left: float, top_edge: float, width: float, height: float) -> Glyph | None:
    # Rotated glyphs are watermarks or stamps, and glyphs off the page are
    # hidden leftovers: neither is report text.
    if not char.upright:  # type: ignore[attr-defined]
        return None
    x0, x1 = char.x0 - left, char.x1 - left  # type: ignore[attr-defined]
    top, bottom = top_edge - char.y1, top_edge - char.y0  # type: ignore[attr-defined]
    if x1 < 0 or x0 > width or bottom < 0 or top > height:
        return None
    text = char.get_text()  # type: ignore[attr-defined]
    if _CID.match(text):
        text = "\ufffd"
    elif not text or text in "\r\n\t":
        return None
    return Glyph(text, x0, x1, top, bottom, float(char.size))  # type: ignore[attr-defined]
