"""The five seed reports analysed once per session, and their letters written once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fazhi.core.settings import Settings
from fazhi.letters import Letter, build_letter, write_letter
from fazhi.pipeline import analyze_path

SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"
NAMES = sorted(p.stem for p in SEEDS.glob("*.txt"))
DATE = dt.date(2025, 3, 20)
REVIEWER = "王审核"


def short(name: str) -> str:
    return name.split("_")[0]


@pytest.fixture(scope="session")
def analyses() -> dict[str, tuple[dict, str]]:
    """Seed name -> (analysis JSON, source text), the two inputs of a letter."""
    assert len(NAMES) == 5, f"expected the five seed reports in {SEEDS}"
    out = {}
    for name in NAMES:
        analysis = analyze_path(SEEDS / f"{name}.txt", Settings())
        out[name] = (analysis.to_json(), analysis.document.text)
    return out


@pytest.fixture(scope="session")
def letters(analyses: dict[str, tuple[dict, str]]) -> dict[str, Letter]:
    return {name: build_letter(a, text, reviewer=REVIEWER, date=DATE) for name, (a, text) in analyses.items()}


@pytest.fixture(scope="session")
def written(letters: dict[str, Letter], tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Seed name -> {"md", "html", "docx"} paths, all five written into one folder."""
    out_dir = tmp_path_factory.mktemp("letters")
    return {name: write_letter(letter, out_dir, short(name)) for name, letter in letters.items()}


def markdown(written: dict[str, dict[str, Path]], name: str) -> str:
    """The Markdown letter with its escapes and bold marks removed, for looking up plain text in it."""
    return written[name]["md"].read_text(encoding="utf-8").replace("\\", "").replace("**", "")
