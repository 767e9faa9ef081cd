"""Identity of the five real seed reports, as labelled by hand in shared/seeds/gold."""

from __future__ import annotations

import pytest

from fazhi.core.settings import Settings
from fazhi.pipeline import analyze_path
from tests.conftest import gold, seed_paths

# Gold gives the parent as one string (山西省吕梁市); fazhi splits it.
PARENTS = {
    "山西省吕梁市": ("山西省", "吕梁市"),
    "辽宁省": ("辽宁省", None),
    "河南省开封市": ("河南省", "开封市"),
    "四川省": ("四川省", None),
    "宁夏回族自治区中卫市": ("宁夏回族自治区", "中卫市"),
}


@pytest.fixture(scope="module", params=seed_paths(), ids=lambda p: p.name[:3])
def seed(request):
    path = request.param
    return analyze_path(path, Settings()).to_json(), gold(path), path


@pytest.mark.parametrize("field", ["title", "report_year", "published", "issuer", "doc_number"])
def test_identity_field_matches_gold(seed, field: str) -> None:
    got, expected, _ = seed
    assert got[field] == expected[field]


def test_jurisdiction_name_and_level_match_gold(seed) -> None:
    got, expected, _ = seed
    assert got["jurisdiction"]["name"] == expected["jurisdiction"]
    assert got["jurisdiction"]["level"] == expected["level"]


def test_jurisdiction_parents_match_gold(seed) -> None:
    got, expected, _ = seed
    province, city = PARENTS[expected["parent"]]
    j = got["jurisdiction"]
    assert j["province"] == province
    if city is not None:
        assert j["city"] == city


def test_division_code_is_the_gb2260_code_where_one_exists(seed) -> None:
    got, expected, _ = seed
    codes = {"孝义市": "141181", "鞍山市": "210300", "开封市示范区": None, "绵阳市": "510700", "海原县": "640522"}
    assert got["jurisdiction"]["code"] == codes[expected["jurisdiction"]]


def test_identity_evidence_points_at_the_source_text(seed) -> None:
    got, _, path = seed
    text = path.read_text(encoding="utf-8")
    j = got["jurisdiction"]["evidence"]
    assert text[j["offset"] : j["offset"] + j["length"]] == got["jurisdiction"]["name"]
    for name, ev in got["identity_evidence"].items():
        if "offset" in ev and name != "jurisdiction":  # its evidence is checked just above
            surface = text[ev["offset"] : ev["offset"] + ev["length"]]
            value = str(got[name])
            assert value.replace(" ", "") in surface.replace("\n", "").replace(" ", "") or ev["source"] == "derived" or (
                name == "published" and surface.startswith(value[:4])
            ), (name, surface, value)
