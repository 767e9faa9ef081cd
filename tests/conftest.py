"""Fixtures shared by the whole suite: the seed reports, their gold labels, settings, databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fazhi.core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"


def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5, f"expected the five seed reports in {SEEDS}"
    return paths


def gold(path: Path) -> dict:
    return json.loads((SEEDS / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings whose SQLite database lives in a fresh temporary folder."""
    return Settings(data_dir=tmp_path / "data")


pytest_plugins = ["tests.support.postgres"]
