"""The one place that says what two units have in common."""

from __future__ import annotations

import pytest

from fazhi.figures.units import base_unit, unit_family


@pytest.mark.parametrize("unit, base", [("件", "件"), ("件(次)", "件"), ("场（次）", "场"), ("", ""), ("人次", "人次")])
def test_base_unit_drops_the_bracket(unit: str, base: str) -> None:
    assert base_unit(unit) == base


def test_people_share_a_family_but_attendances_do_not() -> None:
    assert unit_family("人") == unit_family("名") == unit_family("位") == unit_family("人(次)")
    assert unit_family("人次") != unit_family("人")  # 1000人次 may be 300 people
    assert unit_family("件(次)") == unit_family("件")
