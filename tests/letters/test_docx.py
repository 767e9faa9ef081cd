"""The DOCX letter follows the layout of Chinese official documents (GB/T 9704)."""

from __future__ import annotations

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from fazhi.letters.docx_letter import STYLE_NAMES, _signature_indents
from fazhi.letters.fonts import CHAINS, XIAOBIAOSONG, choose_fonts
from tests.letters.conftest import NAMES

HAIYUAN = next(n for n in NAMES if n.startswith("004"))


@pytest.fixture(scope="module")
def document(written):
    return docx.Document(str(written[HAIYUAN]["docx"]))


def east_asian(style) -> str | None:
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia"))


def within(length, mm: float) -> bool:
    return abs(length - Mm(mm)) < Mm(0.1)


def test_docx_is_a4_with_the_official_margins(document) -> None:
    section = document.sections[0]
    assert within(section.page_width, 210) and within(section.page_height, 297)
    assert within(section.top_margin, 37) and within(section.bottom_margin, 35)
    assert within(section.left_margin, 28) and within(section.right_margin, 26)


def test_body_is_16pt_in_a_fangsong_role_font_with_fixed_lines_and_two_character_indent(document) -> None:
    normal = document.styles["Normal"]
    assert east_asian(normal) in CHAINS["body"]
    assert normal.font.size == Pt(16)
    fmt = normal.paragraph_format
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY and Pt(28) <= fmt.line_spacing <= Pt(29)
    assert fmt.first_line_indent == Pt(32)
    assert normal.element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"


def test_title_is_22pt_centred_in_a_xiaobiaosong_role_font(document) -> None:
    title = document.styles[STYLE_NAMES["title"]]
    assert east_asian(title) in CHAINS["title"]
    assert title.font.size == Pt(22)
    assert title.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert document.paragraphs[0].style.name == STYLE_NAMES["title"]
    assert "海原县" in document.paragraphs[0].text


def test_headings_use_heiti_then_kaiti_role_fonts(document) -> None:
    assert east_asian(document.styles[STYLE_NAMES["heading1"]]) in CHAINS["heading1"]
    assert east_asian(document.styles[STYLE_NAMES["heading2"]]) in CHAINS["heading2"]
    levels = {p.style.name for p in document.paragraphs if p.text.startswith(("一、", "（一）"))}
    assert levels == {STYLE_NAMES["heading1"], STYLE_NAMES["heading2"]}


def test_no_theme_font_overrides_the_named_east_asian_fonts(document) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    styles = [document.styles["Normal"], *(document.styles[n] for n in STYLE_NAMES.values())]
    for fonts in [defaults.find(qn("w:rFonts")), *(s.element.rPr.find(qn("w:rFonts")) for s in styles)]:
        assert not [a for a in fonts.attrib if "Theme" in a or "theme" in a]
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_footers_carry_a_page_field_between_dashes_odd_right_even_left(document) -> None:
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        assert (
            "PAGE" in paragraph._p.xml and paragraph.text.startswith("\u2014 ") and paragraph.text.endswith(" \u2014")
        )
        assert paragraph.paragraph_format.alignment == align
        assert paragraph.runs[0].font.size == Pt(14)
        assert paragraph.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) in CHAINS["page"]


def test_docx_holds_the_identity_verdict_and_suggestions(document, letters) -> None:
    text = "\n".join(p.text for p in document.paragraphs)
    letter = letters[HAIYUAN]
    assert letter.identity.sha_short in text and letter.verdict.label in text
    assert all(item.suggestion in text for item in letter.items)


def test_fonts_fall_back_to_what_the_machine_has() -> None:
    fonts = choose_fonts(["WenQuanYi Zen Hei", "AR PL UKai CN"])
    assert fonts.body == fonts.title == fonts.heading1 == "WenQuanYi Zen Hei"
    assert fonts.heading2 == "AR PL UKai CN"
    assert fonts.title_bold  # a fallback is bolded to look like 小标宋


def test_fonts_are_the_official_ones_where_they_are_installed_or_nothing_can_be_asked() -> None:
    official = choose_fonts(["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体", "WenQuanYi Zen Hei"])
    assert (official.title, official.body, official.heading1, official.heading2, official.page) == (
        "方正小标宋简体",
        "仿宋_GB2312",
        "黑体",
        "楷体_GB2312",
        "宋体",
    )
    assert not official.title_bold and official.title in XIAOBIAOSONG
    assert choose_fonts([]).body == "仿宋_GB2312"


def test_date_stands_two_characters_in_and_two_right_of_the_signature_start() -> None:
    name, date = "审核人：王审核", "2025年3月20日"  # 7 and 6.5 characters wide
    indents = _signature_indents(name, date)
    assert indents["date"] == 2.0
    # Distances of each line's first character from the right edge of the text block.
    assert indents["date"] + 6.5 == indents["signature"] + 7 - 2


def test_a_long_signature_keeps_the_date_two_characters_in_from_it() -> None:
    indents = _signature_indents("审核人：某某某某某某某某某", "2025年3月20日")
    assert indents["signature"] == 2.0
    assert indents["date"] + 6.5 == indents["signature"] + 13 - 2
