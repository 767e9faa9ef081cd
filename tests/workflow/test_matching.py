"""Reports are matched to roster units by identity; unsure matches offer a choice; strangers are flagged."""

from __future__ import annotations

from fazhi.workflow import Unit, match_unit
from tests.workflow.conftest import SEED_UNITS


def test_each_seed_matches_its_unit_surely(analyses, units) -> None:
    matches = [match_unit(a, units) for a, _ in analyses]
    assert all(m.sure for m in matches)
    assert [m.unit.name for m in matches] == list(SEED_UNITS)


def test_a_report_from_a_unit_not_on_the_roster_is_flagged(analyses, units) -> None:
    match = match_unit(analyses[0][0], [u for u in units if u.name != "孝义市人民政府"])
    assert match.off_roster and "不在本批次名单内" in match.reason


def test_a_near_name_is_offered_as_a_choice_not_taken(analyses) -> None:
    match = match_unit(analyses[4][0], [Unit("海原县司法局", id=1), Unit("绵阳市人民政府", id=2)])
    assert not match.sure and [u.name for u in match.candidates] == ["海原县司法局"]


def test_two_units_of_one_name_are_told_apart_by_parent(analyses) -> None:
    units = [Unit("海原县", parent="中卫市", id=1), Unit("海原县", parent="某某市", id=2)]
    assert match_unit(analyses[4][0], units).unit.id == 1
    unsure = match_unit(analyses[4][0], [Unit("海原县", id=1), Unit("海原县人民政府", id=2)])
    assert not unsure.sure and len(unsure.candidates) == 2
