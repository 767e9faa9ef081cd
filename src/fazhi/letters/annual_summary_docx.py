"""The annual summary as a DOCX in the letters' 公文 layout (GB/T 9704), with tables and charts.

Page, styles, paragraphs and page numbers come from docx_letter, so the
summary and the review letters look like one office's documents.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from fazhi.letters.annual_summary import ChartBlock, SummaryInput, TableBlock, blocks, summary_title
from fazhi.letters.docx_letter import _page, _page_numbers, _paragraph, _styles, set_fonts, xml_safe
from fazhi.letters.fonts import FontSet, choose_fonts
from fazhi.letters.layout import Block

TABLE_PT = 10.5  # 五号: a table of figures in 3号 would not fit the 156 mm text block
CHART_MM = 150
TEXT_MM = 156  # the text block's width (210 mm less the 28 and 26 mm margins)


def render_summary_docx(data: SummaryInput, path: Path, fonts: FontSet | None = None) -> Path:
    fonts = fonts or choose_fonts()
    document = docx.Document()
    _page(document)
    _styles(document, fonts)
    laid = blocks(data)
    signature = next((b.text for b in laid if isinstance(b, Block) and b.kind == "signature"), "")
    date = next((b.text for b in laid if isinstance(b, Block) and b.kind == "date"), "")
    for block in laid:
        if isinstance(block, TableBlock):
            _table(document, block, fonts)
        elif isinstance(block, ChartBlock):
            _chart(document, block)
        else:
            _paragraph(document, block, fonts, signature, date)
    _page_numbers(document, fonts)
    props = document.core_properties
    props.title = "".join(summary_title(data))
    props.subject = "法治政府建设年度报告汇总分析"
    props.author = props.last_modified_by = data.issuer or "fazhi"
    props.comments = ""
    document.save(str(path))
    return Path(path)


def _table(document: docx.document.Document, block: TableBlock, fonts: FontSet) -> None:
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if block.widths:
        total = sum(block.widths)
        table.autofit = False
        # LibreOffice lays out by the grid, Word by the cells: set both.
        grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
        for c, share in enumerate(block.widths):
            width = Mm(TEXT_MM * share / total)
            grid[c].set(qn("w:w"), str(int(width.twips)))
            for cell in table.columns[c].cells:
                cell.width = width
    for r, values in enumerate([block.header, *block.rows]):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            paragraph = cell.paragraphs[0]
            fmt = paragraph.paragraph_format
            fmt.first_line_indent = Pt(0)
            fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(TABLE_PT * 1.5)
            text_column = block.widths and c == len(values) - 1 and r  # a column of sentences reads left to right
            fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT if text_column else WD_ALIGN_PARAGRAPH.CENTER
            _no_char_indent(paragraph)
            run = paragraph.add_run(xml_safe(str(value)))
            run.font.size = Pt(TABLE_PT)
            run.bold = r == 0
            set_fonts(run._r, fonts.heading1 if r == 0 else fonts.body)
    document.add_paragraph()  # a table followed directly by a heading reads as one block


def _no_char_indent(paragraph) -> None:  # noqa: ANN001
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLine"), "0")
    ind.set(qn("w:firstLineChars"), "0")


def _chart(document: docx.document.Document, block: ChartBlock) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    _no_char_indent(paragraph)
    paragraph.add_run().add_picture(str(block.png), width=Mm(CHART_MM))
    caption = document.add_paragraph(xml_safe(block.caption))
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _no_char_indent(caption)
