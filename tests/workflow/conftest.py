"""The five seeds analysed once, and a roster of their units plus one that never reports."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from fazhi.core.settings import Settings
from fazhi.workflow import Season, Unit
from tests.conftest import seed_paths

SEED_UNITS = ("孝义市人民政府", "鞍山市人民政府", "开封市示范区管委会", "绵阳市人民政府", "海原县人民政府")
SILENT_UNIT = "示例县人民政府"  # on the roster, never reports


@cache
def seed_analyses() -> tuple[tuple[dict, str], ...]:
    from fazhi.pipeline import analyze_path

    out = []
    for path in seed_paths():
        analysis = analyze_path(path, Settings())
        out.append((analysis.to_json(), analysis.document.text))
    return tuple(out)


@pytest.fixture
def analyses() -> tuple[tuple[dict, str], ...]:
    return seed_analyses()


@pytest.fixture
def units() -> list[Unit]:
    return [Unit(name, id=i) for i, name in enumerate((*SEED_UNITS, SILENT_UNIT), start=1)]


@pytest.fixture
def season() -> Season:
    return Season(1, "2024年度审核", 2024, dt.date(2025, 3, 1), dt.date(2025, 3, 31))
