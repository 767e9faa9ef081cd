"""Find the article on a government web page and return its lines.

Most government sites run a handful of CMSs (TRS WCM, 大汉 Hanweb, 开普云
Ucap, VSB...) whose article container has a fixed class or id. When one is
present it is the most reliable cut there is. Otherwise trafilatura finds the
article, but it drops short lines (headings such as 一、主要举措和成效, the
document number), flattens tables and keeps related-link lists; so its output
is only used to locate the article's element on the page, and that element is
rendered here in full.
"""

from __future__ import annotations

import copy
import re

from lxml import html as lxml_html

from fazhi.ingest.html_text import Line, render, squash
from fazhi.ingest.noise import classify_line

# Known CMS article containers. Order does not matter: the innermost one
# holding (nearly) all the article's text wins.
_CMS_CONTAINERS = " | ".join(
    [
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' %s ')]" % name
        for name in (
            "TRS_Editor",
            "trs_editor_view",
            "TRS_UEDITOR",
            "TRS_PreAppend",
            "Custom_UnionStyle",
            "pages_content",
            "article-content",
            "article_content",
            "articleContent",
            "v_news_content",
            "detail-content",
            "detail_content",
            "news_content",
            "zw-con",
            "xxgk_content",
            "WordSection1",  # a Word document saved as a web page
            "Section1",
        )
    ]
    + [
        "//*[@id='%s']" % name
        for name in ("zoom", "Zoom", "fontzoom", "UCAP-CONTENT", "ArticleContent", "vsb_content", "zw", "mainText")
    ]
    + ["//ucapcontent"]
)
_MIN_ARTICLE_CHARS = 30
# An inner container must hold this share of the largest one's text: losing
# a document number or signature outside it is worse than a metadata bar
# inside the outer one, which trimming and noise spans take care of.
_NEAR_ALL = 0.9

# class/id words of page furniture (breadcrumb, share, print, related links...).
_FURNITURE_NAME = re.compile(
    r"(?:^|[\s_-])(?:share|bdshare\w*|fenxiang|print|dayin|position|location|crumbs?|breadcrumbs?|dqwz|"
    r"related|xgxx|xgwz|xglj|prev|next|pre-?next|sxp|footer|foot|header|top-?bar|nav|navbar|menu|"
    r"toolbar|tools|qrcode|ewm|fontsize|zihao|search|login|copyright|banner)(?:$|[\s_-])",
    re.I,
)
_FURNITURE_TAGS = ("nav", "footer", "header", "aside", "form")
# Furniture elements are short; a long "header" must be a misnamed wrapper.
_FURNITURE_MAX_CHARS = 400
_ANCHOR_CHARS = 15
_FURNITURE_LINE_MAX = 200


def _chars(element: lxml_html.HtmlElement) -> int:
    return len(re.sub(r"\s+", "", element.text_content()))


