"""Identity accuracy on the gold seeds, per field, against pinned floors."""

from __future__ import annotations

from fazhi.core.settings import Settings
from fazhi.pipeline import analyze_path
from tests.conftest import gold, seed_paths
from tests.corpus.gate import check_floor

FIELDS = ("title", "jurisdiction", "level", "report_year", "published", "issuer", "doc_number")


def _measure() -> dict[str, float]:
    hits = dict.fromkeys(FIELDS, 0)
    paths = seed_paths()
    for path in paths:
        got = analyze_path(path, Settings()).to_json()
        expected = gold(path)
        j = got["jurisdiction"] or {}
        values = {**got, "jurisdiction": j.get("name"), "level": j.get("level")}
        for field in FIELDS:
            hits[field] += values[field] == expected[field]
    return {f"identity.{field}.accuracy": hits[field] / len(paths) for field in FIELDS}


def test_identity_fields_stay_above_their_floors() -> None:
    for metric, value in _measure().items():
        check_floor("identity", metric, value)
