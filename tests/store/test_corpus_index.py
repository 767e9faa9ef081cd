"""The corpus index in the store (SQLite and PostgreSQL): copies found by lookup, stock language apart."""

from __future__ import annotations

import sqlalchemy as sa

from fazhi.store import open_store
from fazhi.store.corpus_index import corpus_copies, index_pending, pending_ids, reuse_for
from fazhi.store.corpus_tables import corpus_bands
from fazhi.store.ingest_run import ingest_paths
from tests.comparison.support import SEED_000, planted_copy_text
from tests.conftest import seed_paths


def _store_with_copy(db_settings, tmp_path):
    text, pasted = planted_copy_text()
    fictional = tmp_path / "示例乙县2024年度法治政府建设情况报告.txt"
    fictional.write_text(text, encoding="utf-8")
    store = open_store(db_settings)
    outcomes = list(ingest_paths([*seed_paths(), fictional], store, db_settings))
    index_pending(store)
    ids = {o.source: o.report_id for o in outcomes}
    return store, ids[str(fictional)], ids[str(SEED_000)], text, pasted


def test_a_pasted_paragraph_is_found_with_both_spans(db_settings, tmp_path) -> None:
    store, new_id, seed_id, text, pasted = _store_with_copy(db_settings, tmp_path)
    result = reuse_for(store, new_id)
    [copy] = result.copies
    seed_text = SEED_000.read_text(encoding="utf-8")
    assert copy.other == seed_id
    assert text[copy.start:copy.end] == seed_text[copy.other_start:copy.other_end] == copy.text
    assert copy.end - copy.start >= 0.95 * len(pasted) and copy.text in pasted


def test_the_shared_preamble_is_stock_language_not_copying(db_settings, tmp_path) -> None:
    store, new_id, seed_id, text, _ = _store_with_copy(db_settings, tmp_path)
    result = reuse_for(store, new_id)
    preamble_end = text.index("现将有关情况报告如下")
    stock = [s for s in result.shared if s.kind == "stock"]
    assert any(s.other == seed_id and s.start < preamble_end for s in stock)
    assert not any(s.start < preamble_end for s in result.copies)
    assert result.boilerplate_share > 0


def test_indexing_is_done_once_and_band_keys_are_stored(db_settings, tmp_path) -> None:
    store, *_ = _store_with_copy(db_settings, tmp_path)
    assert pending_ids(store) == [] and index_pending(store) == 0
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(corpus_bands)).scalar_one() > 0


def test_corpus_wide_search_finds_the_same_copy_once(db_settings, tmp_path) -> None:
    store, new_id, seed_id, *_ = _store_with_copy(db_settings, tmp_path)
    copies = corpus_copies(store)
    assert {frozenset((c.report, c.other)) for c in copies} == {frozenset((new_id, seed_id))}
