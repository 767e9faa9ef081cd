"""Search finds exactly what reading every text finds, on SQLite and PostgreSQL, and its counts are right.

PostgreSQL confirms phrases on ``search_texts`` (migration 0006_pgsearch), a copy
of each text in overlapping chunks kept by a trigger: these tests hold that copy
to the texts through inserts, updates, deletes and an upgrade from 0005.
"""

from __future__ import annotations

import importlib.util
import json

import pytest
import sqlalchemy as sa

from fazhi.core.settings import Settings
from fazhi.store import open_store
from fazhi.store.db import _MIGRATIONS, Store
from fazhi.store.ingest_run import ingest_paths
from fazhi.store.listing import BANDS, FACETS, ReportFilter, facet_counts
from fazhi.store.search import CHUNK_OVERLAP, CHUNK_STRIDE, matching_ids, search, terms_of
from tests.conftest import seed_paths
from tests.store.conftest import engine_at, head_revision
from tests.support.postgres import new_database


@pytest.fixture
def store(db_settings) -> Store:
    store = open_store(db_settings)
    assert all(o.status == "stored" for o in ingest_paths(seed_paths(), store, db_settings))
    return store


def _texts(store: Store) -> dict[int, str]:
    return {r["id"]: store.get_report(r["id"])["text"] for r in store.list_reports()}


def _holding(texts: dict[int, str], query: str) -> list[int]:
    terms = terms_of(query)
    return sorted(i for i, text in texts.items() if all(t in text for t in terms))


def _found(store: Store, query: str) -> list[int]:
    return sorted(matching_ids(store, terms_of(query)))


def _phrase(text: str, start: int, length: int) -> str | None:
    """The text at ``start``, if it has no whitespace (a query splits there)."""
    piece = text[start:start + length]
    return piece if len(piece) == length and not any(c.isspace() for c in piece) else None


def test_two_character_words_and_longer_phrases_find_exactly_the_reports_holding_them(store) -> None:
    texts = _texts(store)
    longest = max(texts.values(), key=len)
    middle = len(longest) // 2
    sentence = next(p for s in range(middle, len(longest)) if (p := _phrase(longest, s, 30)))
    beyond_a_chunk = next(p for s in range(middle, len(longest)) if (p := _phrase(longest, s, CHUNK_OVERLAP + 20)))
    queries = ("复议", "应诉", "普法", "行政复议", "合法性审查", "海原县", "复议 应诉", "行政执法 海原县",
               sentence, beyond_a_chunk, "不存在的词语组合", "法")
    some_not_all = 0
    for query in queries:
        expected = _holding(texts, query)
        assert _found(store, query) == expected, query
        some_not_all += 0 < len(expected) < len(texts)
    assert _holding(texts, "复议") and _holding(texts, sentence) and _holding(texts, beyond_a_chunk)
    assert some_not_all >= 3  # the queries tell the reports apart, so a search that found all would fail


def test_a_phrase_across_any_chunk_boundary_is_found(store) -> None:
    """Wherever a PostgreSQL chunk starts, phrases that begin before it are found: those of up to
    CHUNK_OVERLAP + 1 characters lie whole in the chunk before, longer ones in no chunk at all."""
    texts = _texts(store)
    cases = ((1, 2), (1, 3), (2, 5), (1, CHUNK_OVERLAP + 1), (CHUNK_OVERLAP, CHUNK_OVERLAP + 1),
             (1, CHUNK_OVERLAP + 2), (CHUNK_OVERLAP + 1, CHUNK_OVERLAP + 2))
    tried = 0
    for report_id, text in texts.items():
        for edge in range(CHUNK_STRIDE, len(text), CHUNK_STRIDE):
            for before, length in cases:
                phrase = _phrase(text, edge - before, length)
                if phrase:
                    assert report_id in _found(store, phrase), (report_id, edge, phrase)
                    tried += 1
    assert tried > 100


def _failed_rules(report: dict) -> set[str]:
    analysis = report["analysis"] if isinstance(report["analysis"], dict) else json.loads(report["analysis"])
    return {f["rule"] for f in analysis["findings"] if f["status"] == "failed"}


def _band(score: float | None) -> str:
    if score is None:
        return "none"
    return next((name for name, (low, _) in BANDS.items() if low is not None and score >= low), "lt60")