def cms_container(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The known CMS container holding the article, if the page has one with text."""
    sized = [(el, _chars(el)) for el in root.xpath(_CMS_CONTAINERS)]
    sized = [(el, n) for el, n in sized if n >= _MIN_ARTICLE_CHARS]
    if not sized:
        return None
    most = max(n for _, n in sized)
    near = [el for el, n in sized if n >= _NEAR_ALL * most]
    # Wrappers (div.article around #zoom) also hold the metadata bar and the
    # trailer: the deepest container that still has nearly all text is cleanest.
    best = max(near, key=lambda el: sum(1 for _ in el.iterancestors()))
    # A container class reused for a sidebar snippet or a caption holds no
    # paragraph; then the page's article is elsewhere.
    return best if any(is_paragraph(line.text) for line in render(best)) else None


def prune_furniture(element: lxml_html.HtmlElement) -> None:
    """Remove navigation, share/print widgets, related links... under ``element`` (in place)."""
    doomed = []
    for child in element.iterdescendants():
        if not isinstance(child.tag, str):
            continue
        name = f"{child.get('class', '')} {child.get('id', '')}"
        if (child.tag in _FURNITURE_TAGS or _FURNITURE_NAME.search(name)) and _chars(child) <= _FURNITURE_MAX_CHARS:
            doomed.append(child)
    for child in doomed:
        parent = child.getparent()
        if parent is not None:
            child.drop_tree()  # keeps the tail text, which belongs to the parent


def _common_ancestor(elements: list[lxml_html.HtmlElement]) -> lxml_html.HtmlElement:
    paths = [list(reversed([el, *el.iterancestors()])) for el in elements]
    common = paths[0][0]
    for level in zip(*paths):
        if any(el is not level[0] for el in level):
            break
        common = level[0]
    return common


def trafilatura_lines(root: lxml_html.HtmlElement, body: lxml_html.HtmlElement) -> list[Line]:
    """The article as trafilatura finds it, rendered from the page's own element.

    ``body`` (inside ``root``) must already be pruned of furniture, which
    helps trafilatura too. When trafilatura finds nothing (a tiny page, plain
    text saved as .html), what is left of the body is the article, or nothing is.
    """
    import trafilatura  # heavy: loaded only for pages without a known CMS container

    page_lines = render(body)
    if not page_lines:
        return []  # nothing to find; spares justext a slow walk over empty markup
    # trafilatura prunes the tree it is given; it gets a copy of the parse
    # already made, so both see the same page.
    found = trafilatura.extract(
        copy.deepcopy(root), include_tables=True, include_comments=False, favor_recall=True, deduplicate=False
    )
    if not found:
        return page_lines
    keys = [squash(line.text) for line in page_lines]
    first_line_of: dict[str, int] = {}
    for index, key in enumerate(keys):
        first_line_of.setdefault(key, index)
    anchors: list[Line] = []
    for piece in found.splitlines():
        piece = piece.strip("-*#| ")
        key = squash(piece)
        # A furniture line is short; a long one starting with a breadcrumb is
        # a whole table cell run together, article included.
        if len(key) < _ANCHOR_CHARS or (len(piece) <= _FURNITURE_LINE_MAX and classify_line(piece) is not None):
            continue
        if key in first_line_of:
            anchors.append(page_lines[first_line_of[key]])
            continue
        # trafilatura cut the line differently: one of ours holds it, or it
        # runs several of ours together (a table cell becomes one line).
        holder = next((i for i, line_key in enumerate(keys) if key in line_key), None)
        if holder is not None:
            anchors.append(page_lines[holder])
        else:
            anchors.extend(
                page_lines[i] for i, line_key in enumerate(keys) if len(line_key) >= _ANCHOR_CHARS and line_key in key
            )
    if not anchors:
        return [Line(text, body) for text in _plain(found)]
    # Paragraphs place the article; link lists trafilatura kept beside it
    # (another year's report title) must not widen the container to the page.
    paragraphs = [line for line in anchors if is_paragraph(line.text)]
    if not paragraphs:
        return []  # only titles and links: a list page, or an article given as attachment
    owners = [line.owner for line in paragraphs]
    container = _common_ancestor(owners)
    if len(owners) == 1 and container.getparent() is not None:
        container = container.getparent()  # one paragraph: take its siblings too
    return render(container)


def _plain(found: str) -> list[str]:
    """trafilatura's own text, its markdown-ish list and table marks undone."""
    lines = []
    for piece in found.splitlines():
        piece = piece.strip()
        if piece.startswith("|") and piece.endswith("|"):
            piece = "\t".join(cell.strip() for cell in piece.strip("|").split(" | "))
        elif piece.startswith("- "):
            piece = piece[2:]
        if piece.strip():
            lines.append(piece.strip())
    return lines


def is_paragraph(text: str) -> bool:
    return (len(text) >= 40 or text.endswith(("。", "：", ":"))) and classify_line(text) is None


def trim_furniture(lines: list[str]) -> list[str]:
    """Drop furniture around the article: before its first paragraph and after its last.

    Before: breadcrumb, metadata bar, widgets. After: from a 相关信息 or
    上一篇 line to the end, and footer lines. Furniture in the middle of the
    text is left for the noise spans, since cutting there risks report text.
    """
    first = next((i for i, text in enumerate(lines) if is_paragraph(text)), len(lines))
    head = [text for text in lines[:first] if classify_line(text) is None]
    body = lines[first:]
    last = max((i for i, text in enumerate(body) if is_paragraph(text)), default=-1)
    tail = []
    for text in body[last + 1 :]:
        kind = classify_line(text)
        if kind == "trailer":
            break
        if kind is None:
            tail.append(text)
    return head + body[: last + 1] + tail
