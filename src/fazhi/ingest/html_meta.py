"""What a web page says about its article outside the article: charset, title, date."""

from __future__ import annotations

import datetime as dt
import re

from lxml import html as lxml_html

from fazhi.ingest.dates import parse_date, publication_date
from fazhi.ingest.html_text import Line, collapse, squash
from fazhi.ingest.noise import classify_line

# Government templates often put a long script or style block before the
# charset meta, so look further than the 1,024 bytes HTML5 prescribes.
_SNIFF_BYTES = 16384
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The encoding the page declares (meta charset, http-equiv or XML declaration)."""
    head = data[:_SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def _metas(root: lxml_html.HtmlElement) -> dict[str, str]:
    """Meta tags by lower-cased name/property/itemprop; the first of each name wins."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attr in ("name", "property", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                found.setdefault(key, content)
    return found


# ---------------------------------------------------------------- dates

# Most specific first: TRS and most provincial platforms write PubDate.
_DATE_METAS = (
    "pubdate",
    "publishdate",
    "publish_date",
    "publishtime",
    "article:published_time",
    "og:article:published_time",
    "firstpublishedtime",
    "datepublished",
    "og:release_date",
    "dcterms.issued",
    "dc.date.issued",
)
def meta_date(root: lxml_html.HtmlElement) -> dt.date | None:
    metas = _metas(root)
    for name in _DATE_METAS:
        if name in metas and (found := parse_date(metas[name])):
            return found
    return None


def bar_date(lines: list[Line]) -> dt.date | None:
    """The date in the page's metadata bar (发布日期：2025-03-11).

    Only lines the noise classifier calls metadata are read, so a date in the
    report's own sentences is never taken for the publication date.
    """
    found = publication_date([line.text for line in lines if classify_line(line.text) == "metadata"])
    return found[1] if found else None


# ---------------------------------------------------------------- title

_SITE_SUFFIX = re.compile(r"\s*(?:[-_|｜—–]{1,2}|\s[-–—]\s)\s*([^-_|｜—–]{2,40})$")
# Site and column names: 某某市人民政府, 某某县政府门户网站, 通知公告, 政务公开...
_SITE_WORDS = re.compile(
    r"政府|网站|门户|政务|人民|网$|局|委员会|办公室|厅|中心|平台|首页|频道|栏目|公告|公开|动态|要闻|新闻|信息|专题|专栏"
)
_SITE_NAME = re.compile(r"(?:人民政府|政府|门户网站|网站|政务网|政府网|信息公开|首页)$")
_REPORT_WORDS = re.compile(r"报告|情况|总结|工作")
_TITLE_CONTAINERS = (
    "//h1 | //h2 | //h3 | //*[contains(translate(@class,'TITLE','title'),'title')]"
    " | //*[contains(translate(@id,'TITLE','title'),'title')]"
)


def _clean(text: str) -> str:
    return collapse(text).strip()


def strip_site_suffix(title: str) -> str:
    """The page <title> without the site name(s) appended to it."""
    while (match := _SITE_SUFFIX.search(title)) and not re.search(r"\d", match.group(1)):
        if not _SITE_WORDS.search(match.group(1)) or len(title[: match.start()]) < 4:
            break
        title = title[: match.start()]
    return title.strip()


def _headings(root: lxml_html.HtmlElement) -> list[str]:
    found = []
    for element in root.xpath(_TITLE_CONTAINERS):
        if next(element.iterancestors("a", "nav", "footer"), None) is not None:
            continue
        text = _clean(element.text_content())
        if 4 <= len(text) <= 150:
            found.append(text)
    return found


def page_title(root: lxml_html.HtmlElement) -> str | None:
    """The article's title: ArticleTitle meta, else the visible heading the <title> names.

    The <title> itself carries the site name ("…-某某市人民政府"), so it is used
    only stripped of it, and never when all it holds is the site's name.
    """
    metas = _metas(root)
    if len(value := _clean(metas.get("articletitle", ""))) >= 4:
        return value
    head = root.find(".//title")
    doc_title = _clean(head.text_content()) if head is not None else ""
    stripped = strip_site_suffix(doc_title)
    site = squash(metas.get("sitename", "") or metas.get("og:site_name", ""))
    if squash(stripped) == site or (len(stripped) <= 16 and _SITE_NAME.search(stripped)):
        stripped = ""
    headings = _headings(root)
    if len(stripped) >= 4:
        # The visible heading keeps the article's own spacing; the logo's
        # "某某市人民政府" is also inside the <title>, hence the length test.
        fitting = [
            h for h in headings
            if squash(h) in squash(doc_title) and len(squash(h)) >= 0.6 * len(squash(stripped))
        ]
        return max(fitting, key=len) if fitting else stripped
    # The <title> names only the site: take a heading that reads like a report's.
    return next((h for h in headings if _REPORT_WORDS.search(h) and not _SITE_NAME.search(h)), None)
