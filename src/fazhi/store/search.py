"""Full-text search over stored reports that finds two-character Chinese words.

Why these indexes. Neither database's default tokenizer looks inside a run of
Chinese characters: SQLite's unicode61 makes one token of a whole run, and
PostgreSQL's text search parser does the same. Many words reviewers look for
have two characters (复议, 应诉, 普法).

- SQLite: an FTS5 table with the ``trigram`` tokenizer finds any substring of
  three or more characters through the index. For a two-character word the
  index still helps: every place it occurs is the start of some trigram (the
  indexed text carries a trailing newline, so this holds at the very end too),
  and the ``fts5vocab`` table lists those trigrams by a range scan on the term
  (``term >= '复议' AND term < '复议\\U0010ffff'``). The query becomes an OR of
  those trigrams: indexed, exact, no scan of the texts. A one-character query
  matches too many trigrams to be worth it and scans the texts with ``instr``.
- PostgreSQL: ``pg_trgm`` was the first choice, but it builds trigrams only
  from what the database locale calls word characters, and in a C-locale
  cluster (common on servers, and the one the tests start)
  ``show_trgm('依法办理行政复议案件')`` is ``{}``: no trigrams, no index. It also
  needs three characters. So the index is a GIN over each text's set of
  character bigrams (``fazhi_bigrams(text)``, migration 0004_web), which is
  locale-independent: a query of two or more characters asks for texts holding
  all its bigrams (indexed) and ``strpos`` confirms the exact phrase. One
  character scans, as on SQLite. The confirmation reads ``search_texts``
  (migration 0006_pgsearch): the text again, cut into overlapping chunks short
  enough to stay inline and uncompressed, walked in order until one holds the
  phrase. ``reports.text`` itself is compressed and out of line (TOAST) beyond
  ~2 KB, and reading it for thousands of candidates was most of a search's time.

The matches are then filtered, sorted, paged and counted by facet in memory
(fazhi.store.facet_index), as the report list is: the database reads its index
once per search and then only the texts of the page shown.

Search is case-sensitive on both (Chinese has no case; ASCII words in reports
are mostly acronyms). Several words separated by spaces must all occur.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from fazhi.store.db import Store
from fazhi.store.facet_loading import current
from fazhi.store.listing import Page, ReportFilter, facet_counts, list_page
from fazhi.store.schema import reports

MAX_TERMS = 8
MAX_TRIGRAMS = 2000  # a two-character word followed by more distinct characters than this is unusual
SNIPPETS_PER_HIT = 3
SNIPPET_CONTEXT = 40
# PostgreSQL's search_texts chunks (migration 0006_pgsearch): chunk i is characters
# [CHUNK_STRIDE * i, CHUNK_STRIDE * i + CHUNK_STRIDE + CHUNK_OVERLAP) of the text, so a
# phrase of up to CHUNK_OVERLAP + 1 characters lies whole in some chunk.
CHUNK_STRIDE, CHUNK_OVERLAP = 448, 64
search_texts = sa.table("search_texts", sa.column("report_id"), sa.column("chunk"), sa.column("body"))


@dataclass(frozen=True, slots=True)
class Snippet:
    """A window of the text around matches: ``text == report_text[start:start + len(text)]``;
    ``matches`` are (start, end) of every term occurrence inside it, in report offsets."""

    start: int
    text: str
    matches: tuple[tuple[int, int], ...]

    def segments(self) -> list[tuple[str, bool]]:
        """The window as (piece, is_match) in order, for highlighting."""
        out, pos = [], self.start
        for a, b in self.matches:
            if a > pos:
                out.append((self.text[pos - self.start:a - self.start], False))
            out.append((self.text[a - self.start:b - self.start], True))
            pos = b
        if pos < self.start + len(self.text):
            out.append((self.text[pos - self.start:], False))
        return out

    def to_json(self) -> dict:
        return {"offset": self.start, "length": len(self.text), "text": self.text,
                "matches": [{"offset": a, "length": b - a} for a, b in self.matches]}


@dataclass(frozen=True, slots=True)
class SearchResult:
    terms: tuple[str, ...]
    page: Page
    snippets: dict[int, list[Snippet]]
    facets: dict[str, list[tuple]]


def terms_of(query: str) -> tuple[str, ...]:
    seen: list[str] = []
    for word in query.split():
        if word not in seen:
            seen.append(word)
    return tuple(seen[:MAX_TERMS])


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _sqlite_term(conn: sa.Connection, term: str) -> sa.ColumnElement:
    if len(term) >= 3:
        match = _fts_phrase(term)
    elif len(term) == 2:
        # The OR of the trigrams is written by SQLite in one row: fetching a row per trigram
        # would hand Python's GIL back and forth hundreds of times per search (see matching_ids).
        count, match = conn.execute(
            sa.text("""SELECT count(*), group_concat('"' || replace(term, '"', '""') || '"', ' OR ')"""
                    " FROM (SELECT term FROM reports_fts_terms WHERE term >= :lo AND term < :hi LIMIT :n)"),
            {"lo": term, "hi": term + "\U0010ffff", "n": MAX_TRIGRAMS + 1},
        ).one()
        if not count:
            return sa.false()
        if count > MAX_TRIGRAMS:
            return sa.func.instr(reports.c.text, term) > 0
    else:
        return sa.func.instr(reports.c.text, term) > 0
    fts = sa.table("reports_fts", sa.column("rowid"))
    return reports.c.id.in_(sa.select(fts.c.rowid).where(sa.literal_column("reports_fts").op("MATCH")(match)))


def _postgres_term(term: str) -> sa.ColumnElement:
    found = sa.func.strpos(reports.c.text, term) > 0
    if len(term) < 2:
        return found
    bigrams = sorted({term[i:i + 2] for i in range(len(term) - 1)})
    index = sa.func.fazhi_bigrams(reports.c.text).op("@>")(sa.cast(sa.literal(bigrams), sa.ARRAY(sa.Text)))
    # A two-character word is one bigram: the index is exact. Longer phrases need
    # their bigrams in this order, which only strpos can confirm.
    if len(term) == 2:
        return index
    if len(term) > CHUNK_OVERLAP + 1:  # may straddle two chunks: the whole text decides
        return sa.and_(index, found)
    in_chunk = (sa.select(sa.literal(1)).select_from(search_texts)
                .where(search_texts.c.report_id == reports.c.id, sa.func.strpos(search_texts.c.body, term) > 0)
                # OFFSET 0 keeps this a per-candidate subquery that stops at the first chunk
                # holding the phrase; as a semi-join the planner would strpos every chunk of
                # every report and recompute the bigrams of each match (22 s).
                .offset(0))
    return sa.and_(index, sa.exists(in_chunk))


def matching_ids(store: Store, terms: tuple[str, ...]) -> list[int]:
    """The ids of the reports containing every term: the one query that reads the index."""
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "postgresql":
            # The planner guesses that strpos rejects most rows and that computing the
            # bigrams of the few left is cheaper than the index; it is wrong on every
            # common word (117 s for 行政执法 at 10,000 reports). This query always
            # takes the index; the setting ends with the transaction.
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            # The bigram function's cost makes every plan look expensive enough to JIT-compile,
            # which took 3-10 ms of CPU per search (more under load) for a 10 ms index read.
            conn.exec_driver_sql("SET LOCAL jit = off")
            condition = sa.and_(*(_postgres_term(t) for t in terms))
        else:
            condition = sa.and_(*(_sqlite_term(conn, t) for t in terms))
            # One row holding every id, not a row each: Python's sqlite3 lets go of the GIL for
            # every row it steps to and must win it back, and with other requests running each
            # win can wait a whole switch interval (5 ms). A common word's 10,000 rows took
            # 21 ms alone and 170 ms beside three other searches; one row takes the same either way.
            listed = conn.execute(sa.select(sa.func.group_concat(reports.c.id, ",")).where(condition)).scalar()
            return sorted(int(i) for i in listed.split(",")) if listed else []
        return sorted(conn.execute(sa.select(reports.c.id).where(condition)).scalars())


def _occurrences(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    found = []
    for term in terms:
        start = text.find(term)
        while start >= 0:
            found.append((start, start + len(term)))
            start = text.find(term, start + len(term))
    found.sort()
    merged: list[tuple[int, int]] = []
    for a, b in found:  # overlapping terms ("行政复议" and "复议") become one mark
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def snippets(text: str, terms: tuple[str, ...], limit: int = SNIPPETS_PER_HIT) -> list[Snippet]:
    """Up to ``limit`` non-overlapping windows around the first matches, each marking every match inside it."""
    occurrences = _occurrences(text, terms)
    windows: list[Snippet] = []
    i = 0
    while i < len(occurrences) and len(windows) < limit:
        lo = max(0, occurrences[i][0] - SNIPPET_CONTEXT)
        if windows:
            lo = max(lo, windows[-1].start + len(windows[-1].text))
        hi = min(len(text), occurrences[i][1] + SNIPPET_CONTEXT)
        inside = []
        while i < len(occurrences) and occurrences[i][1] <= hi:
            inside.append(occurrences[i])
            i += 1
        if not inside:  # a match longer than the context reaches past hi: take it whole
            inside.append(occurrences[i])
            hi = occurrences[i][1]
            i += 1
        windows.append(Snippet(lo, text[lo:hi], tuple(inside)))
    return windows


def search(store: Store, query: str, flt: ReportFilter, with_facets: bool = True) -> SearchResult:
    terms = terms_of(query)
    if not terms:
        return SearchResult((), Page([], 0, flt), {}, {})
    ids = matching_ids(store, terms)
    # The index is read after the matches, so it holds every report they can name.
    index = current(store)
    within = index.within(ids)
    page = list_page(store, flt, index=index, within=within)
    texts: dict[int, str] = {}
    if page.rows:
        page_ids = [r["id"] for r in page.rows]
        with store.engine.connect() as conn:
            texts = dict(conn.execute(sa.select(reports.c.id, reports.c.text).where(reports.c.id.in_(page_ids))).all())
    found = {rid: snippets(text, terms) for rid, text in texts.items()}
    facets = facet_counts(store, flt, index=index, within=within) if with_facets else {}
    return SearchResult(terms, page, found, facets)
