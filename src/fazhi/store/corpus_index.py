"""The corpus side of the store: index stored reports for comparison, and read them back for fazhi.corpus.

Indexing is incremental and separate from ingest: whatever ingested a report
(any version, any machine), ``index_pending`` adds its indicator figures,
chunks and LSH band keys once. Queries then read the index by key.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from fazhi.corpus.indicators import IndicatorTable, indicator_table
from fazhi.corpus.model import ReportFilter, ReportRecord
from fazhi.corpus.reuse import (
    COPY_GRAMS,
    INDEX_VERSION,
    Passage,
    ReuseReport,
    Shared,
    candidate_pairs,
    fingerprint,
    reuse_report,
)
from fazhi.corpus.reuse import verify as verify_pair
from fazhi.corpus.years import PlanCheck, by_year, follow_through
from fazhi.store.corpus_tables import corpus_bands, corpus_chunks, corpus_figures, corpus_indexed
from fazhi.store.db import Store, db_errors
from fazhi.store.schema import reports

META = ("id", "jurisdiction", "level", "province", "city", "report_year", "published", "score", "title", "issuer")
BATCH = 200
# A band key held by this many reports is stock language: 2% of the corpus, at least 5 and at most 20.
# The cap keeps corpus-wide candidate pairs linear in the corpus size (a key yields at most 20·19/2 pairs).
STOCK_SHARE_OF_CORPUS = 0.02
STOCK_MIN_REPORTS = 5
STOCK_MAX_REPORTS = 20
_IN_CHUNK = 500  # keys per IN (...) list: well under SQLite's variable limit


def stock_min(total_reports: int) -> int:
    return min(STOCK_MAX_REPORTS, max(STOCK_MIN_REPORTS, int(total_reports * STOCK_SHARE_OF_CORPUS)))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def pending_ids(store: Store) -> list[int]:
    done = sa.select(corpus_indexed.c.report_id).where(corpus_indexed.c.version == INDEX_VERSION)
    query = sa.select(reports.c.id).where(reports.c.id.not_in(done)).order_by(reports.c.id)
    with db_errors("查询待索引报告"), store.engine.connect() as conn:
        return list(conn.execute(query).scalars())


def index_rows(report_id: int, text: str, analysis: dict) -> dict[str, list[dict]]:
    """Everything the index keeps for one report (computed without the database: runs in workers)."""
    figures = [
        {"report_id": report_id, "indicator": f["indicator"], "value": str(f["value"]), "unit": f.get("unit") or "",
         "approx": bool(f.get("approx")), "compare": f.get("compare"), "offset": f["offset"],
         "surface": f["text"], "label": f.get("label")}
        for f in analysis.get("figures") or () if f.get("indicator") and f.get("value") is not None
    ]
    passages = fingerprint(text)
    chunks = [{"report_id": report_id, "chunk": p.no, "start": p.start, "end": p.end, "stock": p.stock}
              for p in passages]
    bands = [{"band_key": k, "report_id": report_id, "chunk": p.no} for p in passages for k in p.keys]
    chars = sum(1 for ch in text if not ch.isspace())
    return {"figures": figures, "chunks": chunks, "bands": bands, "chars": [{"chars": chars}]}


def index_pending(
    store: Store, progress: Callable[[int], None] | None = None,
    compute: Callable[[Iterable[tuple[int, str, dict]]], Iterable[tuple[int, dict]]] | None = None,
) -> int:
    """Index every report not yet indexed by this version; returns how many were indexed.

    ``compute`` maps (id, text, analysis) to (id, rows); the default runs here,
    a caller may pass a process pool's map.
    """
    ids = pending_ids(store)
    compute = compute or (lambda items: ((rid, index_rows(rid, text, a)) for rid, text, a in items))
    done = 0
    for i in range(0, len(ids), BATCH):
        batch = ids[i:i + BATCH]
        with db_errors("读取报告"), store.engine.connect() as conn:
            rows = conn.execute(
                sa.select(reports.c.id, reports.c.text, reports.c.analysis).where(reports.c.id.in_(batch))
            ).all()
        computed = list(compute((r.id, r.text, r.analysis) for r in rows))
        _write(store, computed)
        done += len(computed)
        if progress:
            progress(len(computed))
    return done


def _write(store: Store, computed: Sequence[tuple[int, dict]]) -> None:
    try:
        _write_batch(store, computed)
    except IntegrityError:
        # Another process (a second `fazhi compare` on the same server) indexed the same reports
        # first; its rows are the same as ours would be, and ours were rolled back whole.
        pass


def _write_batch(store: Store, computed: Sequence[tuple[int, dict]]) -> None:
    ids = [rid for rid, _ in computed]
    with db_errors("保存比较索引"), store.engine.begin() as conn:
        for table in (corpus_figures, corpus_chunks, corpus_bands, corpus_indexed):
            conn.execute(table.delete().where(table.c.report_id.in_(ids)))
        for name, table in (("figures", corpus_figures), ("chunks", corpus_chunks), ("bands", corpus_bands)):
            rows = [row for _, data in computed for row in data[name]]
            if rows:
                conn.execute(table.insert(), rows)
        conn.execute(corpus_indexed.insert(), [
            {"report_id": rid, "version": INDEX_VERSION, "chars": data["chars"][0]["chars"], "indexed_at": _now()}
            for rid, data in computed
        ])


# -- reading -----------------------------------------------------------------
def _where(filt: ReportFilter) -> list:
    return [reports.c[k] == v for k, v in filt.column_filters().items()]


def load_records(store: Store, filt: ReportFilter = ReportFilter(), ids: Iterable[int] | None = None,
                 with_text: bool = True, with_analysis: bool = True) -> list[ReportRecord]:
    cols = ([reports.c[n] for n in META] + ([reports.c.analysis] if with_analysis else [])
            + ([reports.c.text] if with_text else []))
    query = sa.select(*cols).where(*_where(filt)).order_by(reports.c.id)
    if ids is not None:
        query = query.where(reports.c.id.in_(list(ids)))
    with db_errors("读取报告"), store.engine.connect() as conn:
        records = [ReportRecord.from_row(dict(r._mapping)) for r in conn.execute(query)]
    return [r for r in records if filt.matches(r)]


_FIGURE_COLS = ("indicator", "value", "unit", "approx", "compare", "offset", "surface", "label")


def indicator_records(store: Store, indicators: Sequence[str], filt: ReportFilter = ReportFilter()) -> list[ReportRecord]:
    """Reports that state any of ``indicators``, carrying only those figures: one indexed join."""
    query = (
        sa.select(*[corpus_figures.c[n] for n in _FIGURE_COLS], *[reports.c[n] for n in META])
        .join(reports, reports.c.id == corpus_figures.c.report_id)
        .where(corpus_figures.c.indicator.in_(list(indicators)), *_where(filt))
        .order_by(corpus_figures.c.report_id, corpus_figures.c.offset)
    )
    meta: dict[int, dict] = {}
    by_report: dict[int, list[dict]] = defaultdict(list)
    split = len(_FIGURE_COLS)
    with db_errors("读取指标"), store.engine.connect() as conn:
        rows = conn.execute(query).all()  # one fetch: row-by-row fetching was half the time at 10,000 reports
    for row in rows:
        rid = row[split]  # META starts with the report id
        if rid not in meta:
            meta[rid] = dict(zip(META, row[split:]))
        figure = dict(zip(_FIGURE_COLS, row[:split]))
        figure["text"] = figure.pop("surface")
        by_report[rid].append(figure)
    needs_findings = filt.failed_rule is not None
    records = [ReportRecord.from_row({**meta[rid], "analysis": {"figures": by_report[rid]}}) for rid in meta]
    if needs_findings:  # the failed rules live in the analysis JSON
        keep = {r.id for r in load_records(store, filt, ids=[r.id for r in records], with_text=False)}
        return [r for r in records if r.id in keep]
    return [r for r in records if filt.matches(r)]


def _passages(conn: sa.Connection, ids: Sequence[int], with_keys: bool = False) -> dict[int, list[Passage]]:
    chunks: dict[int, dict[int, list]] = defaultdict(dict)
    for i in range(0, len(ids), _IN_CHUNK):
        part = list(ids[i:i + _IN_CHUNK])
        for c in conn.execute(sa.select(corpus_chunks).where(corpus_chunks.c.report_id.in_(part))):
            chunks[c.report_id][c.chunk] = [c.start, c.end, c.stock, []]
        if not with_keys:  # only the report asked about needs its keys; candidates need their spans
            continue
        for b in conn.execute(sa.select(corpus_bands).where(corpus_bands.c.report_id.in_(part))):
            chunks[b.report_id][b.chunk][3].append(b.band_key)
    return {
        rid: [Passage(no, s, e, tuple(keys), stock) for no, (s, e, stock, keys) in sorted(cs.items())]
        for rid, cs in chunks.items()
    }


def report_count(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(corpus_indexed)).scalar_one()


def reuse_for(store: Store, report_id: int) -> ReuseReport:
    """One report's reuse: its band keys looked up in the index, candidates aligned exactly."""
    limit = stock_min(report_count(store))
    with db_errors("查找雷同文字"), store.engine.connect() as conn:
        mine = _passages(conn, [report_id], with_keys=True).get(report_id, [])
        keys = sorted({k for p in mine for k in p.keys})
        # Count first (an index-only count): stock keys held by thousands of reports are never fetched.
        frequent_keys: set[int] = set()
        for i in range(0, len(keys), _IN_CHUNK):
            part = keys[i:i + _IN_CHUNK]
            counted = conn.execute(
                sa.select(corpus_bands.c.band_key).where(corpus_bands.c.band_key.in_(part))
                .group_by(corpus_bands.c.band_key).having(sa.func.count(corpus_bands.c.report_id) >= limit)
            )
            frequent_keys.update(counted.scalars())
        rare = [k for k in keys if k not in frequent_keys]
        hits_raw: list[tuple[int, int, int]] = []
        for i in range(0, len(rare), _IN_CHUNK):
            part = rare[i:i + _IN_CHUNK]
            hits_raw += [tuple(b) for b in conn.execute(
                sa.select(corpus_bands.c.band_key, corpus_bands.c.report_id, corpus_bands.c.chunk)
                .where(corpus_bands.c.band_key.in_(part)))]
    frequent = frozenset(frequent_keys)
    key_chunks: dict[int, list[int]] = defaultdict(list)
    for p in mine:
        for k in p.keys:
            key_chunks[k].append(p.no)
    hits = [(mine_no, rid, chunk) for key, rid, chunk in hits_raw if key not in frequent and rid != report_id
            for mine_no in key_chunks[key]]
    other_ids = sorted({rid for _, rid, _ in hits})
    record = load_records(store, ids=[report_id])[0]
    previous = _previous_id(store, record)
    if previous is not None and previous not in other_ids:
        other_ids.append(previous)
    others_records = {r.id: r for r in load_records(store, ids=other_ids, with_analysis=False)} if other_ids else {}
    with store.engine.connect() as conn:
        other_passages = _passages(conn, other_ids)
    others = {rid: (rec, other_passages.get(rid, [])) for rid, rec in others_records.items()}
    return reuse_report(record, mine, others, hits, frequent)


