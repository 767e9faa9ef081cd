"""The list's in-memory index pages and sorts as the database would, and follows every change to the reports.

The web keeps each report's facet values and sort keys in memory (fazhi.store.facet_index)
and reloads them when ``store_generation`` moves. These tests hold its pages to the
database's own ORDER BY, and hold it current when another connection (another process:
an ingest, a second server worker) inserts, updates or deletes a report.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import sqlalchemy as sa

from fazhi.store import facet_loading, open_store
from fazhi.store.db import Store
from fazhi.store.ingest_run import ingest_paths
from fazhi.store.listing import ReportFilter, facet_counts, list_page
from fazhi.store.schema import originals, reports, sightings
from fazhi.store.search import search
from tests.conftest import seed_paths

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").iterdir())
SORT_COLUMNS = {"id": "id", "year": "report_year", "score": "score", "jurisdiction": "jurisdiction",
                "published": "published"}


@pytest.fixture
def store(db_settings) -> Store:
    store = open_store(db_settings)
    outcomes = list(ingest_paths(seed_paths() + EXAMPLES, store, db_settings))
    assert all(o.status == "stored" for o in outcomes)
    ids = sorted(o.report_id for o in outcomes)
    # Ties and missing values on every sort key, written behind the index's back (as another process would).
    with store.transaction() as conn:
        conn.execute(reports.update().where(reports.c.id.in_(ids[:3])).values(jurisdiction="同名县", report_year=2022))
        conn.execute(reports.update().where(reports.c.id == ids[3]).values(score=None, published=None, jurisdiction=None))
        conn.execute(reports.update().where(reports.c.id == ids[4]).values(report_year=None, score=71.5))
        conn.execute(reports.update().where(reports.c.id == ids[5]).values(score=71.5))
    return store


def _database_order(store: Store, sort: str, where=None) -> list[int]:
    key = sort.lstrip("-")
    column = reports.c[SORT_COLUMNS.get(key, "id")]
    primary = column.desc().nulls_last() if sort.startswith("-") else column.asc().nulls_last()
    query = sa.select(reports.c.id).order_by(primary, reports.c.id.desc())
    if where is not None:
        query = query.where(where)
    with store.engine.connect() as conn:
        return list(conn.execute(query).scalars())


def test_every_sort_pages_exactly_as_the_database_orders(store) -> None:
    total = store.count_reports()
    for key in [*SORT_COLUMNS, "nonsense"]:
        for sort in (key, "-" + key):
            expected = _database_order(store, sort)
            assert [r["id"] for r in list_page(store, ReportFilter(sort=sort, limit=500)).rows] == expected, sort
            offsets = range(0, total + 1, 2)
            pages = [list_page(store, ReportFilter(sort=sort, limit=2, offset=o)) for o in offsets]
            assert [r["id"] for p in pages for r in p.rows] == expected, sort
            assert all(p.total == total for p in pages)
            assert [p.next_offset for p in pages] == [o + 2 if o + 2 < total else None for o in offsets]


def test_filters_and_a_search_page_and_count_the_reports_they_name(store) -> None:
    first = store.get_report(_database_order(store, "id")[0])
    flt = ReportFilter(year=2022, sort="jurisdiction")
    expected = _database_order(store, "jurisdiction", reports.c.report_year == 2022)
    page = list_page(store, flt)
    assert [r["id"] for r in page.rows] == expected and page.total == len(expected) == 3
    assert list_page(store, ReportFilter(province="不存在的省")).total == 0
    assert list_page(store, ReportFilter(rule="no-such-rule")).total == 0
    # An unknown band is no band, as it always was for the filter.
    assert list_page(store, ReportFilter(band="75")).total == store.count_reports()
    assert list_page(store, ReportFilter(band="none")).total == 1
    hits = search(store, "复议", ReportFilter(sort="-score"))
    with store.engine.connect() as conn:
        holding = {i for i, t in conn.execute(sa.select(reports.c.id, reports.c.text)) if "复议" in t}
    assert 0 < hits.page.total == len(holding) < store.count_reports() + 1
    assert [r["id"] for r in hits.page.rows] == [i for i in _database_order(store, "-score") if i in holding]
    assert first["id"] in {r["id"] for r in list_page(store, ReportFilter(limit=500)).rows}


def _other_process(store: Store) -> Store:
    """The same database through its own engine, as an ingest or a second server worker has."""
    return Store(sa.create_engine(store.engine.url))


def test_a_report_stored_by_another_process_is_in_the_next_page(store, db_settings, tmp_path) -> None:
    before = list_page(store, ReportFilter())
    counts_before = facet_counts(store, ReportFilter())
    other = _other_process(store)
    report = store.get_report(before.rows[0]["id"])
    copy = tmp_path / "copy.txt"
    copy.write_text(report["text"] + "\n附:另存一份。\n", encoding="utf-8")
    [outcome] = ingest_paths([copy], other, db_settings)
    assert outcome.status == "stored"
    after = list_page(store, ReportFilter())
    assert after.total == before.total + 1 and after.rows[0]["id"] == outcome.report_id
    level = report["level"]
    count_of = lambda counts: dict(counts["level"]).get(level, 0)  # noqa: E731
    assert count_of(facet_counts(store, ReportFilter())) == count_of(counts_before) + 1

    # An update elsewhere (a re-analysis) moves the report between bands; a delete removes it.
    with other.transaction() as conn:
        conn.execute(reports.update().where(reports.c.id == outcome.report_id).values(score=12.0))
    assert [r["id"] for r in list_page(store, ReportFilter(band="lt60")).rows] == [outcome.report_id]
    assert ("lt60", 1) in facet_counts(store, ReportFilter())["band"]
    with other.transaction() as conn:
        conn.execute(sightings.delete().where(sightings.c.report_id == outcome.report_id))
        conn.execute(reports.delete().where(reports.c.id == outcome.report_id))
    assert list_page(store, ReportFilter()).total == before.total
    assert facet_counts(store, ReportFilter()) == counts_before
    other.engine.dispose()


def test_an_unchanged_store_is_not_read_again(store) -> None:
    first = facet_loading.current(store)
    list_page(store, ReportFilter(sort="-score"))
    assert facet_loading.current(store) is first
    with store.transaction() as conn:  # any change to the reports, even one no facet shows
        conn.execute(reports.update().where(reports.c.id == int(first.ids[0])).values(title="改过的标题"))
    second = facet_loading.current(store)
    assert second is not first and second.generation > first.generation and second.rewrites > first.rewrites


def test_a_search_leaves_out_a_filtered_facet_only_for_its_own_counts(store) -> None:
    flt = ReportFilter(year=2022)
    result = search(store, "法治", flt)
    everything = search(store, "法治", dataclasses.replace(flt, year=None))
    assert dict(result.facets["year"]) == dict(everything.facets["year"])
    assert sum(n for _, n in result.facets["level"]) == result.page.total == 3


def _copy_report(store: Store, source_id: int, new_id: int, **values) -> None:
    """Store a copy of a report under an id of our choosing, as a writer whose id was taken
    earlier but who commits later would leave it (PostgreSQL hands out ids before commit)."""
    with store.engine.connect() as conn:
        row = dict(conn.execute(sa.select(reports).where(reports.c.id == source_id)).one()._mapping)
        original = dict(conn.execute(sa.select(originals).where(originals.c.sha256 == row["sha256"])).one()._mapping)
    sha = f"{new_id:064d}"
    with store.transaction() as conn:
        conn.execute(originals.insert().values({**original, "sha256": sha}))
        conn.execute(reports.insert().values({**row, "id": new_id, "sha256": sha, **values}))


def _read_with_statements(store: Store, base):
    seen: list[str] = []
    with store.engine.connect() as conn:
        sa.event.listen(conn, "before_cursor_execute", lambda *a: seen.append(a[2]))
        return facet_loading.read(conn, base), seen


def _same_answers(a, b) -> None:
    filters = [ReportFilter(), ReportFilter(year=2022), ReportFilter(level="county", band="80"),
               ReportFilter(rule=(a.rules or ("x",))[0])]
    for flt in filters:
        assert a.counts(flt) == b.counts(flt), flt
        for sort in ("-id", "score", "-jurisdiction", "published", "-year"):
            sorted_by = dataclasses.replace(flt, sort=sort)
            assert a.page(sorted_by, None, 500, 0) == b.page(sorted_by, None, 500, 0), (flt, sort)


def test_new_reports_are_read_alone_and_give_what_reading_everything_gives(store) -> None:
    base = facet_loading.current(store)
    top = int(base.ids[-1])
    _copy_report(store, int(base.ids[0]), top + 1, jurisdiction="新来县", published=None, score=12.5)
    _copy_report(store, int(base.ids[1]), top + 2, province="新省", report_year=2030)
    appended, statements = _read_with_statements(store, base)
    assert any("id >" in s for s in statements)  # only the new reports were read
    assert list(appended.ids[-2:]) == [top + 1, top + 2] and len(appended) == len(base) + 2
    _same_answers(appended, _read_with_statements(store, None)[0])
    assert ("新省", 1) in appended.counts(ReportFilter())["province"]
    assert appended.page(ReportFilter(sort="jurisdiction"), None, 500, 0)[0] == _database_order(store, "jurisdiction")


def test_a_report_committed_late_under_a_lower_id_makes_everything_be_read_again(store) -> None:
    base = facet_loading.current(store)
    top = int(base.ids[-1])
    _copy_report(store, int(base.ids[0]), top + 10)
    after_first = facet_loading.current(store)
    _copy_report(store, int(base.ids[1]), top + 5)  # below the highest id the index holds
    again, statements = _read_with_statements(store, after_first)
    assert top + 5 in set(again.ids.tolist()) and len(again) == len(base) + 2
    reads = [s for s in statements if "FROM reports" in s]  # the statements reading index rows
    assert len(reads) == 2 and "id >" in reads[0] and "id >" not in reads[1]  # found a gap: all read again
    assert list_page(store, ReportFilter(limit=500)).total == len(base) + 2


def test_the_rows_shown_are_the_database_rows_exactly(store) -> None:
    """The list's rows come from memory: each column as the database gives it, a score at full
    precision (SQLite's JSON would write 0.30000000000000004 as 0.3) and dates as dates."""
    first = _database_order(store, "id")[-1]
    with store.transaction() as conn:
        conn.execute(reports.update().where(reports.c.id == first).values(score=0.1 + 0.2, title="含\"引号\"与\\的标题"))
    columns = ("id", "jurisdiction", "level", "province", "city", "report_year", "published", "score", "title",
               "source", "format")
    with store.engine.connect() as conn:
        expected = [dict(r._mapping) for r in conn.execute(
            sa.select(*(reports.c[c] for c in columns)).order_by(reports.c.id.desc()))]
    rows = list_page(store, ReportFilter(limit=500)).rows
    assert rows == expected
    assert [list(r) for r in rows] == [list(columns)] * len(rows)  # the export's column order
    assert rows[0]["score"] == 0.1 + 0.2 and any(r["published"] for r in rows)
