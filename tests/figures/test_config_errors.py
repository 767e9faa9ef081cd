"""A broken data file is reported in one Chinese line: the file, the item, the problem."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fazhi.core.errors import ConfigError
from fazhi.figures import validation
from fazhi.figures.catalog import catalog
from fazhi.figures.lexicon import exclusions, lexicon


@pytest.fixture
def clean_caches() -> Iterator[None]:
    for f in (catalog, lexicon, exclusions):
        f.cache_clear()
    yield
    for f in (catalog, lexicon, exclusions):
        f.cache_clear()


def _error(load: Callable[[], object]) -> str:
    with pytest.raises(ConfigError) as err:
        load()
    message = str(err.value)
    assert "\n" not in message
    assert "validation error" not in message and "pydantic" not in message  # no raw dump
    return message


def _patched(monkeypatch: pytest.MonkeyPatch, change: Callable[[str, dict], None]) -> None:
    """Every packaged data file passes through ``change(file name, data)`` after it is read."""
    real = validation.read_toml

    def broken(path: Path, what: str) -> dict:
        data = real(path, what)
        change(Path(path).name, data)
        return data

    monkeypatch.setattr(validation, "read_toml", broken)


def test_a_catalog_item_names_its_file_place_and_id(monkeypatch: pytest.MonkeyPatch, clean_caches: None) -> None:
    def change(name: str, data: dict) -> None:
        if name == "rules.toml":
            data["indicators"][0]["kind"] = "speed"

    _patched(monkeypatch, change)
    message = _error(catalog)
    assert "rules.toml" in message and "indicators[0].kind" in message
    assert "rules." in message  # the indicator's own id names the item
    assert "'speed'" in message and "不在允许范围" in message


def test_a_catalog_validator_speaks_chinese(monkeypatch: pytest.MonkeyPatch, clean_caches: None) -> None:
    def change(name: str, data: dict) -> None:
        if name == "rules.toml":
            data["indicators"][0]["variants"] = []

    _patched(monkeypatch, change)
    message = _error(catalog)
    assert "indicators[0].variants" in message and "至少要有一个 variant" in message


def test_a_missing_lexicon_field(monkeypatch: pytest.MonkeyPatch, clean_caches: None) -> None:
    def change(name: str, data: dict) -> None:
        if name == "lexicon.toml":
            del data["units"]["count"]

    _patched(monkeypatch, change)
    message = _error(lexicon)
    assert "lexicon.toml" in message and "units.count" in message and "缺少" in message


def test_an_unknown_exclusions_field_and_a_bad_regex(monkeypatch: pytest.MonkeyPatch, clean_caches: None) -> None:
    def change(name: str, data: dict) -> None:
        if name == "exclusions.toml":
            data["patterns"][0]["regex"] = "([0-9"
            data["chinese"]["count_befor"] = ["共"]

    _patched(monkeypatch, change)
    message = _error(exclusions)
    assert "exclusions.toml" in message
    assert "patterns[0].regex(date)" in message and "正则表达式无法编译" in message
    assert "另有 1 处问题" in message
