"""The PDF reader: seed reports survive a round trip through fpdf2; bad files fail with a coded error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fazhi.core.errors import CorruptFile, NoTextLayer
from fazhi.core.settings import Settings
from fazhi.ingest import read_bytes
from fazhi.ingest.pdf_furniture import find_furniture
from fazhi.ingest.pdf_lines import Line
from tests.support.fonts import find_cjk_font
from tests.support.office import blank_pdf, text_to_docx, text_to_pdf

SEED_DIR = Path(__file__).parents[2].parent / "shared" / "seeds"
SEEDS = sorted(SEED_DIR.glob("*.txt"))
HEADER = "XX市人民政府文件"
FURNITURE = {"page_header", "page_footer", "page_number"}
_CJK = "\u4e00-\u9fff，。、；：（）《》“”"
CJK_SPACE_DIGIT = re.compile(rf"[{_CJK}][ \u00a0]+[0-9%]|[0-9%][ \u00a0]+[{_CJK}]")


def _read(data: bytes, name: str = "report.pdf"):
    return read_bytes(data, name, Settings())


def _pdf(tmp_path: Path, text: str, name: str = "report.pdf", **options) -> bytes:
    return text_to_pdf(text, tmp_path / name, font=find_cjk_font(), **options).read_bytes()


def _without_furniture(doc) -> str:
    """The text with the reader's page furniture cut out (other noise, e.g. a web metadata bar, stays)."""
    kept, position = [], 0
    for noise in doc.noise:
        if noise.kind in FURNITURE:
            kept.append(doc.text[position : noise.start])
            position = noise.end
    kept.append(doc.text[position:])
    return "".join(kept)


def _squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def seed_docs(tmp_path_factory):
    """Each seed as (seed text, Document read back from its PDF); built once for all tests here."""
    folder = tmp_path_factory.mktemp("seed_pdfs")
    docs = {}
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        docs[seed.name] = (text, _read(_pdf(folder, text, seed.stem + ".pdf")))
    return docs


def test_missing_cjk_font_fails_with_the_install_command(monkeypatch):
    import tests.support.fonts as fonts

    monkeypatch.setattr(fonts, "_KNOWN", ())
    monkeypatch.setattr(fonts, "_from_fontconfig", lambda: None)
    with pytest.raises(AssertionError, match="apt-get install fonts-wqy-microhei"):
        fonts.find_cjk_font.__wrapped__()


def test_the_five_seeds_are_there():
    assert len(SEEDS) == 5, f"seed reports missing in {SEED_DIR}"


@pytest.mark.parametrize("seed", [s.name for s in SEEDS], ids=lambda n: n[:3])
class TestSeedRoundTrip:
    def test_text_survives(self, seed_docs, seed):
        text, doc = seed_docs[seed]
        assert _squeeze(_without_furniture(doc)) == _squeeze(text)

    def test_each_paragraph_is_one_line(self, seed_docs, seed):
        # Paragraphs that the page width (or a page break) split are joined again.
        text, doc = seed_docs[seed]
        got = [_squeeze(line) for line in _without_furniture(doc).split("\n")]
        want = [_squeeze(line) for line in text.splitlines()]
        assert [line for line in got if line] == [line for line in want if line]

    def test_no_space_between_chinese_and_digits(self, seed_docs, seed):
        _, doc = seed_docs[seed]
        assert CJK_SPACE_DIGIT.findall(doc.text) == []

    def test_every_page_has_its_header_and_number(self, seed_docs, seed):
        _, doc = seed_docs[seed]
        numbers = [n.span.surface for n in doc.noise if n.kind == "page_number"]
        headers = [n.span.surface for n in doc.noise if n.kind == "page_header"]
        assert len(doc.pages) >= 2
        assert numbers == [f"- {i} -" for i in range(1, len(doc.pages) + 1)]
        assert headers == [HEADER] * len(doc.pages)
        assert HEADER not in _without_furniture(doc)

    def test_spans_are_grounded_and_pages_in_order(self, seed_docs, seed):
        _, doc = seed_docs[seed]
        for span in [*doc.pages, *(n.span for n in doc.noise)]:
            assert doc.text[span.start : span.end] == span.surface
        assert doc.pages[0].start == 0 and doc.pages[-1].end == len(doc.text)
        for before, after in zip(doc.pages, doc.pages[1:]):
            assert before.end <= after.start
            assert after.start - before.end <= 1  # at most the "\n" between pages
        assert "\f" not in doc.text

    def test_provenance(self, seed_docs, seed):
        _, doc = seed_docs[seed]
        assert (doc.provenance.format, doc.provenance.encoding) == ("pdf", "binary")


def test_paragraph_over_page_breaks_is_joined(tmp_path):
    paragraph = "依法行政工作扎实推进,全年办理行政复议案件。" * 120  # about three pages
    doc = _read(_pdf(tmp_path, f"一、主要举措和成效\n{paragraph}\n二、存在的不足"))
    pages = len(doc.pages)
    assert pages >= 3
    # The furniture of each break follows the paragraph instead of cutting it.
    breaks = [line for k in range(1, pages) for line in (f"- {k} -", HEADER)]
    assert doc.text.split("\n") == [
        HEADER, "一、主要举措和成效", paragraph, *breaks, "二、存在的不足", f"- {pages} -"
    ]
    # Each page's span starts where its own text starts, inside the joined paragraph.
    start = doc.text.index(paragraph)
    assert doc.page_of(start) == 1
    assert doc.page_of(start + len(paragraph) - 1) == pages
    for page in doc.pages[1:]:
        assert start < page.start < start + len(paragraph)


