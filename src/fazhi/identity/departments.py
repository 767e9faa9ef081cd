"""The catalog of government departments (data/departments.toml) and matching against it.

A report names its department in three ways: with its place (鞍山市司法局,
江西省交通运输厅), by role (市公安局, 县司法局: the place is the report's own)
or as a State Council department (司法部, 国家税务总局). Short forms
(市场监管局, 人社局) are read as the official name, which is what the
jurisdiction records.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from fazhi.core.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Department:
    name: str  # city/county form
    province: str  # provincial form (厅 where there is one)
    national: str | None
    aliases: tuple[str, ...]
    cues: tuple[str, ...]
    # Other official names of the same office, kept as written: a city whose water bureau also runs
    # its water supply calls it 水务局 (武汉市水务局), and that is its name, not a short form of 水利局.
    names: tuple[str, ...] = ()

    def official(self, place: str, level: str | None, form: str | None = None) -> str:
        """The official name at a place: 厅 under a province or 自治区, 局 below and in 北京市/天津市."""
        if form in self.names:
            return form
        return self.province if level == "province" and not place.endswith("市") else self.name


@dataclass(frozen=True, slots=True)
class Match:
    department: Department
    end: int  # offset just after the matched form
    national: bool
    form: str = ""  # the form as written  # the form written is the State Council one (司法部)


class Catalog:
    def __init__(self, departments: list[Department], version: str):
        self.departments = departments
        self.version = version
        forms: dict[str, tuple[Department, bool]] = {}
        for dept in departments:
            if dept.national:
                forms.setdefault(dept.national, (dept, True))
            for form in (dept.name, dept.province, *dept.names, *dept.aliases):
                forms.setdefault(form, (dept, False))
        self._forms = forms
        # Every word of the departments' own vocabulary, to tell a field word (公安, 司法) from a
        # place's short name that happens to be written the same (公安县 -> 公安).
        self._vocabulary = "|".join(
            w for d in departments for w in (d.name, d.province, d.national or "", *d.names, *d.aliases, *d.cues) if w
        )
        self._pattern = re.compile("|".join(sorted(map(re.escape, forms), key=len, reverse=True)))
        # 公安局朝阳分局, 公安局经开区分局: a district's or a zone's branch.
        self._branch = re.compile(r"公安局([\u4e00-\u9fff]{1,8}?)分局")

    def match(self, text: str, pos: int = 0) -> Match | None:
        """The department whose name starts at ``pos`` (longest form wins)."""
        found = self._pattern.match(text, pos)
        if found is None:
            return None
        dept, national = self._forms[found.group()]
        return Match(dept, found.end(), national, found.group())

    def is_field_word(self, word: str) -> bool:
        """Whether ``word`` is part of a department's name or field (公安, 司法, 民政, 市场监管)."""
        return word in self._vocabulary

    def branch(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self._branch.match(text, pos)

    def by_cues(self, text: str) -> Department | None:
        """The department whose own field the text speaks of most, if one clearly leads."""
        scores = sorted(
            ((sum(text.count(c) for c in d.cues), i) for i, d in enumerate(self.departments) if d.cues),
            reverse=True,
        )
        if not scores or scores[0][0] < 3 or (len(scores) > 1 and scores[0][0] < 2 * scores[1][0]):
            return None
        return self.departments[scores[0][1]]


def _load(text: str) -> Catalog:
    try:
        data = tomllib.loads(text)
        departments = [
            Department(
                name=d["name"],
                province=d.get("province", d["name"]),
                national=d.get("national"),
                aliases=tuple(d.get("aliases", ())),
                cues=tuple(d.get("cues", ())),
                names=tuple(d.get("names", ())),
            )
            for d in data["department"]
        ]
        return Catalog(departments, str(data["version"]))
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise ConfigError(f"部门目录 departments.toml 有误: {exc}", hint="检查 identity/data/departments.toml") from exc


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    return _load(resources.files("fazhi.identity").joinpath("data/departments.toml").read_text(encoding="utf-8"))
