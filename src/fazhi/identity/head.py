"""The head and foot of a report: title block, document number, issuer, signature.

A report opens with an optional red header (XX市人民政府文件), a document
number line (鞍委〔2024〕17号), a title of one to three short lines
(中共XX工委 XX管委会 / 2024年度法治政府建设情况的报告) and then the body. Some
have no title at all and start with their first paragraph. Only lines
before the first body paragraph are considered, so citations of other
documents in the body are never mistaken for this one's number or title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fazhi.core.spans import Span, line_spans
from fazhi.identity.patterns import CN_YEAR, DATE, DOC_NUMBER, HEADING_START, ORGAN_END, TITLE_WORDS, YEAR

_HEAD_LINES = 12
_TITLE_MAX_CHARS = 80
_TITLE_MAX_LINES = 3
_SIGNATURE_LINES = 6
_CRUMB = re.compile(r"[>＞»]|&gt;")
# Site chrome a reader left in the text: browser warnings, location bars.
CHROME = re.compile(r"浏览器|您当前的位置|当前位置|无障碍|分辨率|扫一扫|在手机打开|^\s*(?:政府信息公开|政务公开|信息公开|通知公告|工作动态)\s*$")
# A site clock or greeting left in the chrome (今天是2019年12月3日 星期二): never a title, year or date.
CLOCK = re.compile(r"今天是|星期[一二三四五六日天]|农历[\u4e00-\u9fff]{2,}")


@dataclass(frozen=True, slots=True)
class Head:
    title: str | None
    title_span: Span | None
    doc_number: Span | None
    body_start: int  # offset of the first body paragraph


# A page's dateline: 2026-01-20 17:01 | 武汉市水务局 (when and by whom it was posted), never part of a title.
_DATELINE = re.compile(r"\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[|｜丨]")
# A government page's metadata block (索引号 … 组配分类 计划总结 发布机构 …): fields, never the title,
# although a field's value may read like one (计划总结).
_METADATA_FIELD = re.compile(r"索引号|组配分类|主题分类|发布机构|发文机关|生成日期|成文日期|公开方式|公开范围|文号\s*[|｜:：]")
# What only a body sentence says: 2025年, … (a year opening a sentence), 现将…报告如下 (handing it over).
_SENTENCE_ONLY = re.compile(r"^\s*(?:19|20)\d{2}\s*年(?:度|以来)?\s*[,，]|现将.{0,40}如下")
# A site column's heading over the title (2024法治政府建设情况报告公示): a title follows it.
_COLUMN = re.compile(r"(?:公示|专栏|栏目)\s*$")


def _kind(line: str) -> str:
    if CLOCK.search(line) and len(line) <= 40:
        return "clock"
    if len(_CRUMB.findall(line)) >= 2:
        return "breadcrumb"  # 首页 > 政务公开 > …, when the reader did not mark it
    if CHROME.search(line) and len(line) <= 120 or _DATELINE.match(line) or _METADATA_FIELD.search(line):
        return "chrome"
    if DOC_NUMBER.fullmatch(line):
        return "doc_number"
    if "《" in line and "。" not in line and len(line) <= _TITLE_MAX_CHARS and not TITLE_WORDS.search(re.sub(r"《[^》]*》", "", line)) and TITLE_WORDS.search(line):
        return "citation"  # 浙卫〔2024〕3号《…的报告》: a repost's heading citing the title below it
    if line.endswith("文件") and len(line) <= 24:
        return "red_header"
    if DATE.fullmatch(line.strip("()（）")):
        return "date"
    if line.endswith((":", "：")) and len(line) <= 30:
        return "recipient"
    if HEADING_START.match(line) or "。" in line or len(line) > _TITLE_MAX_CHARS or _SENTENCE_ONLY.search(line):
        return "body"
    return "short"


def read_head(text: str, scan: str | None = None) -> Head:
    """Find the title block and document number in the first lines of ``text`` (noise masked).

    ``scan`` is ``text`` folded (core.fold: full-width digits, look-alikes),
    same length: patterns read it, spans are cut from ``text``.
    """
    scan = text if scan is None else scan
    title_lines: list[tuple[int, int]] = []
    doc_number: Span | None = None
    body_start = len(text)
    title_closed = False
    for count, (start, end) in enumerate(line_spans(text)):
        line = scan[start:end]
        kind = _kind(line)
        if kind == "body" or count >= _HEAD_LINES:
            body_start = start
            break
        if kind == "doc_number" and doc_number is None:
            doc_number = Span.of(text, start, end)
        if kind == "short" and title_closed and TITLE_WORDS.search(line) and _COLUMN.search(
            "".join(scan[s:e] for s, e in title_lines)
        ):
            title_lines = [(start, end)]  # the column's heading (…报告公示) stood above the report's own title
        elif kind == "short" and not title_closed and len(title_lines) < _TITLE_MAX_LINES:
            title_lines.append((start, end))
            if TITLE_WORDS.search(line):
                title_closed = True
        elif title_lines and not title_closed:
            # A short line that never became a title (a slogan, a stray label).
            title_lines = []
    if not title_closed:
        title_lines = []
    if not title_lines:
        return Head(None, None, doc_number, body_start)
    # Lines of a title broken over several lines are joined without a
    # separator, as the printed title reads; spaces inside a line stay.
    title = "".join(text[s:e] for s, e in title_lines)
    span = Span.of(text, title_lines[0][0], title_lines[-1][1])
    return Head(title, span, doc_number, body_start)


def issuer_in_title(title_span: Span, scan: str) -> Span | None:
    """The signing organs that open a title (中共鞍山市委 鞍山市人民政府 关于…), if any."""
    flat = title_span.surface
    cut = re.search(r"关于|(?:19|20)\d{2}\s*年|" + CN_YEAR.pattern, scan[title_span.start : title_span.end])
    if cut is None or cut.start() == 0:
        return None
    prefix = flat[: cut.start()].rstrip()
    # "海原县2023年度…" names a place, not an organ: no issuer.
    if not ORGAN_END.search(prefix) or len(prefix.replace(" ", "")) < 3:
        return None
    lead = len(prefix) - len(prefix.lstrip())
    return Span(title_span.start + lead, title_span.start + len(prefix), prefix.lstrip())


def signature(text: str, scan: str) -> Span | None:
    """The organ named above the closing date (XX市人民政府 / 2024年3月1日), if the report is signed."""
    lines = list(line_spans(text))[-_SIGNATURE_LINES:]
    for i in range(len(lines) - 1, 0, -1):
        s, e = lines[i]
        if DATE.fullmatch(scan[s:e]) or CN_YEAR.match(scan[s:e]):
            organs = []
            j = i - 1
            while j >= 0:
                ls, le = lines[j]
                line = text[ls:le]
                if len(line) <= 30 and ORGAN_END.search(line) and "。" not in line:
                    organs.insert(0, (ls, le))
                    j -= 1
                else:
                    break
            if organs:
                return Span.of(text, organs[0][0], organs[-1][1])
            return None
    return None


def first_year(text: str, scan: str, start: int, end: int) -> Span | None:
    """The first year (2024年, ２０２４年) in text[start:end] that is not inside a 《title》 or a range.

    ``scan`` is ``text`` folded; the year is read from it, the span cut from ``text``.
    """
    depth = 0
    region = scan[start:end]
    positions = {m.start(): m for m in YEAR.finditer(region)}
    for i, ch in enumerate(region):
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth = max(0, depth - 1)
        elif depth == 0 and i in positions:
            m = positions[i]
            return Span.of(text, start + m.start(1), start + m.end(1))
    return None
