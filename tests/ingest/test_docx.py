"""The DOCX reader: seed reports survive a round trip; bad files fail with a coded error."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from fazhi.core.errors import CorruptFile, NoText, ZipBomb
from fazhi.core.settings import Settings
from fazhi.ingest import read_bytes
from tests.support.office import DOCX_FOOTER, DOCX_HEADER, TABLE_ROWS, text_to_docx

SEED_DIR = Path(__file__).parents[2].parent / "shared" / "seeds"
SEEDS = sorted(SEED_DIR.glob("*.txt"))


def _read(data: bytes, name: str = "report.docx", settings: Settings | None = None):
    return read_bytes(data, name, settings or Settings())


def _docx_bytes(tmp_path: Path, text: str, **options) -> bytes:
    return text_to_docx(text, tmp_path / "report.docx", **options).read_bytes()


def test_the_five_seeds_are_there():
    assert len(SEEDS) == 5, f"seed reports missing in {SEED_DIR}"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_text_survives_exactly(tmp_path, seed):
    text = seed.read_text(encoding="utf-8")
    doc = _read(_docx_bytes(tmp_path, text))
    # One paragraph per line, characters untouched (no-break and em spaces included).
    assert doc.text == "\n".join(text.splitlines())
    assert DOCX_HEADER not in doc.text and DOCX_FOOTER not in doc.text
    assert (doc.provenance.format, doc.provenance.encoding) == ("docx", "binary")
    for noise in doc.noise:
        assert doc.text[noise.start : noise.end] == noise.span.surface


def test_table_rows_are_lines_in_reading_order(tmp_path):
    text = "前言段落。\n一、主要举措和成效\n正文段落。"
    doc = _read(_docx_bytes(tmp_path, text, with_table=True))
    rows = ["\t".join(row) for row in TABLE_ROWS]
    assert doc.text.split("\n") == ["前言段落。", "一、主要举措和成效", *rows, "正文段落。"]


def test_merged_cells_are_not_repeated(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "2024年行政复议情况"
    for cell, value in zip(table.rows[1].cells, ("受理", "35件", "审结")):
        cell.text = value
    document.save(tmp_path / "t.docx")
    doc = _read((tmp_path / "t.docx").read_bytes())
    assert doc.text.split("\n") == ["2024年行政复议情况", "受理\t35件\t审结"]


def _with_body_xml(tmp_path: Path, *paragraphs: str, setup=None) -> bytes:
    """A DOCX whose body holds paragraphs with the given raw inner XML (w: prefix)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    if setup is not None:
        setup(document)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = document.element.body
    for inner in paragraphs:
        body.insert(len(body) - 1, parse_xml(f"<w:p {w}>{inner}</w:p>"))  # before w:sectPr
    document.save(tmp_path / "x.docx")
    return (tmp_path / "x.docx").read_bytes()


def test_tracked_changes_read_as_the_page_shows_them(tmp_path):
    data = _with_body_xml(
        tmp_path,
        "<w:r><w:t>办结</w:t></w:r>"
        "<w:ins w:id='1' w:author='a'><w:r><w:t>行政复议案件</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='a'><w:r><w:delText>旧数字</w:delText></w:r></w:del>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>"
        "<w:r><w:t>35件。</w:t></w:r>",
    )
    assert _read(data).text == "办结行政复议案件35件。"


def test_text_box_is_read_once_after_its_paragraph(tmp_path):
    # Word stores a text box twice: as DrawingML (mc:Choice) and as a VML fallback.
    box = "<w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent>"
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    data = _with_body_xml(
        tmp_path,
        "<w:r><w:t>正文段落。</w:t></w:r>"
        f"<w:r><mc:AlternateContent {mc}><mc:Choice Requires='wps'><w:drawing>{box}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>",
    )
    assert _read(data).text == "正文段落。\n文本框内容"


