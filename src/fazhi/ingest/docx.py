"""Word reports (.docx): body paragraphs and tables, in reading order.

Only the document body is read: page headers and footers live in their own
parts of the package and are never report text. The body is walked as XML
rather than through python-docx's paragraph objects because those drop text
inside tracked insertions, content controls, smart tags and simple fields,
and repeat a merged table cell once for every grid column it spans.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from lxml import etree

from fazhi.core.document import Document, Provenance, ReaderHints
from fazhi.core.errors import CorruptFile, NoText
from fazhi.core.settings import Settings
from fazhi.ingest.base import RawFile
from fazhi.ingest.docx_numbering import Numbering, W, load_numbering, num_pr_values
from fazhi.ingest.docx_zip import RESAVE_HINT, check_docx_zip
from fazhi.ingest.hints import meaningful_title

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc"
_SDT, _SDT_CONTENT, _CUSTOM_XML = f"{W}sdt", f"{W}sdtContent", f"{W}customXml"
_R, _T, _TXBX = f"{W}r", f"{W}t", f"{W}txbxContent"
_BREAKS = {f"{W}br", f"{W}cr"}
_TABS = {f"{W}tab", f"{W}ptab"}
# Subtrees whose text is not what the page shows: deleted or moved-away text,
# the VML duplicate of a drawing, properties, and field instructions.
_SKIP = {
    f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr", f"{W}instrText", f"{W}delText",
    f"{_MC}Fallback", f"{W}footnoteReference", f"{W}endnoteReference",
}
_WRAPPERS = {_SDT_CONTENT, _CUSTOM_XML}
_FALSE = {"0", "false", "off"}

_RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


def read_docx(raw: RawFile, settings: Settings) -> Document:
    check_docx_zip(raw, settings)
    # Imported here so that reading a .txt never loads python-docx.
    import docx

    try:
        package = docx.Document(io.BytesIO(raw.data))
        body = package.element.body
        numbering = load_numbering(_numbering_xml(package), package.styles.element)
        title = package.core_properties.title
    except MemoryError:
        raise  # not damage: the worker reports the memory cap
    except Exception as exc:  # python-docx/lxml raise many types on a damaged file
        raise CorruptFile(
            "文件已损坏或不是有效的 Word(.docx)文档,无法打开", source=raw.source, hint=RESAVE_HINT
        ) from exc
    text = "\n".join(_BodyText(numbering).blocks(body))
    if not text.strip():
        raise NoText(
            "Word 文档中没有文字",
            source=raw.source,
            hint="若正文是图片(扫描件),请先用 OCR 识别为文字",
        )
    return Document(
        text=text,
        provenance=Provenance(raw.source, "docx", "binary", raw.sha256, raw.size),
        hints=ReaderHints(title=meaningful_title(title)),
    )


def _numbering_xml(package: object) -> etree._Element | None:
    try:
        return package.part.part_related_by(_RT_NUMBERING).element  # type: ignore[attr-defined]
    except KeyError:
        return None


class _BodyText:
    """Lines of the body: one per paragraph, one per table row (cells split by a tab)."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering

    def blocks(self, container: etree._Element) -> Iterator[str]:
        for child in container.iterchildren():
            tag = child.tag
            if tag == _P:
                yield from self.paragraph(child)
            elif tag == _TBL:
                yield from self.table(child)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    yield from self.blocks(content)
            elif tag in _WRAPPERS:
                yield from self.blocks(child)

    def paragraph(self, p: etree._Element) -> Iterator[str]:
        parts: list[str] = []
        boxes: list[etree._Element] = []
        _inline(p, parts, boxes)
        text = "".join(parts)
        label = self.enumerator(p)
        yield label + text if text.strip() else text
        # A text box anchored in the paragraph is read after it, once.
        for box in boxes:
            yield from self.blocks(box)

    def table(self, tbl: etree._Element) -> Iterator[str]:
        for row in _unwrapped(tbl, _TR):
            cells = []
            for cell in _unwrapped(row, _TC):
                # Paragraphs and nested tables inside a cell are flattened so
                # that a row stays one line.
                pieces = (" ".join(line.split()) for line in self.blocks(cell))
                cells.append(" ".join(piece for piece in pieces if piece))
            if any(cells):
                yield "\t".join(cells)

    def enumerator(self, p: etree._Element) -> str:
        ppr = p.find(f"{W}pPr")
        if ppr is None:
            return ""
        num_id, ilvl = None, None
        num_pr = ppr.find(f"{W}numPr")
        if num_pr is not None:
            num_id, ilvl = num_pr_values(num_pr)
        style = ppr.find(f"{W}pStyle")
        if style is not None and (num_id is None or ilvl is None):
            style_num = self.numbering.style_numbering.get(style.get(f"{W}val", ""))
            if style_num is not None:
                num_id = num_id if num_id is not None else style_num[0]
                ilvl = ilvl if ilvl is not None else style_num[1]
        if not num_id or num_id == "0":  # numId 0 switches a style's numbering off
            return ""
        return self.numbering.label(num_id, ilvl or 0)


def _inline(element: etree._Element, out: list[str], boxes: list[etree._Element]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag in _TABS:
            out.append("\t")
        elif tag in _BREAKS:
            out.append("\n")
        elif tag == _TXBX:
            boxes.append(child)
        elif tag in _SKIP or not isinstance(tag, str):  # comments and PIs have no str tag
            continue
        elif tag == _R and _hidden(child):
            continue
        else:
            _inline(child, out, boxes)


def _hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(f"{W}val", "true").lower() not in _FALSE


def _unwrapped(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with ``tag``, looking through content controls wrapped around them."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _unwrapped(content, tag)
        elif child.tag == _CUSTOM_XML:
            yield from _unwrapped(child, tag)
