"""Reuse without a database: MinHash band keys, exact alignment, stock language, candidate pairs."""

from __future__ import annotations

from fazhi.corpus.model import ReportRecord
from fazhi.corpus.reuse import BANDS, align, candidate_pairs, fingerprint, reuse_report
from fazhi.corpus.stock import stock_share
from tests.comparison.support import SEED_000, planted_copy_text


def _rec(report_id: int, text: str) -> ReportRecord:
    return ReportRecord(report_id, None, None, None, None, None, None, None, None, None, text, {})


def test_the_same_paragraph_gets_the_same_band_keys_in_any_report() -> None:
    text, pasted = planted_copy_text()
    seed = SEED_000.read_text(encoding="utf-8")
    mine = {p.keys for p in fingerprint(text) if p.keys}
    theirs = {p.keys for p in fingerprint(seed) if p.keys}
    shared = mine & theirs
    assert shared and all(len(keys) == BANDS for keys in shared)


def test_alignment_spans_index_both_texts() -> None:
    a = "甲县开展了行政执法案卷评查工作,评查案卷210卷,发现问题37个,全部完成整改。"
    b = "乙县今年开展了行政执法案卷评查工作,评查案卷210卷,发现问题37个,全部完成整改并通报。"
    [(s0, s1, t0, t1, n)] = align(a, 0, len(a), b, 0, len(b))
    assert a[s0:s1] == b[t0:t1] and n == s1 - s0 >= 30


def test_a_passage_of_stock_phrases_is_stock() -> None:
    assert stock_share("坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想") > 0.8
    assert stock_share("全年办理行政复议案件855件,办结655件") == 0


def test_a_key_held_by_many_reports_yields_no_candidate_pairs() -> None:
    rows = sorted([(7, r, 0) for r in range(1, 11)] + [(8, 1, 2), (8, 2, 5), (9, 1, 2), (9, 2, 5)])
    pairs = candidate_pairs(rows, stock_min=5)
    assert dict(pairs) == {(1, 2): [(2, 5)]}


def test_chunks_sharing_one_band_key_only_are_not_candidates() -> None:
    rows = sorted([(8, 1, 2), (8, 2, 5), (9, 3, 1), (9, 4, 1), (10, 3, 1), (10, 4, 1)])
    assert dict(candidate_pairs(rows, stock_min=5)) == {(3, 4): [(1, 1)]}


def test_a_report_alone_has_no_shared_passages_but_a_boilerplate_share() -> None:
    text, _ = planted_copy_text()
    result = reuse_report(_rec(1, text), fingerprint(text), {}, [])
    assert result.shared == () and 0 < result.boilerplate_share < 0.5