def _previous_id(store: Store, record: ReportRecord) -> int | None:
    if record.jurisdiction is None or record.report_year is None:
        return None
    with store.engine.connect() as conn:
        return conn.execute(
            sa.select(reports.c.id).where(reports.c.jurisdiction == record.jurisdiction,
                                          reports.c.report_year == record.report_year - 1).limit(1)
        ).scalar()


def _bands_in_key_order(conn: sa.Connection) -> Iterator[tuple[int, int, int]]:
    """Every band row in key order, straight from the driver's cursor.

    Millions of three-integer rows: SQLAlchemy's per-row processing cost more
    than the query; the covering index gives the order without a sort.
    """
    select = sa.select(corpus_bands.c.band_key, corpus_bands.c.report_id, corpus_bands.c.chunk).order_by(
        corpus_bands.c.band_key, corpus_bands.c.report_id, corpus_bands.c.chunk)
    sql = str(select.compile(dialect=conn.dialect))
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql)
        while batch := cursor.fetchmany(50_000):
            yield from batch
    finally:
        cursor.close()


def corpus_copies(store: Store) -> list[Shared]:
    """Every copied passage in the corpus, once per pair of reports (from the lower id's side).

    One pass over the band keys in key order (the index gives the order), then
    exact alignment of the candidate pairs only.
    """
    limit = stock_min(report_count(store))
    with db_errors("查找雷同文字"), store.engine.connect() as conn:
        pairs = candidate_pairs(_bands_in_key_order(conn), limit)
    out: list[Shared] = []
    ids = sorted({rid for pair in pairs for rid in pair})
    records: dict[int, ReportRecord] = {}
    passages: dict[int, list[Passage]] = {}
    for i in range(0, len(ids), _IN_CHUNK):
        part = ids[i:i + _IN_CHUNK]
        records.update({r.id: r for r in load_records(store, ids=part, with_analysis=False)})
        with store.engine.connect() as conn:
            passages.update(_passages(conn, part))
    for (a, b), chunk_pairs in sorted(pairs.items()):
        found = verify_pair(records[a], passages[a], records[b], passages[b], chunk_pairs, min_grams=COPY_GRAMS)
        out += [s for s in found if s.kind == "copy"]
    return out


