"""Turn a report's text into the DOCX and PDF files that offices publish.

The files imitate what Word and its PDF export produce, including the parts a
reader must not take for report text: page headers and footers, page numbers,
and the spaces a PDF producer leaves between Chinese characters and digits.
"""

from __future__ import annotations

import re
from pathlib import Path

HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")
DOCX_HEADER = "XX市人民政府办公室页眉"
DOCX_FOOTER = "XX市司法局页脚"
TABLE_ROWS = (
    ("指标", "2023年", "2024年"),
    ("行政复议案件", "35件", "41件"),
    ("行政应诉案件", "12件", "9件"),
)

_DIGIT_RUN = re.compile(r"([0-9][0-9.]*%?)")
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’"


def text_to_docx(text: str, path: Path, *, with_table: bool = False) -> Path:
    """One paragraph per line; 一、/(一) headings bold; a header and footer that are not report text."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = DOCX_HEADER
    section.footer.paragraphs[0].text = DOCX_FOOTER
    table_pending = with_table
    for line in text.splitlines():
        paragraph = document.add_paragraph()
        heading = bool(HEADING.match(line))
        # Word splits a paragraph into runs wherever the font changes; digits
        # are usually set in a Latin font, so each digit run is its own run.
        for piece in _DIGIT_RUN.split(line):
            if piece:
                run = paragraph.add_run(piece)
                run.bold = heading or None
                run.font.size = Pt(16)
        if table_pending and heading:
            table = document.add_table(rows=0, cols=len(TABLE_ROWS[0]))
            for values in TABLE_ROWS:
                cells = table.add_row().cells
                for cell, value in zip(cells, values):
                    cell.text = value
            table_pending = False
    document.save(path)
    return path


# A4 in points with 公文-like margins; body text 12 pt.
_PAGE_W, _PAGE_H = 595.28, 841.89
_LEFT, _RIGHT, _TOP, _BOTTOM = 79.0, 74.0, 100.0, 90.0
_BODY_PT, _LINE_H = 12.0, 20.0
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%/:\-]*| |.")


def text_to_pdf(
    text: str,
    path: Path,
    *,
    font: Path,
    spaced_digits: bool = True,
    header: str | None = "XX市人民政府文件",
    page_numbers: bool = True,
) -> Path:
    """A4 pages, paragraphs wrapped to the text width with a two-character first-line indent.

    Lines are broken by hand like a CJK layout engine does (anywhere between
    Chinese characters, never inside a number or Latin word), because fpdf2's
    multi_cell breaks at the last space of a line, leaving short lines that
    no real report has.
    """
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            if header:
                self.set_font("cjk", size=9)
                self.set_xy(_LEFT, 40)
                self.cell(_PAGE_W - _LEFT - _RIGHT, 12, header, align="C")
                self.line(_LEFT, 56, _PAGE_W - _RIGHT, 56)
            self.set_font("cjk", size=_BODY_PT)

        def footer(self) -> None:
            if page_numbers:
                self.set_font("cjk", size=10)
                self.set_xy(_LEFT, _PAGE_H - 60)
                self.cell(_PAGE_W - _LEFT - _RIGHT, 12, f"- {self.page_no()} -", align="C")
            self.set_font("cjk", size=_BODY_PT)

    pdf = Report(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", "", str(font))
    pdf.set_font("cjk", size=_BODY_PT)
    pdf.add_page()
    width = _PAGE_W - _LEFT - _RIGHT
    y = _TOP
    for line in text.splitlines():
        paragraph = line.strip()
        if not paragraph:
            y += _LINE_H / 2
            continue
        if spaced_digits:
            paragraph = space_digits(paragraph)
        indent = 2 * _BODY_PT
        for row in _wrap(pdf, paragraph, width, indent):
            if y + _LINE_H > _PAGE_H - _BOTTOM:
                pdf.add_page()
                y = _TOP
            pdf.text(_LEFT + indent, y + _BODY_PT, row)
            y += _LINE_H
            indent = 0.0
    pdf.output(str(path))
    return path


def space_digits(line: str) -> str:
    """Put a space between Chinese and a number, and before %, as PDF text often shows it."""
    line = re.sub(rf"(?<=[{_CJK}])(?=[0-9])", " ", line)
    line = re.sub(rf"(?<=[0-9%])(?=[{_CJK}])", " ", line)
    return re.sub(r"(?<=[0-9])%", " %", line)


def _wrap(pdf: object, paragraph: str, width: float, indent: float) -> list[str]:
    rows: list[str] = []
    current, used, room = "", 0.0, width - indent
    for token in _TOKEN.findall(paragraph):
        token_width = pdf.get_string_width(token)  # type: ignore[attr-defined]
        if used + token_width > room and current:
            rows.append(current.rstrip())
            current, used, room = "", 0.0, width
            if token == " ":
                continue  # a space at a line break disappears
        current += token
        used += token_width
    if current.strip():
        rows.append(current.rstrip())
    return rows


def blank_pdf(path: Path, pages: int = 2) -> Path:
    """Pages with drawings and no text at all, like a scan without OCR."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    for _ in range(pages):
        pdf.add_page()
        pdf.set_fill_color(200, 200, 200)
        pdf.rect(_LEFT, _TOP, 300, 400, style="F")
        pdf.line(_LEFT, 600, 500, 600)
    pdf.output(str(path))
    return path
