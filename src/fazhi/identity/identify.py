"""Identity of a report: title, jurisdiction, report year, publication date, issuer, number."""

from __future__ import annotations

import dataclasses
import re

from fazhi.core.document import Document
from fazhi.core.fold import fold
from fazhi.core.spans import Span, line_spans
from fazhi.identity.departments import default_catalog
from fazhi.identity.divisions import DivisionTable, default_table
from fazhi.identity.head import CHROME, CLOCK, Head, first_year, issuer_in_title, read_head, signature
from fazhi.identity.jurisdiction import resolve
from fazhi.identity.patterns import CN_DIGITS, CN_YEAR, DOC_NUMBER
from fazhi.identity.reading import Reading
from fazhi.identity.records import Found, Identity
from fazhi.ingest.dates import publication_date

_OPENING_CHARS = 120
_PHRASE_CHARS = 1500
# The year a sentence says is being reported on.
REPORT_PHRASE = re.compile(
    r"现将[^。\n]{0,20}?((?:19|20)\d{2})\s*年"
    r"|((?:19|20)\d{2})\s*年度?[^。，,\n]{0,10}?(?:法治政府建设|依法行政|法治建设)[^。，,\n]{0,10}?(?:报告|总结)"
    r"|(?:^|\n)\s*((?:19|20)\d{2})\s*年(?:度|以来)?\s*[,，]"  # a paragraph opening 2023年, …
    r"|(?:^|\n)\s*一、\s*((?:19|20)\d{2})\s*年度?(?:工作回顾|工作情况|主要工作|法治政府建设)"  # 一、2024年工作回顾
)

# 2022年法治政府建设工作要点: a single year's plan (never a range's end, 2021—2025年).
_YEAR_PLAN = re.compile(r"(?<![\d—–\-至到])((?:19|20)\d{2})\s*年度?[^。，,\n《》]{0,12}?工作要点")


def identify(doc: Document, table: DivisionTable | None = None, *, masked: str | None = None) -> Identity:
    """``masked`` is ``doc.masked()`` when the caller has it already."""
    table = table or default_table()
    reading = Reading.of(doc.masked() if masked is None else masked)
    # Everything below reads the clean text (simplified, folded, mirror annotations cut);
    # spans found in it are mapped back onto ``doc.text`` at the end.
    text = folded = reading.clean
    head = read_head(text, folded)
    title = Found(head.title, head.title_span, "title") if head.title else None
    if title is None and doc.hints.title:
        title = Found(doc.hints.title, None, "metadata")

    issuer_span = issuer_in_title(head.title_span, folded) if head.title_span else None
    issuer_source = "title"
    signed = signature(text, folded)
    if issuer_span is None:
        issuer_span, issuer_source = signed, "signature"
    issuer = Found(_flatten(issuer_span.surface), issuer_span, issuer_source) if issuer_span else None

    doc_number = None
    if head.doc_number is not None:
        match = DOC_NUMBER.search(folded, head.doc_number.start, head.doc_number.end)
        span = Span.of(text, match.start(), match.end())
        doc_number = Found(span.surface, span, "text")

    published = _published(doc)
    opening = _opening(text, head.body_start)
    report_year = _report_year(text, folded, head, opening, published, doc_number)

    regions = [r for r in (
        (head.title_span.start, head.title_span.end, "title") if head.title_span else None,
        (issuer_span.start, issuer_span.end, "issuer") if issuer_span else None,
        (*opening, "opening") if opening else None,
        _cited_own_title(folded, head.body_start) if head.title_span is None else None,
    ) if r is not None]
    chrome = tuple(Reading.of(n.span.surface).clean for n in doc.noise)
    jurisdiction = resolve(
        text, regions, table, default_catalog(), lambda: {n for _, _, n in table.scan(folded)},
        chrome=chrome, signature=(signed.start, signed.end) if signed else None,
    )

    found = Identity(
        title=title,
        jurisdiction=jurisdiction,
        report_year=report_year,
        published=published,
        issuer=issuer,
        doc_number=doc_number,
    )
    return _onto_source(found, reading, doc.text)


def _onto_source(found: Identity, reading: Reading, source: str) -> Identity:
    """Map spans read in the clean text onto the document; values read off a span are re-read as printed."""
    if reading.clean == source:
        return found

    def moved(item: Found | None, reread: bool) -> Found | None:
        if item is None or item.span is None or item.source == "metadata":
            return item
        if found.published is not None and item.span == found.published.span:
            return item  # read from the page's metadata bar in the document itself
        span = reading.span(source, item.span.start, item.span.end)
        value = item.value
        if item is found.issuer:
            value = _flatten(span.surface)
        elif reread:  # a title printed over several lines reads as one (see head.read_head)
            value = "".join(line.strip() for line in span.surface.splitlines())
        return Found(value, span, item.source)

    jurisdiction = found.jurisdiction
    if jurisdiction is not None and jurisdiction.span is not None:
        jurisdiction = dataclasses.replace(
            jurisdiction, span=reading.span(source, jurisdiction.span.start, jurisdiction.span.end)
        )
    return Identity(
        title=moved(found.title, reread=True),
        jurisdiction=jurisdiction,
        report_year=moved(found.report_year, reread=False),
        published=found.published,
        issuer=moved(found.issuer, reread=True),
        doc_number=moved(found.doc_number, reread=True),
    )