SUMMARY_INDICATORS = ("disputes.court_appearance_rate", "disputes.reconsideration_received",
                      "disputes.litigation_cases", "disputes.reconsideration_correction_rate")


@dataclass(frozen=True, slots=True)
class SummaryMaterial:
    """What the annual summary says, read from the index: the letters layer only lays it out."""

    reports: list[ReportRecord]
    table: IndicatorTable
    followups: list[tuple[ReportRecord, ReportRecord, list[PlanCheck]]]
    copies: list[Shared]


def summary_material(store: Store, filt: ReportFilter = ReportFilter(),
                     indicators: Sequence[str] = SUMMARY_INDICATORS) -> SummaryMaterial:
    records = load_records(store, filt)
    ids = {r.id for r in records}
    table = indicator_table([r for r in records], list(indicators))
    followups = []
    by_place: dict[str, list[ReportRecord]] = defaultdict(list)
    for r in records:
        if r.jurisdiction:
            by_place[r.jurisdiction].append(r)
    for place in sorted(by_place):
        years = by_year(by_place[place])
        for earlier, later in zip(years, years[1:]):
            if later.report_year == earlier.report_year + 1:
                followups.append((earlier, later, follow_through(earlier, later)))
    copies = [c for c in corpus_copies(store) if c.report in ids or c.other in ids]
    return SummaryMaterial(records, table, followups, copies)
