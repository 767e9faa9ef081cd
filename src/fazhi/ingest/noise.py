"""Find web-page and print furniture inside a document's text, as spans.

Reports copied from government websites keep the site's furniture: the
breadcrumb (您当前的位置…), the metadata bar (发布日期/来源/作者/阅读/字体[大][中][小]),
share and print widgets, and trailers (相关信息, 上一篇/下一篇). They are not
report text, but deleting them would shift every offset, so they are marked.

The classifier works line by line and is deliberately conservative: a body
sentence that happens to contain 来源 must stay text, so single-marker lines
only count when short and starting with the marker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fazhi.core.spans import NoiseSpan, Span, line_spans

_SEP = r"\s*[:：]"
_BREADCRUMB = re.compile(
    r"^(?:您(?:当前|现在)?的?(?:位置|所在位置)|当前(?:所在)?位置|所在位置|当前栏目)\s*[:：>＞]"
    r"|^首页\s*(?:[>＞»›/]|&gt;)"
)
# Markers of a metadata bar; the field name must be followed by a colon.
_META_FIELDS = (
    "发布日期|发布时间|发文日期|成文日期|更新时间|更新日期|日期|时间|来源|信息来源|文章来源|"
    "稿件来源|作者|撰稿|编辑|责任编辑|审核|点击|点击数|点击量|阅读|阅读次数|浏览|浏览次数|"
    "访问量|访问次数|字体|字号|分享|发布机构|发布者"
)
_META_FIELD = re.compile(rf"(?:{_META_FIELDS}){_SEP}")
_META_FIELD_AT_START = re.compile(rf"^【?(?:{_META_FIELDS}){_SEP}")
_FONT_WIDGET = re.compile(r"[\[【(（]\s*大\s*[\]】)）]?\s*[\[【(（]?\s*中\s*[\]】)）]?\s*[\[【(（]?\s*小\s*[\]】)）]|字[体号]\s*[:：]?\s*大\s*中\s*小")
_WIDGETS = re.compile(
    r"^(?:[\[【]?\s*(?:打印本页|打印|关闭窗口|关闭|收藏本页|收藏|返回顶部|返回|分享到|分享|"
    r"扫一扫|微信扫一扫|手机扫一扫|视力保护色|无障碍|加入收藏|纠错|我要纠错)\s*[\]】]?[\s:：|｜]*)+$"
)
_TRAILER = re.compile(
    r"^(?:相关信息|相关链接|相关文章|相关阅读|相关新闻|相关附件|相关文件|附件下载|延伸阅读|"
    r"热点推荐|推荐阅读)\s*[:：]?\s*$"
)
_PREV_NEXT = re.compile(r"^(?:上一篇|下一篇|上一条|下一条)\s*[:：]")
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－―]\s*\d{1,4}\s*[-—–－―]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)
# Site footers: copied with the article into a .txt or .docx as often as into HTML.
_FOOTER = re.compile(
    r"版权所有|网站标识码|ICP备|公网安备|主办单位|承办单位|技术支持|网站地图|联系我们|"
    r"Copyright|©|建议使用.{0,20}浏览器|分辨率"
)
_SHORT = 60
_TRAILER_TAIL_LINE_MAX = 120
_TRAILER_TAIL_LINES_MAX = 40


def classify_line(line: str) -> str | None:
    """The furniture kind of one stripped line, or None for report text."""
    if _BREADCRUMB.search(line):
        return "breadcrumb"
    if _TRAILER.match(line) or _PREV_NEXT.match(line):
        return "trailer"
    if _PAGE_NUMBER.match(line):
        return "page_number"
    if _FONT_WIDGET.search(line) and len(line) <= 200:
        return "metadata"
    fields = len(_META_FIELD.findall(line))
    if fields >= 2 and len(line) <= 200 and not line.endswith("。"):
        return "metadata"
    if fields == 1 and len(line) <= _SHORT and _META_FIELD_AT_START.match(line) and not line.endswith("。"):
        return "metadata"
    if _WIDGETS.match(line):
        return "widget"
    if len(line) <= _SHORT * 2 and _FOOTER.search(line) and not line.endswith("。"):
        return "footer"
    return None


def find_noise(text: str) -> tuple[NoiseSpan, ...]:
    """Noise spans of ``text``, in order."""
    found: list[NoiseSpan] = []
    lines = list(line_spans(text))
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        kind = classify_line(line)
        if kind is None:
            continue
        found.append(NoiseSpan(Span.of(text, start, end), kind))
        if kind == "trailer" and _TRAILER.match(line):
            tail = lines[index + 1 :]
            # A "相关信息" block at the end lists links to other pages (often other
            # years' reports, whose titles would mislead identity): all noise.
            if len(tail) <= _TRAILER_TAIL_LINES_MAX and all(
                e - s <= _TRAILER_TAIL_LINE_MAX for s, e in tail
            ):
                found.extend(NoiseSpan(Span.of(text, s, e), "trailer") for s, e in tail)
                break
    return tuple(found)


def merge_noise(*groups: Iterable[NoiseSpan]) -> tuple[NoiseSpan, ...]:
    """Union of noise spans, sorted; a span inside an earlier one is dropped."""
    items = sorted((n for g in groups for n in g), key=lambda n: (n.start, -n.end))
    merged: list[NoiseSpan] = []
    for item in items:
        if merged and item.end <= merged[-1].end:
            continue
        merged.append(item)
    return tuple(merged)
