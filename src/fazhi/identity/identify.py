"""Identity of a report: title, jurisdiction, report year, publication date, issuer, number."""

from __future__ import annotations

from fazhi.core.document import Document
from fazhi.core.fold import fold
from fazhi.core.spans import Span, line_spans
from fazhi.identity.divisions import DivisionTable, default_table
from fazhi.identity.head import Head, first_year, issuer_in_title, read_head, signature
from fazhi.identity.jurisdiction import resolve
from fazhi.identity.patterns import CN_DIGITS, CN_YEAR, DOC_NUMBER
from fazhi.identity.records import Found, Identity
from fazhi.ingest.dates import publication_date

_OPENING_CHARS = 120


def identify(doc: Document, table: DivisionTable | None = None, *, masked: str | None = None) -> Identity:
    """``masked`` is ``doc.masked()`` when the caller has it already."""
    table = table or default_table()
    text = doc.masked() if masked is None else masked
    # Patterns read the folded text (２０２４ -> 2024, ⻄ -> 西); spans are cut from ``text``.
    folded = fold(text)
    head = read_head(text, folded)
    title = Found(head.title, head.title_span, "title") if head.title else None
    if title is None and doc.hints.title:
        title = Found(doc.hints.title, None, "metadata")

    issuer_span = issuer_in_title(head.title_span, folded) if head.title_span else None
    issuer_source = "title"
    if issuer_span is None:
        issuer_span, issuer_source = signature(text, folded), "signature"
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
        (head.title_span.start, head.title_span.end) if head.title_span else None,
        (issuer_span.start, issuer_span.end) if issuer_span else None,
        opening,
    ) if r is not None]
    jurisdiction = resolve(text, regions, table, lambda: {n for _, _, n in table.scan(folded)})

    return Identity(
        title=title,
        jurisdiction=jurisdiction,
        report_year=report_year,
        published=published,
        issuer=issuer,
        doc_number=doc_number,
    )


def _flatten(value: str) -> str:
    """An issuer printed over two lines reads as one, organs separated by a space."""
    return " ".join(part.strip() for part in value.splitlines() if part.strip())


def _opening(text: str, body_start: int) -> tuple[int, int] | None:
    for start, end in line_spans(text[body_start:]):
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
    # The law has reports published in the spring after the year they cover.
    if published is not None and published.value.month <= 6:
        return Found(published.value.year - 1, published.span, "derived")
    if doc_number is not None:
        year = int(DOC_NUMBER.search(fold(doc_number.value)).group(1))
        return Found(year - 1, doc_number.span, "derived")
    return None
