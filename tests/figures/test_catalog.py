"""The indicator catalog: a validated data file."""

from __future__ import annotations

from collections import Counter

import pytest

from fazhi.core.errors import ConfigError
from fazhi.figures import CATALOG_VERSION
from fazhi.figures.catalog import KINDS, catalog
from fazhi.figures.lexicon import lexicon


def test_at_least_a_hundred_indicators() -> None:
    assert len(catalog().indicators) >= 100


def test_every_area_has_indicators() -> None:
    cat = catalog()
    per_area = Counter(ind.area for ind in cat.indicators)
    assert {a for a, _, _ in cat.areas} == set(per_area)
    assert all(n >= 5 for n in per_area.values()), per_area


def test_ids_are_unique_and_stable_shaped() -> None:
    ids = [ind.id for ind in catalog().indicators]
    assert len(ids) == len(set(ids))
    for i in ids:
        area, _, name = i.partition(".")
        assert area and name and name.replace("_", "").isalnum() and name.isascii(), i


def test_kinds_and_units_are_known() -> None:
    lex = lexicon()
    known = lex.count_units | lex.measure_units | lex.time_units | lex.percent_units | lex.word_units
    for ind in catalog().indicators:
        assert ind.kind in KINDS
        assert ind.unit in known, (ind.id, ind.unit)
        for u in ind.units:
            assert u in known, (ind.id, u)
        assert not ind.units or ind.unit in ind.units, ind.id


def test_names_are_chinese_and_variants_not_empty() -> None:
    for ind in catalog().indicators:
        assert any("\u4e00" <= c <= "\u9fff" for c in ind.name), ind.id
        assert ind.variants and all(terms for _, terms in ind.variants)


def test_version_is_exported() -> None:
    assert CATALOG_VERSION == catalog().version and CATALOG_VERSION


def test_ids_must_start_with_their_area(monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    from fazhi.figures import validation

    real = validation.read_toml

    def misplaced(path: Path, what: str) -> dict:
        data = real(path, what)
        if Path(path).name == "rules.toml":
            data["indicators"][0]["id"] = "disputes.misplaced"
        return data

    catalog.cache_clear()
    monkeypatch.setattr(validation, "read_toml", misplaced)
    try:
        with pytest.raises(ConfigError):
            catalog()
    finally:
        monkeypatch.undo()
        catalog.cache_clear()