def test_sentence_end_at_the_margin_does_not_split_an_indented_paragraph(tmp_path):
    # Sentences sized so that every printed line (34 characters after the indent,
    # then 36) ends with 。 at the margin; only the indent marks a new paragraph.
    first = "全面推进法治政府建设" * 3 + "见成效。"
    words = first + "行政执法监督体系建设不断加强和完善。" * 8
    assert len(first) == 34 and (len(words) - 34) % 36 == 0
    doc = _read(_pdf(tmp_path, f"{words}\n第二段。\n第三段。\n第四段。"))
    assert _without_furniture(doc).split("\n")[1:5] == [words, "第二段。", "第三段。", "第四段。"]


def test_spaced_digits_and_percent_are_closed_up(tmp_path):
    doc = _read(_pdf(tmp_path, "完成整改事项1972项,整改完成率100%,使用 Open Data 平台。"))
    body = _without_furniture(doc)
    assert "完成整改事项1972项,整改完成率100%,使用 Open Data 平台。" in body


def _drawn(tmp_path: Path, pieces: list[tuple[str, float]]) -> bytes:
    """One line drawn piece by piece, each followed by a gap (in points) and no space glyph."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("cjk", "", str(find_cjk_font()))
    pdf.set_font("cjk", size=12)
    pdf.add_page()
    x = 80.0
    for piece, gap in pieces:
        pdf.text(x, 120, piece)
        x += pdf.get_string_width(piece) + gap
    pdf.output(str(tmp_path / "drawn.pdf"))
    return (tmp_path / "drawn.pdf").read_bytes()


def test_gaps_between_latin_words_are_spaces_but_not_before_digits(tmp_path):
    pieces = [("受理案件", 4.0), ("35", 4.0), ("件", 0.0), ("Open", 4.0), ("Data", 0.0)]
    assert _read(_drawn(tmp_path, pieces)).text == "受理案件35件Open Data"


def test_a_lone_wide_gap_between_chinese_is_a_space(tmp_path):
    pieces = [("中共鞍山市委", 18.0), ("鞍山市人民政府", 0.0)]
    assert _read(_drawn(tmp_path, pieces)).text == "中共鞍山市委 鞍山市人民政府"


def test_a_title_with_distributed_letters_has_no_spaces(tmp_path):
    pieces = [(char, 18.0) for char in "法治政府建设报告"]
    assert _read(_drawn(tmp_path, pieces)).text == "法治政府建设报告"


def _line(text: str, top: float) -> Line:
    return Line(text, 80.0, 80.0 + 12 * len(text), top, top + 12, 12.0)


def test_furniture_is_confirmed_by_repetition_not_position_alone():
    pages = [
        [
            _line(f"鞍山市人民政府 第{n}页", 40),
            _line(("一、主要举措", "二、存在不足", "三、工作安排")[n], 100),
            _line(("推进依法行政,", "完善执法程序,", "加强复议应诉,")[n], 760),  # low, but body text
            _line(f"— {n + 1} —", 790),
        ]
        for n in range(3)
    ]
    found = find_furniture(pages, [842.0] * 3)
    assert found == [{0: "page_header", 3: "page_number"}] * 3


def test_one_page_report_still_loses_its_page_number(tmp_path):
    doc = _read(_pdf(tmp_path, "一、主要举措\n全年办结案件35件。"))
    assert [(n.kind, n.span.surface) for n in doc.noise] == [("page_number", "- 1 -")]


def test_title_from_metadata(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("cjk", "", str(find_cjk_font()))
    pdf.set_font("cjk", size=12)
    pdf.set_title("鞍山市2023年法治政府建设情况的报告")
    pdf.add_page()
    pdf.cell(text="正文。")
    pdf.output(str(tmp_path / "t.pdf"))
    assert _read((tmp_path / "t.pdf").read_bytes()).hints.title == "鞍山市2023年法治政府建设情况的报告"


# ---- bad input: each fails with its code and a one-line message naming the file


def _assert_fails(error, data: bytes, *words: str) -> None:
    with pytest.raises(error) as caught:
        _read(data, "坏文件.pdf")
    line = caught.value.one_line()
    assert "\n" not in line and line.startswith("坏文件.pdf: ")
    for word in words:
        assert word in line


def test_truncated_pdf(tmp_path):
    data = _pdf(tmp_path, "一、主要举措\n全年办结案件35件。" * 20)
    _assert_fails(CorruptFile, data[: len(data) * 2 // 3], "不完整")


def test_damaged_pdf(tmp_path):
    _assert_fails(CorruptFile, b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n", "损坏")


def test_docx_named_pdf(tmp_path):
    data = text_to_docx("正文。", tmp_path / "x.docx").read_bytes()
    _assert_fails(CorruptFile, data, "Word")


def test_encrypted_pdf(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.output(str(tmp_path / "locked.pdf"))
    _assert_fails(CorruptFile, (tmp_path / "locked.pdf").read_bytes(), "加密")


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    # Government PDFs often forbid copying; that restricts viewers, not reading.
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("cjk", "", str(find_cjk_font()))
    pdf.set_font("cjk", size=12)
    pdf.set_encryption(owner_password="owner")
    pdf.add_page()
    pdf.cell(text="全年办结案件35件。")
    pdf.output(str(tmp_path / "restricted.pdf"))
    assert _read((tmp_path / "restricted.pdf").read_bytes()).text == "全年办结案件35件。"


def test_scanned_pdf_without_text_layer(tmp_path):
    _assert_fails(NoTextLayer, blank_pdf(tmp_path / "scan.pdf").read_bytes(), "没有文字层", "OCR")
