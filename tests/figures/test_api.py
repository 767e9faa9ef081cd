"""The public surface: names, the JSON contract, grounding on the seeds."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from fazhi.figures import CATALOG_VERSION, FIGURES_DATA_VERSION, Figure, check_consistency, extract_figures
from fazhi.figures.lexicon import exclusions, lexicon
from tests.figures.helpers import figures

SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"


def test_json_contract() -> None:
    f = figures("兑现惠企资金1.17亿元。")[0]
    data = f.to_json()
    for key in ("text", "offset", "value", "unit", "approx", "low", "high", "compare", "label", "indicator"):
        assert key in data
    assert data["value"] == 117000000 and isinstance(data["value"], int)
    assert (data["text"], data["unit"], data["approx"], data["compare"]) == ("1.17亿元", "元", False, None)
    json.dumps(data, ensure_ascii=False)


def test_fractional_values_are_floats_in_json() -> None:
    data = figures("考核分值提高至5.5分。")[0].to_json()
    assert data["value"] == 5.5 and isinstance(data["value"], float)


def test_figures_are_frozen() -> None:
    f = figures("受理行政复议案件66件。")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.value = 1  # type: ignore[misc]


def test_results_are_in_text_order() -> None:
    figs = figures("受理66件,办结60件,纠错4件。")
    assert [f.offset for f in figs] == sorted(f.offset for f in figs)


def test_empty_text() -> None:
    assert extract_figures("") == ()
    assert check_consistency((), "") == ()


def test_catalog_version_is_a_string() -> None:
    assert isinstance(CATALOG_VERSION, str) and CATALOG_VERSION


def test_data_version_names_both_grammar_files() -> None:
    # Which figures are found depends on lexicon.toml and exclusions.toml: results record both.
    assert FIGURES_DATA_VERSION == f"lexicon-{lexicon().version}+exclusions-{exclusions().version}"


def test_versions_are_not_read_at_import() -> None:
    import fazhi.figures

    assert "FIGURES_DATA_VERSION" in fazhi.figures.__all__
    assert "FIGURES_DATA_VERSION" not in vars(fazhi.figures)  # computed on access, like CATALOG_VERSION


def test_masked_noise_is_never_a_figure() -> None:
    text = "阅读: 1234 次\n受理案件66件。"
    masked = " " * len("阅读: 1234 次") + text[len("阅读: 1234 次"):]
    assert [f.text for f in extract_figures(masked)] == ["66件"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed reports not present")
def test_every_surface_on_every_seed_is_grounded() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for f in extract_figures(text):
            assert isinstance(f, Figure)
            assert text[f.offset : f.offset + len(f.text)] == f.text
            f.span.check(text)
