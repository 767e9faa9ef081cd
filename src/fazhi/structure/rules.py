"""The structure word lists: a TOML data file, checked by a pydantic schema at load.

Pydantic stays at this edge; the rest of the package sees only the frozen
``StructureRules`` with compiled patterns. The packaged file is read on first
use, never at import time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from fazhi.core.errors import ConfigError
from fazhi.core.patterns import check_pattern, check_patterns
from fazhi.core.settings import parse_toml, pydantic_problem, read_toml

PARTS = ("measures", "leaders", "shortcomings", "reasons", "plans", "other")
AREAS = (
    "leadership",
    "functions",
    "rules",
    "decisions",
    "enforcement",
    "emergencies",
    "disputes",
    "oversight",
    "digital",
    "credit",
    "publicity",
    "other",
)
PACKAGED_RULES = "rules.toml"
_WHAT = "结构规则文件"  # the file's role, in its error messages


class _PartModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str
    heading: list[str] = []
    line: list[str] = []
    subheading: list[str] = []
    opener: list[str] = []
    body: list[str] = []

    @field_validator("heading", "line", "subheading", "opener", "body")
    @classmethod
    def _compile(cls, value: list[str]) -> list[str]:
        return check_patterns(value)


class _TermModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pattern: str = Field(min_length=1)
    weight: int = Field(ge=1, le=5)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        return check_pattern(value)


class _AreaModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str
    gangyao: bool
    terms: list[_TermModel] = []


class _RulesModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: str = Field(min_length=1)
    parts: dict[str, _PartModel]
    areas: dict[str, _AreaModel]

    @model_validator(mode="after")
    def _known_names(self) -> _RulesModel:
        # Downstream code and stored results use these names: a typo must not
        # silently create a part nobody looks for.
        for kind, given, known in (("parts", self.parts, PARTS), ("areas", self.areas, AREAS)):
            if set(given) != set(known):
                missing = sorted(set(known) - set(given))
                unknown = sorted(set(given) - set(known))
                raise ValueError(
                    f"[{kind}] 必须恰好包含 {', '.join(known)}; 缺少 {missing or '无'}, 多出 {unknown or '无'}"
                )
        return self


@dataclass(frozen=True, slots=True)
class PartRules:
    name: str
    label: str
    heading: tuple[re.Pattern[str], ...]
    line: tuple[re.Pattern[str], ...]
    subheading: tuple[re.Pattern[str], ...]
    opener: tuple[re.Pattern[str], ...]
    body: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class AreaTerm:
    area: str
    pattern: re.Pattern[str]
    weight: int


@dataclass(frozen=True, slots=True)
class StructureRules:
    version: str
    parts: Mapping[str, PartRules]
    area_labels: Mapping[str, str]
    gangyao_areas: tuple[str, ...]
    terms: tuple[AreaTerm, ...]


def parse_rules(text: str, source: str = "<string>") -> StructureRules:
    """Validate a rules file's text and compile it."""
    return _validated(parse_toml(text, _WHAT, source), source)


def load_rules(path: Path | None = None) -> StructureRules:
    """The packaged rules, or those of ``path`` (a province's own lists, a test file)."""
    if path is None:
        return _packaged()
    return _validated(read_toml(Path(path), _WHAT), str(path))


@lru_cache(maxsize=1)
def _packaged() -> StructureRules:
    text = resources.files("fazhi.structure").joinpath(PACKAGED_RULES).read_text(encoding="utf-8")
    return parse_rules(text, f"fazhi/structure/{PACKAGED_RULES}")


def _validated(raw: dict[str, Any], source: str) -> StructureRules:
    try:
        model = _RulesModel.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(
            f"{_WHAT}有误{f'({where})' if where else ''}: {pydantic_problem(first)}",
            source=source,
            hint=f"对照软件包自带的 fazhi/structure/{PACKAGED_RULES} 修改",
        ) from None
    return _compile(model)


def _compile(model: _RulesModel) -> StructureRules:
    parts = {
        name: PartRules(
            name=name,
            label=spec.label,
            heading=tuple(re.compile(p) for p in spec.heading),
            line=tuple(re.compile(p) for p in spec.line),
            subheading=tuple(re.compile(p) for p in spec.subheading),
            opener=tuple(re.compile(p) for p in spec.opener),
            body=tuple(re.compile(p) for p in spec.body),
        )
        for name, spec in ((n, model.parts[n]) for n in PARTS)
    }
    terms = tuple(
        AreaTerm(area, re.compile(term.pattern), term.weight)
        for area in AREAS
        for term in model.areas[area].terms
    )
    return StructureRules(
        version=model.version,
        parts=MappingProxyType(parts),
        area_labels=MappingProxyType({a: model.areas[a].label for a in AREAS}),
        gangyao_areas=tuple(a for a in AREAS if model.areas[a].gangyao),
        terms=terms,
    )
