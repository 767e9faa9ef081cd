"""Which roster unit sent this report: by the report's identity, with a choice offered when unsure."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fazhi.core.fold import fold
from fazhi.workflow.model import Unit

# What offices add to a place's name on a roster and reports leave off (or the reverse).
_SUFFIX = re.compile(r"(人民政府|政府|管理委员会|管委会|办公室)$")
# The level word at the end of a place name: 海原县 and 海原 name the same place.
_LEVEL_END = re.compile(r"(自治县|自治州|自治旗|特别行政区|新区|县|市|区|旗|州|盟|镇|乡|街道)$")


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome of matching one report to the roster.

    ``unit`` is set only when the match is sure; otherwise ``candidates`` holds
    the units a person should choose from (empty: the unit is not on the roster).
    ``reason`` says in Chinese how the match was made, for the page and the audit trail.
    """

    unit: Unit | None
    candidates: tuple[Unit, ...]
    reason: str

    @property
    def sure(self) -> bool:
        return self.unit is not None

    @property
    def off_roster(self) -> bool:
        return self.unit is None and not self.candidates


def _key(name: str) -> str:
    return _SUFFIX.sub("", fold(name).replace(" ", "").strip())


def _stem(name: str) -> str:
    key = _key(name)
    stem = _LEVEL_END.sub("", key)
    return stem if len(stem) >= 2 else key  # 沙县 stays 沙县: one character names nothing


def _names(analysis: Mapping[str, Any]) -> list[str]:
    place = analysis.get("jurisdiction") or {}
    names = [place.get("name"), *(str(analysis.get("issuer") or "").split())]
    return [n for n in names if n]


def match_unit(analysis: Mapping[str, Any], units: Sequence[Unit]) -> Match:
    names = _names(analysis)
    if not names:
        return Match(None, tuple(units), "报告未能识别出单位名称,请人工指定")
    keys = {_key(n) for n in names}
    exact = [u for u in units if _key(u.name) in keys]
    if len(exact) == 1:
        return Match(exact[0], (), f"单位名称一致:{exact[0].name}")
    if len(exact) > 1:
        narrowed = _by_parent(analysis, exact)
        if len(narrowed) == 1:
            return Match(narrowed[0], (), f"单位名称与上级单位一致:{narrowed[0].name}")
        return Match(None, tuple(exact), f"名单中有{len(exact)}个同名单位,请选择")
    stems = {_stem(n) for n in names}
    close = [u for u in units if _stem(u.name) in stems or any(_contains(_key(u.name), k) for k in keys)]
    if close:
        return Match(None, tuple(close), "单位名称相近但不完全一致,请确认")
    return Match(None, (), f"名单中没有“{names[0]}”,该报告不在本批次名单内")


def _contains(a: str, b: str) -> bool:
    return len(min(a, b, key=len)) >= 3 and (a in b or b in a)


def _by_parent(analysis: Mapping[str, Any], units: Sequence[Unit]) -> list[Unit]:
    place = analysis.get("jurisdiction") or {}
    above = [_stem(p) for p in (place.get("city"), place.get("province")) if p and p != place.get("name")]
    return [u for u in units if u.parent and any(a and a in _key(u.parent) for a in above)]
