"""The HTML reader: the report and only the report, from government web pages."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from fazhi.core.document import Document
from fazhi.core.errors import InputError, NoText, NotText
from fazhi.core.settings import Settings
from fazhi.ingest import read_bytes, read_path
from fazhi.ingest.html_meta import strip_site_suffix
from fazhi.ingest.html_text import collapse
from tests.support.html_page import FURNITURE, STYLES, report_to_html

SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"
FIXTURES = Path(__file__).parents[1] / "fixtures" / "html"
SEED_NAMES = sorted(p.stem for p in SEEDS.glob("*.txt"))
# Every style in UTF-8, and the two that old TRS/VSB sites still serve in GBK.
PAGES = [*((style, "utf-8") for style in STYLES), ("trs", "gbk"), ("table", "gb2312")]
DEFAULT_PUBLISHED = "2025-03-28"

needs_seeds = pytest.mark.skipif(not SEED_NAMES, reason=f"种子报告不在 {SEEDS}")
seed_pages = pytest.mark.parametrize(
    ("name", "style", "encoding"),
    [(n, s, e) for n in SEED_NAMES for s, e in PAGES],
)


@lru_cache(maxsize=None)
def _seed(name: str) -> tuple[str, dict]:
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((SEEDS / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return text, gold


def _report_lines(name: str) -> list[str]:
    """The seed's lines minus its own web furniture (which the reader may drop)."""
    text, gold = _seed(name)
    return [line.strip() for line in text.splitlines() if line.strip() and line.strip() not in gold["noise"]]


def _published(name: str) -> str:
    return _seed(name)[1]["published"] or DEFAULT_PUBLISHED


@lru_cache(maxsize=None)
def _read_seed(name: str, style: str, encoding: str = "utf-8", pubdate_meta: bool = True) -> Document:
    text, gold = _seed(name)
    page = report_to_html(
        text, title=gold["title"], published=_published(name), encoding=encoding, style=style, pubdate_meta=pubdate_meta
    )
    return read_bytes(page, "x.html", Settings())


def _read(data: bytes, source: str = "x.html") -> Document:
    return read_bytes(data, source, Settings())


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# ---------------------------------------------------------------- seed reports


@needs_seeds
@seed_pages
def test_every_report_line_is_kept(name, style, encoding):
    lines = set(_lines(_read_seed(name, style, encoding).text))
    missing = [line[:40] for line in _report_lines(name) if line not in lines]
    assert not missing


@needs_seeds
@seed_pages
def test_report_lines_keep_their_order(name, style, encoding):
    lines = _lines(_read_seed(name, style, encoding).text)
    positions = [lines.index(line) for line in _report_lines(name)]
    assert positions == sorted(positions)


@needs_seeds
@seed_pages
def test_no_furniture_outside_noise_spans(name, style, encoding):
    text, _ = _seed(name)
    masked = _read_seed(name, style, encoding).masked()
    assert [marker for marker in FURNITURE if marker not in text and marker in masked] == []


@needs_seeds
@seed_pages
def test_no_line_is_added(name, style, encoding):
    allowed = set(_report_lines(name)) | {_seed(name)[1]["title"]}
    added = [line for line in _lines(_read_seed(name, style, encoding).masked()) if line not in allowed]
    assert added == []


@needs_seeds
@seed_pages
def test_noise_spans_match_the_text(name, style, encoding):
    doc = _read_seed(name, style, encoding)
    assert all(doc.text[n.start : n.end] == n.span.surface for n in doc.noise)


@needs_seeds
@pytest.mark.parametrize("name", [n for n in SEED_NAMES if _seed(n)[1]["title"]])
@pytest.mark.parametrize("style", STYLES)
def test_title_is_the_first_line(name, style):
    title = _seed(name)[1]["title"]
    text = _read_seed(name, style).text
    # 002 prints its title over two lines; either way it opens the text, once.
    assert _squash(text).startswith(_squash(title))
    assert _squash(text).count(_squash(title)) == 1


@needs_seeds
@pytest.mark.parametrize("style", STYLES)
def test_no_title_when_the_page_names_only_the_site(style):
    name = SEED_NAMES[0]  # 孝义市: no title line, and the page <title> is the site's name
    doc = _read_seed(name, style)
    assert doc.hints.title is None
    assert _lines(doc.text)[0] == _report_lines(name)[0]


