"""What two units have in common: the unit before its bracket, and the family it counts in.

``件(次)`` counts what ``件`` counts, and 人, 名 and 位 all count people. 人次
does not: 1000人次 of training may be 300 people, so a part in 人次 is never
checked against a whole in 人.
"""

from __future__ import annotations

_PERSONS = frozenset({"人", "名", "位"})


def base_unit(unit: str) -> str:
    """``件(次)`` -> ``件``: the unit without its bracketed variant."""
    for i, ch in enumerate(unit):
        if ch in "(（":
            return unit[:i]
    return unit


def unit_family(unit: str) -> str:
    """Units whose figures count the same kind of thing share a family (件 and 件(次); 人 and 名)."""
    base = base_unit(unit)
    return "人" if base in _PERSONS else base
