"""The letter as a DOCX laid out like a Chinese official document (GB/T 9704-2012).

A4; margins 37/35/28/26 mm (top/bottom/left/right); title 2号 (22 pt) 小标宋
centred; body 3号 (16 pt) 仿宋 with a two-character first-line indent and a
fixed 28.95 pt line (22 lines a page); level-1 headings 黑体, level-2 楷体;
page numbers 4号 宋体 as "— 1 —", odd pages right and even pages left, one
character in from the edge of the text block.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from fazhi.letters.fonts import FontSet, choose_fonts
from fazhi.letters.layout import Block, Run, blocks, letter_title
from fazhi.letters.model import Letter
from fazhi.letters.typeset import display_width

BODY_PT = 16.0  # 3号
TITLE_PT = 22.0  # 2号
PAGE_NUMBER_PT = 14.0  # 4号
LINE_PT = 28.95  # 22 lines in the 225 mm text block
TITLE_LINE_PT = 36.0  # a 2号 title needs more than the body's fixed line
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
FOOTER_MM = 22  # puts the page number's dashes about 7 mm below the text block
STYLE_NAMES = {
    "title": "公文标题",
    "heading1": "一级标题",
    "heading2": "二级标题",
    "addressee": "主送机关",
    "draft": "主送机关",  # flush left like the addressee
    "signature": "落款",
    "note": "附注",
}

# XML 1.0 forbids most C0 controls; a stray \x07 copied from a report would
# make python-docx refuse the whole letter.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _XML_ILLEGAL.sub(" ", text)


def render_docx(letter: Letter, path: Path, fonts: FontSet | None = None) -> Path:
    fonts = fonts or choose_fonts()
    document = docx.Document()
    _page(document)
    _styles(document, fonts)
    laid = blocks(letter)
    signature = next((b.text for b in laid if b.kind == "signature"), "")
    date = next((b.text for b in laid if b.kind == "date"), "")
    for block in laid:
        _paragraph(document, block, fonts, signature, date)
    _page_numbers(document, fonts)
    props = document.core_properties
    props.title = letter_title(letter)
    props.subject = "法治政府建设年度报告审核意见"
    props.author = props.last_modified_by = letter.reviewer or "fazhi"
    props.keywords = " ".join(str(k) for k in (letter.identity.jurisdiction, letter.identity.report_year) if k)
    props.comments = ""
    document.save(str(path))
    return Path(path)


def _page(document: docx.document.Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(FOOTER_MM)
    section.header_distance = Mm(15)


def set_fonts(rpr_owner, name: str) -> None:  # noqa: ANN001 - a python-docx element with an rPr
    """Name ``name`` for Latin, East Asian and complex scripts alike.

    python-docx's ``font.name`` sets only the Latin slots, and the default
    template's theme attributes (``w:eastAsiaTheme`` …) override explicit names,
    so Word and LibreOffice would never pick the Chinese font without this.
    """
    _name_fonts(rpr_owner.get_or_add_rPr(), name)


def _name_fonts(rpr, name: str) -> None:  # noqa: ANN001 - a CT_RPr
    fonts = rpr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)


def _styles(document: docx.document.Document, fonts: FontSet) -> None:
    _defaults(document, fonts)
    normal = document.styles["Normal"]
    set_fonts(normal.element, fonts.body)
    normal.font.size = Pt(BODY_PT)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(LINE_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.widow_control = False  # fixed 22-line pages: Word must not move lines to avoid orphans
    _indent_chars(normal.element, 2, BODY_PT)

    title = _style(document, "title", fonts.title, TITLE_PT)
    title.font.bold = fonts.title_bold
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(TITLE_LINE_PT)
    title.paragraph_format.space_after = Pt(LINE_PT)  # one blank line before the addressee
    _indent_chars(title.element, 0, TITLE_PT)

    for kind, font, level in (("heading1", fonts.heading1, 0), ("heading2", fonts.heading2, 1)):
        heading = _style(document, kind, font, BODY_PT)
        heading.paragraph_format.keep_with_next = True
        _outline_level(heading.element, level)  # Word's navigation pane lists the headings

    addressee = _style(document, "addressee", fonts.body, BODY_PT)
    _indent_chars(addressee.element, 0, BODY_PT)  # 主送机关 starts flush left (顶格)
    _style(document, "signature", fonts.body, BODY_PT).paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _style(document, "note", fonts.body, BODY_PT)


def _defaults(document: docx.document.Document, fonts: FontSet) -> None:
    """Document defaults: the body font, and Chinese as the East Asian language (line breaking, punctuation)."""
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _name_fonts(rpr, fonts.body)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _style(document: docx.document.Document, kind: str, font: str, size: float):  # noqa: ANN202
    from docx.enum.style import WD_STYLE_TYPE

    style = document.styles.add_style(STYLE_NAMES[kind], WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    set_fonts(style.element, font)
    style.font.size = Pt(size)
    return style


def _indent_chars(element, chars: int, size: float) -> None:  # noqa: ANN001
    """A first-line indent in characters (Word's firstLineChars) and in points for readers that ignore it."""
    ind = element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLine"), str(int(chars * size * 20)))
    ind.set(qn("w:firstLineChars"), str(chars * 100))


def _outline_level(element, level: int) -> None:  # noqa: ANN001
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    element.get_or_add_pPr().append(outline)


def _paragraph(document: docx.document.Document, block: Block, fonts: FontSet, signature: str, date: str) -> None:
    style = STYLE_NAMES.get("signature" if block.kind == "date" else block.kind)
    paragraph = document.add_paragraph(style=style)
    if block.kind in ("signature", "date"):
        right = _signature_indents(signature, date)["signature" if block.kind == "signature" else "date"]
        paragraph.paragraph_format.right_indent = Pt(right * BODY_PT)
    for run in block.runs:
        _run(paragraph, run, fonts)


def _run(paragraph, run: Run, fonts: FontSet) -> None:  # noqa: ANN001
    out = paragraph.add_run(xml_safe(run.text))
    if run.style in ("strong", "verdict", "mark"):
        out.bold = True
    if run.style in ("quote", "mark"):
        set_fonts(out._r, fonts.heading2)  # the report's own words in 楷体, as quotations are set
    if run.style == "mark":
        out.underline = True


def _signature_indents(signature: str, date: str) -> dict[str, float]:
    """Right indents in characters, by GB/T 9704 7.3.5.2 (no seal).

    The date stands two characters in from the right and starts two characters
    right of the signature's start; a date longer than that pushes the
    signature right instead, keeping the date two characters in.
    """
    name_w, date_w = display_width(signature), display_width(date)
    if date_w + 2 >= name_w:
        return {"date": 2.0, "signature": 2.0 + date_w + 2 - name_w}
    return {"signature": 2.0, "date": 2.0 + name_w - 2 - date_w}


def _page_numbers(document: docx.document.Document, fonts: FontSet) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles["Normal"]
        fmt = paragraph.paragraph_format
        fmt.alignment = align
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        _indent_chars(paragraph._p, 0, PAGE_NUMBER_PT)
        # One character in from the text block's edge: right on odd pages, left on even ones.
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = Pt(PAGE_NUMBER_PT)
        else:
            fmt.left_indent = Pt(PAGE_NUMBER_PT)
        paragraph.add_run("\u2014 ")  # 一字线 on each side of the number
        _page_field(paragraph)
        paragraph.add_run(" \u2014")
        for run in paragraph.runs:
            set_fonts(run._r, fonts.page)
            run.font.size = Pt(PAGE_NUMBER_PT)


def _page_field(paragraph) -> None:  # noqa: ANN001
    """A PAGE field (begin, instruction, separate, cached result, end), so every page shows its own number."""

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    paragraph.add_run()._r.append(instruction)
    char("separate")
    paragraph.add_run("1")  # shown until the reader updates fields; Word and LibreOffice do at once
    char("end")