@needs_seeds
@pytest.mark.parametrize("name", SEED_NAMES)
def test_title_hint_comes_from_the_page(name):
    assert _read_seed(name, "zoom").hints.title == _seed(name)[1]["title"]


@needs_seeds
@seed_pages
def test_published_date_from_meta(name, style, encoding):
    expected = dt.date.fromisoformat(_published(name)[:10])
    assert _read_seed(name, style, encoding).hints.published == expected


@needs_seeds
@pytest.mark.parametrize("style", STYLES)
def test_published_date_from_the_metadata_bar(style):
    name = SEED_NAMES[0]  # no date of its own in the text
    assert _read_seed(name, style, pubdate_meta=False).hints.published == dt.date(2025, 3, 28)


@needs_seeds
@pytest.mark.parametrize("name", SEED_NAMES)
def test_no_date_guessed_from_the_body(name):
    # The seed's own metadata bar (001: 时间:2024-03-15) is left out: it is a bar.
    page = report_to_html("\n".join(_report_lines(name)), title=_seed(name)[1]["title"], published=None)
    assert _read(page).hints.published is None


@needs_seeds
@pytest.mark.parametrize("encoding", ["gbk", "gb2312"])
def test_gb_pages_are_decoded_as_gb18030(encoding):
    doc = _read_seed(SEED_NAMES[0], "trs" if encoding == "gbk" else "table", encoding)
    assert (doc.provenance.format, doc.provenance.encoding) == ("html", "gb18030")


@needs_seeds
def test_utf8_page_provenance():
    doc = _read_seed(SEED_NAMES[0], "trs")
    assert (doc.provenance.format, doc.provenance.encoding) == ("html", "utf-8")


# ---------------------------------------------------------------- pages without a report


@pytest.mark.parametrize("style", STYLES)
def test_page_without_article_raises_no_text(style):
    page = report_to_html("", title="示例市人民政府关于2023年度法治政府建设情况的报告(全文见附件)", published="2024-03-15", style=style)
    with pytest.raises(NoText, match=r"^x\.html: .*正文"):
        _read(page)


def test_page_with_only_an_attachment_link_raises_no_text():
    page = report_to_html(
        "附件：示例市2023年度法治政府建设情况报告.pdf", title="示例市2023年度法治政府建设情况报告", published="2024-03-15"
    )
    with pytest.raises(NoText):
        _read(page)


@pytest.mark.parametrize(
    "data",
    [
        b"<html><frameset><frame src='main.html'></frameset></html>",
        b"<html><body><script>document.write('<p>x</p>')</script></body></html>",
        b"<!-- empty -->",
        b"<div>" * 5000,
    ],
    ids=["frameset", "script", "comment", "deep-empty"],
)
def test_pages_with_no_text_raise_no_text(data):
    with pytest.raises(NoText):
        _read(data)


MALFORMED = {
    "unclosed": "<html><body><div id=zoom><p>法治政府<table><tr><td>未闭合<b><i>" + "2023年示例县法治政府建设情况报告正文。" * 4,
    "stray-brackets": "<p>2023年，示例县扎实推进法治政府建设，各项工作有序开展，成效明显。<<<>>>&&&;</</p></div></table><p>法治建设迈上新台阶。</html>",
    "xml-declaration": "<?xml version='1.0' encoding='utf-8'?><html><body><div class='TRS_Editor'><p>2023年，示例县坚持依法行政，扎实推进法治政府建设各项工作，取得积极成效。</p></div></body></html>",
    "deep-nesting": "<div>" * 1100 + "2023年，示例县坚持依法行政，扎实推进法治政府建设各项工作，取得积极成效。",
    # One stray NUL in a long page (more and the bytes are refused as not text).
    "nul-byte": "<p>2023年，示例县坚持依法行政，\x00扎实推进法治政府建设各项工作。</p>" + "<p>各项工作取得积极成效。</p>" * 80,
    "no-markup": "2023年，示例县坚持依法行政。\n一、主要举措和成效\n扎实推进法治政府建设各项工作，取得积极成效。",
}


