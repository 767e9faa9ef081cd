"""The letters' data file (suggestions, groups, verdicts), checked by a pydantic schema at load.

Pydantic stays at this edge: the rest of the package sees the frozen records
built here, so a typo in the file fails at load with the field's path, not in
the middle of writing a letter.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from fazhi.core.errors import ConfigError
from fazhi.core.settings import parse_toml, pydantic_problem

PACKAGED = "suggestions.toml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _AdviceModel(_Strict):
    failed: str = Field(min_length=1)
    partial: str | None = None
    not_applicable: str | None = None
    quote: bool = True


class _DefaultModel(_Strict):
    failed: str = Field(min_length=1)
    partial: str = Field(min_length=1)
    error: str = Field(min_length=1)


class _GroupModel(_Strict):
    title: str = Field(min_length=1)
    parts: list[str] = []
    prefixes: list[str] = []


class _VerdictModel(_Strict):
    label: str = Field(min_length=1)
    min_score: float = Field(ge=0, le=100)
    max_failed_errors: int | None = Field(default=None, ge=0)
    summary: str = Field(min_length=1)
    summary_clean: str = Field(min_length=1)
    closing: str = Field(min_length=1)


class _FileModel(_Strict):
    version: str = Field(min_length=1)
    default: _DefaultModel
    rules: dict[str, _AdviceModel]
    groups: list[_GroupModel] = Field(min_length=1)
    verdicts: list[_VerdictModel] = Field(min_length=1)

    @model_validator(mode="after")
    def _templates_parse(self) -> _FileModel:
        # A stray brace would only show when a letter is written; fail at load instead.
        texts = [self.default.failed, self.default.partial, self.default.error]
        for advice in self.rules.values():
            texts += [t for t in (advice.failed, advice.partial, advice.not_applicable) if t]
        texts += [v.summary for v in self.verdicts]
        for text in texts:
            try:
                list(string.Formatter().parse(text))
            except ValueError as exc:
                raise ValueError(f"模板“{text}”有误:{exc}") from exc
        if self.verdicts[-1].min_score != 0 or self.verdicts[-1].max_failed_errors is not None:
            raise ValueError("最后一档结论须接住所有报告:min_score = 0,且不设 max_failed_errors")
        return self


@dataclass(frozen=True, slots=True)
class Advice:
    failed: str
    partial: str
    not_applicable: str | None
    error: str
    quote: bool


@dataclass(frozen=True, slots=True)
class GroupSpec:
    title: str
    parts: tuple[str, ...]
    prefixes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class VerdictBand:
    label: str
    min_score: float
    max_failed_errors: int | None
    summary: str
    summary_clean: str
    closing: str


@dataclass(frozen=True, slots=True)
class LetterData:
    version: str
    default: Advice
    rules: Mapping[str, Advice]
    groups: tuple[GroupSpec, ...]
    verdicts: tuple[VerdictBand, ...]

    def advice(self, rule: str) -> Advice:
        return self.rules.get(rule, self.default)

    def group_of(self, rule: str, part: str | None) -> int:
        prefix = rule.split(".", 1)[0]
        for i, group in enumerate(self.groups):
            if prefix in group.prefixes:
                return i
        for i, group in enumerate(self.groups):
            if part and part in group.parts:
                return i
        return len(self.groups) - 1


def parse_letter_data(text: str, source: str = "<string>") -> LetterData:
    raw: dict[str, Any] = parse_toml(text, "审查意见书文字文件", source)
    try:
        model = _FileModel.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(
            f"审查意见书文字文件有误 {where}: {pydantic_problem(first)}",
            source=source, hint="对照 fazhi/letters/suggestions.toml 的写法",
        ) from None
    return _compile(model)


@lru_cache(maxsize=1)
def packaged_letter_data() -> LetterData:
    text = resources.files("fazhi.letters").joinpath(PACKAGED).read_text(encoding="utf-8")
    return parse_letter_data(text, source=PACKAGED)


def _compile(model: _FileModel) -> LetterData:
    default = Advice(
        failed=model.default.failed,
        partial=model.default.partial,
        not_applicable=None,
        error=model.default.error,
        quote=True,
    )
    rules = {
        rule: Advice(
            failed=a.failed,
            partial=a.partial or a.failed,
            not_applicable=a.not_applicable,
            error=default.error,
            quote=a.quote,
        )
        for rule, a in model.rules.items()
    }
    return LetterData(
        version=model.version,
        default=default,
        rules=MappingProxyType(rules),
        groups=tuple(GroupSpec(g.title, tuple(g.parts), tuple(g.prefixes)) for g in model.groups),
        verdicts=tuple(
            VerdictBand(v.label, v.min_score, v.max_failed_errors, v.summary, v.summary_clean, v.closing)
            for v in model.verdicts
        ),
    )
