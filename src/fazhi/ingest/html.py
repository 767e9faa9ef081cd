"""Web pages (.html/.htm/.shtml) saved from government sites: the report, without the site.

The text is the article title on the first line, then the article's
paragraphs one per line, table rows as one line with tab-separated cells.
Navigation, breadcrumb, metadata bar, widgets, related links and footer are
left out where they can be told apart from the article; whatever furniture
remains is marked as noise by the registry.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree
from lxml import html as lxml_html

from fazhi.core.document import Document, Provenance, ReaderHints
from fazhi.core.errors import NoText
from fazhi.core.settings import Settings
from fazhi.ingest.base import RawFile
from fazhi.ingest.encoding import decode_text
from fazhi.ingest.html_content import (
    cms_container,
    is_paragraph,
    prune_furniture,
    trafilatura_lines,
    trim_furniture,
)
from fazhi.ingest.html_meta import bar_date, declared_charset, meta_date, page_title
from fazhi.ingest.html_text import Line, render, squash

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_MARKUP = re.compile(r"<[A-Za-z!/?]")
_HANZI = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
# Fewer hanzi than this, or not one paragraph, is a page without the report:
# an attachment link (附件：……报告.pdf), a list of links, a frameset, or an
# article loaded by script.
_MIN_BODY_HANZI = 30
# The title counts as present when found in this many leading lines.
_TITLE_LINES = 5


def read_html(raw: RawFile, settings: Settings) -> Document:
    page, encoding = decode_text(raw.data, raw.source, declared=declared_charset(raw.data))
    # lxml refuses str input that carries an encoding declaration; NULs cut it short.
    page = _XML_DECLARATION.sub("", page, count=1).replace("\x00", "")
    root = _parse(page)
    title = page_title(root) if root is not None else None
    published = None
    lines: list[str] = []
    if root is not None:
        page_lines = render(root)  # before pruning: the metadata bar is furniture
        lines = _article_lines(page, root)
        published = meta_date(root) or _bar_date(page_lines, lines)
    lines = trim_furniture(lines)
    body = [line for line in lines if not (title and squash(line) == squash(title))]
    if sum(len(_HANZI.findall(line)) for line in body) < _MIN_BODY_HANZI or not any(map(is_paragraph, body)):
        raise NoText(
            "网页中没有找到报告正文",
            source=raw.source,
            hint="正文可能在附件、框架页里或由脚本加载:请下载附件(.pdf/.docx),或在浏览器中复制正文另存为 .txt 再分析",
        )
    if title and not _has_title(lines, title):
        lines.insert(0, title)
    return Document(
        text="\n".join(lines),
        provenance=Provenance(raw.source, "html", encoding, raw.sha256, raw.size),
        hints=ReaderHints(published=published, title=title),
    )


def _parse(page: str) -> lxml_html.HtmlElement | None:
    # huge_tree: without it libxml2 silently drops text below 256 levels of
    # unclosed tags and text nodes over 10 MB (inline base64 images).
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        return lxml_html.document_fromstring(page, parser=parser)
    except (etree.LxmlError, ValueError):
        return None  # nothing parseable: reported as a page without text


def _article_lines(page: str, root: lxml_html.HtmlElement) -> list[str]:
    if not _MARKUP.search(page):
        # Plain text saved under .html: a browser would run it into one
        # paragraph, but its line breaks are the report's paragraphs.
        return [line.strip() for line in page.splitlines() if line.strip()]
    container = cms_container(root)
    if container is not None:
        prune_furniture(container)
        return [line.text for line in render(container)]
    body = root.find("body")
    body = body if body is not None else root
    prune_furniture(body)
    return [line.text for line in trafilatura_lines(root, body)]


def _bar_date(page_lines: list[Line], article: list[str]) -> dt.date | None:
    """The metadata bar's date, looking above the article first.

    Related-link lists below the article carry other pages' 发布时间.
    """
    start = next((line for line in article if is_paragraph(line)), None)
    split = next((i for i, line in enumerate(page_lines) if line.text == start), len(page_lines))
    return bar_date(page_lines[:split]) or bar_date(page_lines[split:])


def _has_title(lines: list[str], title: str) -> bool:
    return squash(title) in squash("".join(lines[:_TITLE_LINES]))