@pytest.mark.parametrize("html", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_html_is_read_without_traceback(html):
    assert "法治政府建设" in _read(html.encode("utf-8")).text


def test_binary_bytes_named_html_are_refused():
    data = bytes(range(256)) * 20
    with pytest.raises(NotText):
        _read(data)


@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe<\x00h\x00", b"<html><body>\xc3\x28\xa0\xa1</body></html>", b"\x89PNG\r\n\x1a\n" + bytes(500)],
    ids=["utf16-fragment", "invalid-utf8", "png"],
)
def test_garbage_raises_an_input_error_only(data):
    with pytest.raises(InputError):
        _read(data)


def test_plain_text_saved_as_html_keeps_its_lines():
    text = MALFORMED["no-markup"]
    assert _read(text.encode("utf-8")).text == text


# ---------------------------------------------------------------- hand-written pages


@lru_cache(maxsize=None)
def _fixture(name: str) -> Document:
    return read_path(FIXTURES / name, Settings())


def test_trs_gbk_page_is_decoded():
    assert _fixture("trs_county_gbk.html").provenance.encoding == "gb18030"


def test_trs_gbk_page_text():
    assert _lines(_fixture("trs_county_gbk.html").text)[:5] == [
        "示例县人民政府2023年度法治政府建设情况报告",
        "示政发〔2024〕9号",
        "2023年，示例县坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，"
        "深入学习贯彻习近平法治思想，扎实推进法治政府建设各项工作。现将有关情况报告如下：",
        "一、主要举措和成效",
        "（一）依法全面履行政府职能",
    ]


def test_trs_gbk_page_keeps_table_rows_and_signature():
    lines = _lines(_fixture("trs_county_gbk.html").text)
    assert "项目\t2022年\t2023年" in lines
    assert "负责人出庭应诉率\t96%\t100%" in lines
    assert lines[-2:] == ["示例县人民政府", "2024年3月20日"]


def test_trs_gbk_page_leaves_out_the_site():
    text = _fixture("trs_county_gbk.html").text
    leaked = [s for s in ("索引号", "当前位置", "字体", "打印", "相关文章", "2022年度法治政府", "网站标识码", "首 页") if s in text]
    assert leaked == []


def test_trs_gbk_page_date_is_pubdate_not_the_signing_date():
    assert _fixture("trs_county_gbk.html").hints.published == dt.date(2024, 3, 28)


def test_zoom_page_text_with_table():
    assert _fixture("zoom_city_tables.html").text == (
        "示例市交通运输局2024年法治政府建设年度报告\n"
        "2024年，在市委、市政府的坚强领导下，市交通运输局深入学习贯彻习近平法治思想，"
        "全面落实《法治政府建设实施纲要（2021—2025年）》，现将有关情况报告如下。\n"
        "一、主要举措和成效\n"
        "（一）坚持党的领导\n"
        "局党组召开会议专题研究法治工作6次，主要负责人年度述法实现全覆盖。\n"
        "（二）规范行政执法\n"
        "全年办理交通运输行政处罚案件1,024件，其中适用简易程序312件；　　首违不罚87件。\n"
        "执法人员持证率100%。\n"
        "表1 2024年行政执法情况统计\n"
        "执法门类\t案件数（件）\t罚没金额（万元）\n"
        "道路运输\t612\t158.6\n"
        "公路路政\t298\t73.2\n"
        "水路运输\t114\n"
        "合计\t1,024\t231.8\n"
        "二、存在的不足\n"
        "执法装备信息化水平不高，非现场执法覆盖面不足。\n"
        "三、2025年工作打算\n"
        "推进非现场执法系统建设，力争重点路段覆盖率达到80%以上。"
    )


def test_zoom_page_date_from_the_bar():
    assert _fixture("zoom_city_tables.html").hints.published == dt.date(2025, 2, 27)


def test_page_without_cms_container_keeps_headings_and_list_items():
    lines = _lines(_fixture("article_no_cms.html").text)
    assert lines[0] == "示例镇2024年度法治政府建设工作报告"
    assert ["一、主要举措和成效", "（一）加强组织领导"] == lines[2:4]
    assert "办理法律援助案件12件；" in lines
    assert lines[-1] == "持续加强村级法治阵地建设，2025年实现“法律明白人”培训全覆盖。"