def _brute_force_facets(reports: list[dict], flt: ReportFilter) -> dict[str, list[tuple]]:
    keys = {"province": "province", "city": "city", "level": "level", "year": "report_year"}

    def passes(report: dict, f: ReportFilter) -> bool:
        return (all(getattr(f, k) in (None, "") or report[c] == getattr(f, k) for k, c in keys.items())
                and (f.band is None or _band(report["score"]) == f.band)
                and (f.rule is None or f.rule in _failed_rules(report)))

    out = {}
    for facet in FACETS:
        counts: dict = {}
        for report in reports:
            if not passes(report, flt.without(facet)):
                continue
            if facet == "rule":
                values = _failed_rules(report)
            else:
                values = {_band(report["score"])} if facet == "band" else {report[keys[facet]]}
            for value in values - {None}:
                counts[value] = counts.get(value, 0) + 1
        out[facet] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return out


def test_facet_counts_equal_a_count_of_every_report(store) -> None:
    reports = [store.get_report(r["id"]) for r in store.list_reports()]
    first = reports[0]
    rule = sorted(_failed_rules(first))[0]
    filters = [ReportFilter(), ReportFilter(year=first["report_year"]), ReportFilter(province=first["province"]),
               ReportFilter(rule=rule), ReportFilter(band=_band(first["score"])),
               ReportFilter(level=first["level"], year=first["report_year"]), ReportFilter(band="90")]
    for flt in filters:
        assert facet_counts(store, flt) == _brute_force_facets(reports, flt), flt
        for query in ("复议", "行政执法", "海原县"):
            matched = [r for r in reports if all(t in r["text"] for t in terms_of(query))]
            assert search(store, query, flt).facets == _brute_force_facets(matched, flt), (query, flt)


def _chunks(store: Store) -> dict[int, list[str]]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT report_id, chunk, body FROM search_texts ORDER BY report_id, chunk"))
        out: dict[int, list[str]] = {}
        for report_id, chunk, body in rows:
            assert chunk == len(out.setdefault(report_id, []))
            out[report_id].append(body)
    return out


def _assert_chunks_are_the_texts(store: Store) -> None:
    texts, chunks = _texts(store), _chunks(store)
    assert set(chunks) == set(texts)
    for report_id, text in texts.items():
        bodies = chunks[report_id]
        assert "".join(b[:CHUNK_STRIDE] for b in bodies) == text
        assert all(b == text[i * CHUNK_STRIDE:(i + 1) * CHUNK_STRIDE + CHUNK_OVERLAP] for i, b in enumerate(bodies))


@pytest.fixture
def pg_store(pg_url, tmp_path) -> Store:
    """search_texts exists on PostgreSQL only (SQLite's FTS5 index is exact): this runs there alone."""
    settings = Settings(data_dir=tmp_path / "data", database_url=new_database(pg_url))
    store = open_store(settings)
    assert all(o.status == "stored" for o in ingest_paths(seed_paths(), store, settings))
    return store


def test_postgres_chunks_follow_inserts_updates_and_deletes(pg_store) -> None:
    store = pg_store
    _assert_chunks_are_the_texts(store)
    target, other = sorted(_texts(store))[:2]
    new_text = "更新后的正文:" + "依法行政" * 300 + "独一无二的短语在此结尾"
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE reports SET text = :t WHERE id = :i"), {"t": new_text, "i": target})
    _assert_chunks_are_the_texts(store)
    assert _found(store, "独一无二的短语在此结尾") == [target]
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE reports SET text = '' WHERE id = :i"), {"i": target})
    assert _chunks(store)[target] == [""]
    with store.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM sightings WHERE report_id = :i"), {"i": other})
        conn.execute(sa.text("DELETE FROM reports WHERE id = :i"), {"i": other})
    assert other not in _chunks(store)
    _assert_chunks_are_the_texts(store)


def test_the_migration_and_the_search_agree_on_the_chunks() -> None:
    spec = importlib.util.spec_from_file_location("m0006", _MIGRATIONS / "versions" / "0006_pgsearch.py")
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    assert (migration.STRIDE, migration.LENGTH) == (CHUNK_STRIDE, CHUNK_STRIDE + CHUNK_OVERLAP)


def test_a_0005_database_is_upgraded_and_its_search_still_works(db_settings) -> None:
    engine = engine_at(db_settings, "0005_season")
    old = Store(engine)
    assert all(o.status == "stored" for o in ingest_paths(seed_paths(), old, db_settings))
    engine.dispose()

    store = open_store(db_settings)
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    texts = _texts(store)
    for query in ("复议", "行政复议", "合法性审查 海原县"):
        assert _found(store, query) == _holding(texts, query)
    if store.engine.dialect.name == "postgresql":
        _assert_chunks_are_the_texts(store)