# A cover letter sending the report: 将《2023年长宁区法治政府建设情况报告》报送市委、市政府.
_SENDS_REPORT = re.compile(r"将(?:我局|我委|我办|我单位|我区|我县|我市)?《([^》]{4,60}?(?:报告|总结))》(?:报送|上报|随文上报|呈报|呈送)")


def _cited_own_title(folded: str, body_start: int) -> tuple[int, int, str] | None:
    sent = _SENDS_REPORT.search(folded, body_start, body_start + _PHRASE_CHARS)
    return (sent.start(1), sent.end(1), "title") if sent else None


def _flatten(value: str) -> str:
    """An issuer printed over two lines reads as one, organs separated by a space."""
    return " ".join(part.strip() for part in value.splitlines() if part.strip())


# A news item's dateline (本站讯, 本报讯, 新华社北京3月5日电): the site reporting on the report, not its opening.
_NEWS_LEDE = re.compile(r"\s*(?:本站讯|本报讯|本网讯|[\u4e00-\u9fff]{2,10}?(?:\d{1,2}月\d{1,2}日)?电\s)")


def _opening(text: str, body_start: int) -> tuple[int, int] | None:
    for start, end in line_spans(text[body_start:]):
        if CLOCK.search(text, body_start + start, body_start + end) and end - start <= 40:
            continue  # a site clock (今天是2019年…星期二) is page furniture, not the opening
        if CHROME.search(text, body_start + start, body_start + end) and end - start <= 120:
            continue  # 当前浏览器版本过低… left by the reader
        if _NEWS_LEDE.match(text, body_start + start, body_start + end):
            continue  # 本站讯 近日,水利部发布…报告: a site's news item about the report; the report opens below
        return body_start + start, body_start + min(end, start + _OPENING_CHARS)
    return None


def _published(doc: Document) -> Found | None:
    """Publication date as the page prints it: reader metadata first, then the metadata bar."""
    if doc.hints.published is not None:
        return Found(doc.hints.published, None, "metadata")
    bars = [n for n in doc.noise if n.kind == "metadata"]
    found = publication_date([n.span.surface for n in bars])
    if found is None:
        return None
    index, date, start, end = found
    return Found(date, Span.of(doc.text, bars[index].start + start, bars[index].start + end), "text")


def _report_year(
    text: str, folded: str, head: Head, opening: tuple[int, int] | None,
    published: Found | None, doc_number: Found | None,
) -> Found | None:
    """The year reported on: from the title, else the opening, else the year before publication."""
    if head.title_span is not None:
        span = first_year(text, folded, head.title_span.start, head.title_span.end)
        if span is not None:
            return Found(int(folded[span.start : span.end]), span, "title")
        cn = CN_YEAR.search(folded, head.title_span.start, head.title_span.end)
        if cn is not None:
            span = Span.of(text, cn.start(), cn.end())
            return Found(int(cn.group().translate(CN_DIGITS)), span, "title")
    if opening is not None:
        span = first_year(text, folded, *opening)
        if span is not None:
            return Found(int(folded[span.start : span.end]), span, "text")
    if opening is not None:
        # 现将2024年…报告如下 / 《关于做好2024年度法治政府建设情况报告工作的通知》 further on.
        phrase = REPORT_PHRASE.search(folded, opening[0], opening[0] + _PHRASE_CHARS)
        if phrase is not None:
            group = phrase.lastindex or 1
            span = Span.of(text, phrase.start(group), phrase.end(group))
            return Found(int(phrase.group(group)), span, "text")
    # The law has reports published in the spring after the year they cover.
    if published is not None and published.value.month <= 6:
        return Found(published.value.year - 1, published.span, "derived")
    if doc_number is not None:
        year = int(DOC_NUMBER.search(fold(doc_number.value)).group(1))
        return Found(year - 1, doc_number.span, "derived")
    if opening is not None:
        # A mirror that cut the year (年,我市…): the year's own work plan, which the report goes through.
        plan = _YEAR_PLAN.search(folded, opening[0], opening[0] + _PHRASE_CHARS)
        if plan is not None:
            return Found(int(plan.group(1)), Span.of(text, plan.start(1), plan.end(1)), "text")
    return None