def test_page_without_cms_container_leaves_out_sidebar_and_footer():
    text = _fixture("article_no_cms.html").text
    assert [s for s in ("热点推荐", "2023年度", "版权所有", "您所在位置", "镇党政办") if s in text] == []


def test_page_without_cms_container_date_from_article_meta():
    assert _fixture("article_no_cms.html").hints.published == dt.date(2025, 3, 5)


# ---------------------------------------------------------------- pieces


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("法治\n        政府", "法治政府"),
        ("共计\n80个", "共计 80个"),
        ("a  \t b", "a b"),
        ("\u3000\u3000正文\xa0内容", "\u3000\u3000正文\xa0内容"),
    ],
)
def test_source_whitespace_collapses_like_a_browser(raw, expected):
    assert collapse(raw) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("绵阳市人民政府2024年度法治政府建设工作情况-绵阳市人民政府", "绵阳市人民政府2024年度法治政府建设工作情况"),
        ("示例县2023年度法治政府建设情况报告_示例县人民政府门户网站", "示例县2023年度法治政府建设情况报告"),
        ("关于《实施纲要(2021-2025年)》落实情况的报告", "关于《实施纲要(2021-2025年)》落实情况的报告"),
        ("示例市2023年度法治政府建设情况报告 - 通知公告 - 示例市司法局", "示例市2023年度法治政府建设情况报告"),
    ],
)
def test_site_suffix_is_stripped_from_page_title(title, expected):
    assert strip_site_suffix(title) == expected


def test_bar_date_above_the_article_wins_over_related_links_below():
    page = (
        "<html><body><div class='info'>时间：2025-02-27　来源：示例县司法局</div>"
        "<div id='zoom'><p>2024年，示例县坚持依法行政，扎实推进法治政府建设各项工作，取得积极成效。</p></div>"
        "<ul class='list'><li>发布时间：2023-03-01 示例县2022年度法治政府建设情况报告</li></ul></body></html>"
    )
    assert _read(page.encode("utf-8")).hints.published == dt.date(2025, 2, 27)


def test_preformatted_text_keeps_its_lines():
    text = "示例县2023年度法治政府建设情况报告\n一、主要举措和成效\n2023年，示例县坚持依法行政，扎实推进法治政府建设各项工作，取得积极成效。"
    page = f"<html><body><div class='TRS_Editor'><pre>{text}\n</pre></div></body></html>"
    assert _read(page.encode("utf-8")).text == text


def test_hidden_elements_are_left_out():
    page = (
        "<html><body><div id='zoom'><p>2024年，示例县坚持依法行政，扎实推进法治政府建设各项工作，取得积极成效。</p>"
        "<p style='display: none'>隐藏的统计代码</p><p hidden>二维码</p></div></body></html>"
    )
    text = _read(page.encode("utf-8")).text
    assert [s for s in ("隐藏", "二维码") if s in text] == []


def test_word_document_saved_as_web_page():
    page = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=Generator content="Microsoft Word 15">
<title>示例县2023年法治政府建设情况报告</title><style><!-- p.MsoNormal {margin:0cm;} --></style></head>
<body lang=ZH-CN><div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal align=center><span style='font-size:22.0pt'>示例县2023年法治政府建设情况报告<o:p></o:p></span></p>
<p class=MsoNormal><span lang=EN-US>2023</span><span style='font-family:仿宋_GB2312'>年，示例县扎实推进法治政府建设，办理行政复议案件</span><span
lang=EN-US>32</span><span style='font-family:
仿宋_GB2312'>件，纠错率</span><span lang=EN-US>12.5%</span><span style='font-family:仿宋_GB2312'>，各项工作取得积极成效，法治政府建设成效明
显。<o:p></o:p></span></p>
</div></body></html>"""
    doc = _read(page.encode("gbk"), "report.htm")
    assert doc.text == (
        "示例县2023年法治政府建设情况报告\n"
        "2023年，示例县扎实推进法治政府建设，办理行政复议案件32件，纠错率12.5%，各项工作取得积极成效，法治政府建设成效明显。"
    )