def _chinese_list(document) -> None:
    """Add list 9: level 0 is 一、, level 1 is (一), as report templates define them."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f"<w:abstractNum {w} w:abstractNumId='90'>"
            "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='chineseCounting'/><w:lvlText w:val='%1、'/></w:lvl>"
            "<w:lvl w:ilvl='1'><w:start w:val='1'/><w:numFmt w:val='chineseCounting'/><w:lvlText w:val='(%2)'/></w:lvl>"
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f"<w:num {w} w:numId='9'><w:abstractNumId w:val='90'/></w:num>"))


def _numbered(text: str, level: int) -> str:
    return (
        f"<w:pPr><w:numPr><w:ilvl w:val='{level}'/><w:numId w:val='9'/></w:numPr></w:pPr>"
        f"<w:r><w:t>{text}</w:t></w:r>"
    )


def test_automatic_numbering_is_rendered(tmp_path):
    paragraphs = [
        _numbered("主要举措和成效", 0),
        _numbered("党的领导持续增强", 1),
        _numbered("营商环境持续优化", 1),
        _numbered("存在的不足", 0),
        _numbered("下一步工作安排", 1),
    ]
    data = _with_body_xml(tmp_path, *paragraphs, setup=_chinese_list)
    assert _read(data).text.split("\n") == [
        "一、主要举措和成效",
        "(一)党的领导持续增强",
        "(二)营商环境持续优化",
        "二、存在的不足",
        "(一)下一步工作安排",
    ]


def test_list_style_numbering_from_the_template(tmp_path):
    import docx

    document = docx.Document()
    for item in ("加强组织领导", "完善制度体系"):
        document.add_paragraph(item, style="List Number")
    document.save(tmp_path / "n.docx")
    assert _read((tmp_path / "n.docx").read_bytes()).text == "1.加强组织领导\n2.完善制度体系"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("孝义市2024年法治政府建设年度报告", "孝义市2024年法治政府建设年度报告"),
        ("Microsoft Word - 文档1.docx", None),
        ("Administrator", None),
        ("", None),
    ],
)
def test_title_hint_only_when_meaningful(tmp_path, title, expected):
    import docx

    document = docx.Document()
    document.add_paragraph("正文。")
    document.core_properties.title = title
    document.save(tmp_path / "t.docx")
    assert _read((tmp_path / "t.docx").read_bytes()).hints.title == expected


# ---- bad input: each fails with its code and a one-line message naming the file


def _assert_fails(error, data: bytes, *words: str, settings: Settings | None = None) -> None:
    with pytest.raises(error) as caught:
        _read(data, "坏文件.docx", settings)
    line = caught.value.one_line()
    assert "\n" not in line and line.startswith("坏文件.docx: ")
    for word in words:
        assert word in line


def test_truncated_docx(tmp_path):
    data = _docx_bytes(tmp_path, "一、主要举措\n正文。")
    _assert_fails(CorruptFile, data[: len(data) // 2], "已损坏", "另存为 .docx")


def test_not_a_zip():
    _assert_fails(CorruptFile, "这不是 Word 文档,只是改了扩展名的文本。".encode(), "已损坏")


def test_old_doc_named_docx():
    _assert_fails(CorruptFile, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".doc", "另存为 .docx")


def test_zip_without_document_part():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    _assert_fails(CorruptFile, buffer.getvalue(), "word/document.xml")


def test_broken_xml_inside_a_valid_zip(tmp_path):
    data = _docx_bytes(tmp_path, "正文。")
    source, target = io.BytesIO(data), io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            body = old.read(item)
            if item.filename == "word/document.xml":
                body = body[: len(body) // 2]
            new.writestr(item, body)
    _assert_fails(CorruptFile, target.getvalue(), "无法打开")


def _bomb(member_mb: int) -> bytes:
    """A small zip with one member of ``member_mb`` MB of zeros, written without holding it in memory."""
    buffer = io.BytesIO()
    megabyte = bytes(1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(member_mb):
                member.write(megabyte)
    return buffer.getvalue()


def test_zip_bomb_by_total_size():
    data = _bomb(300)
    assert len(data) < 1024 * 1024
    _assert_fails(ZipBomb, data, "压缩炸弹", "max_unzipped_mb")


def test_zip_bomb_by_ratio():
    # 20 MB of zeros is under the size limit but compresses a thousandfold.
    _assert_fails(ZipBomb, _bomb(20), "压缩比", "max_zip_ratio")


def test_lower_limits_from_settings():
    _assert_fails(ZipBomb, _bomb(3), "上限 1 MB", settings=Settings(max_unzipped_mb=1, max_zip_ratio=1e9))


def test_docx_without_text(tmp_path):
    _assert_fails(NoText, _docx_bytes(tmp_path, "\n \n\u3000\n"), "没有文字", "OCR")
