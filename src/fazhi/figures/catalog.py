"""The indicator catalog: data files under ``catalog/``, validated by a schema.

``catalog/index.toml`` holds the version and the areas of 《法治政府建设实施纲要
(2021—2025年)》; one file per area lists its indicators, each with a stable id,
a Chinese name, a kind, an expected unit and the wordings reports use for it.
A variant is one or more terms joined by ``+``: all must occur in a figure's
label (in any order), e.g. ``"不予受理+复议"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, TypeVar

from pydantic import BaseModel, field_validator, model_validator

from fazhi.core.errors import ConfigError
from fazhi.figures.validation import Strict, load_data_file

Kind = Literal["count", "rate", "amount", "duration", "ratio"]
KINDS: tuple[str, ...] = ("count", "rate", "amount", "duration", "ratio")
_M = TypeVar("_M", bound=BaseModel)


class _Area(Strict):
    id: str
    name: str
    gangyao: bool  # counts toward 纲要 coverage (普法 belongs to 法治社会 and does not)


class _Index(Strict):
    version: str
    areas: list[_Area]
    exclude: list[str] = []
    category_nouns: list[str] = []


class _Indicator(Strict):
    id: str
    name: str
    kind: Kind
    unit: str
    units: list[str] = []
    variants: list[str]
    exclude: list[str] = []

    @field_validator("variants")
    @classmethod
    def _variants(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("至少要有一个 variant")
        if len(set(value)) != len(value):
            raise ValueError(f"variants 有重复: {sorted({v for v in value if value.count(v) > 1})}")
        for v in value:
            if not v or any(not term for term in v.split("+")):
                raise ValueError(f"variant {v!r} 含有空的词项(多余的 +?)")
        return value


class _AreaFile(Strict):
    area: str
    indicators: list[_Indicator]

    @model_validator(mode="after")
    def _ids_in_area(self) -> _AreaFile:
        for ind in self.indicators:
            if not ind.id.startswith(self.area + "."):
                raise ValueError(f"指标 {ind.id} 的 id 应以所在领域 {self.area}. 开头")
        return self


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    name: str
    area: str
    kind: str
    unit: str
    units: tuple[str, ...]  # empty: any unit of the kind
    variants: tuple[tuple[str, tuple[str, ...]], ...]  # (variant as written, its terms)
    exclude: tuple[str, ...]  # a label holding one of these is about something else


@dataclass(frozen=True, slots=True)
class Catalog:
    version: str
    areas: tuple[tuple[str, str, bool], ...]  # (id, name, counts toward 纲要)
    indicators: tuple[Indicator, ...]
    # A figure counting fields or themes (9个领域) is never an indicator value.
    category_nouns: tuple[str, ...] = ()

    def names(self) -> dict[str, str]:
        """Indicator id -> its Chinese name, for table headers and reports."""
        return {ind.id: ind.name for ind in self.indicators}

    def get(self, indicator_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)


def _validated(model: type[_M], name: str) -> _M:
    return load_data_file(model, "catalog", name, hint="对照 figures/catalog.py 中的字段")


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    index = _validated(_Index, "index.toml")
    files = [_validated(_AreaFile, f"{a.id}.toml") for a in index.areas]
    indicators: list[Indicator] = []
    seen: set[str] = set()
    for f in files:
        for ind in f.indicators:
            if ind.id in seen:
                raise ConfigError(f"指标 id 重复: {ind.id}", hint="每个指标的 id 必须唯一")
            seen.add(ind.id)
            variants = tuple((v, tuple(v.split("+"))) for v in ind.variants)
            own = {t for _, terms in variants for t in terms}
            # Catalog-wide exclusions (获评: an award) apply unless the indicator is about them.
            exclude = tuple(dict.fromkeys(ind.exclude + [w for w in index.exclude if w not in own]))
            indicators.append(
                Indicator(ind.id, ind.name, f.area, ind.kind, ind.unit, tuple(ind.units), variants, exclude)
            )
    areas = tuple((a.id, a.name, a.gangyao) for a in index.areas)
    return Catalog(index.version, areas, tuple(indicators), tuple(index.category_nouns))


def catalog_version() -> str:
    return catalog().version
