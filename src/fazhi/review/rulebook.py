"""The rulebook: rules as data in a TOML file, checked by a pydantic schema at load.

The packaged ``rulebook.toml`` encodes the 2019 规定. A province's file names
``extends = "default"`` (or another file, relative to itself) and lists only
what differs: a rule with a known id is merged over the inherited one (its
``params`` key by key), a new id adds a rule, ``remove`` drops rules. The
merged result is validated as a whole, so an override cannot leave a rule
half-defined. Pydantic stays at this edge; the engine sees frozen ``Rule``s
whose ``params`` are the check's frozen dataclass (see ``checks.base``).
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from fazhi.core.errors import ConfigError
from fazhi.core.settings import parse_toml, pydantic_problem, read_toml
from fazhi.review.checks import REGISTRY, Params
from fazhi.review.model import STATUSES, Basis
from fazhi.structure import PARTS

PACKAGED = "rulebook.toml"
DEFAULT = "default"
_WHAT = "审查规则文件"  # the file's role, in its error messages
# Fields every template may use besides those of its check.
COMMON_FIELDS = ("title", "basis", "reason")
_MAX_DEPTH = 5  # extends chains: province -> city is 2; more is a loop


class _BasisModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    instrument: str = Field(min_length=1)
    article: str = Field(min_length=1)


class _RuleModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$")
    version: str = Field(min_length=1)
    title: str = Field(min_length=1)  # the rule's short Chinese name, for tables and letters
    check: str
    part: str | None = None
    severity: Literal["error", "warning", "info"]
    weight: float = Field(ge=0)
    basis: _BasisModel
    params: dict[str, Any] = {}
    messages: dict[str, str]  # ``params`` are checked by the check's own schema, in _compile

    @model_validator(mode="after")
    def _consistent(self) -> _RuleModel:
        spec = REGISTRY.get(self.check)
        if spec is None:
            raise ValueError(f"未知的检查 {self.check!r};可用: {', '.join(sorted(REGISTRY))}")
        if self.part is not None and self.part not in PARTS:
            raise ValueError(f"未知的部分 {self.part!r};可用: {', '.join(PARTS)}")
        allowed = set(STATUSES) | set(spec.variants)
        unknown = sorted(set(self.messages) - allowed)
        if unknown:
            raise ValueError(f"messages 中有未知的键 {unknown};可用: {', '.join(sorted(allowed))}")
        for needed in ("passed", "failed"):
            if needed not in self.messages:
                raise ValueError(f"messages 缺少 {needed!r}")
        fields = set(spec.fields) | set(COMMON_FIELDS)
        for key, template in self.messages.items():
            for _, name, _, _ in string.Formatter().parse(template):
                root = (name or "").split(".")[0].split("[")[0]
                if name is not None and root not in fields:
                    raise ValueError(
                        f"messages.{key} 用了未知的字段 {{{name}}};可用: {', '.join(sorted(fields))}"
                    )
        return self


class _BandModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=1)
    min_score: float = Field(ge=0, le=100)


class _CapModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: list[str] = Field(min_length=1)
    verdict: str = Field(min_length=1)
    reason: str = Field(min_length=1)


class _RulebookModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    version: str = Field(min_length=1)
    rules: list[_RuleModel] = Field(min_length=1)
    verdicts: list[_BandModel] = []
    caps: list[_CapModel] = []

    @model_validator(mode="after")
    def _unique(self) -> _RulebookModel:
        ids = [r.id for r in self.rules]
        doubled = sorted({i for i in ids if ids.count(i) > 1})
        if doubled:
            raise ValueError(f"规则 id 重复: {', '.join(doubled)}")
        labels = [v.label for v in self.verdicts]
        if self.verdicts and self.verdicts[-1].min_score != 0:
            raise ValueError("最后一档结论须接住所有报告:min_score = 0")
        for cap in self.caps:
            if cap.verdict not in labels:
                raise ValueError(f"caps 中的结论 {cap.verdict!r} 不在 verdicts 中;可用: {', '.join(labels)}")
            # A province that removes a rule keeps the caps that still name one.
        return self


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    version: str
    title: str
    check: str
    part: str | None
    severity: str
    weight: float
    basis: Basis
    params: Params
    messages: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class CapRule:
    rules: tuple[str, ...]
    verdict: str
    reason: str


@dataclass(frozen=True, slots=True)
class Rulebook:
    name: str
    version: str
    rules: tuple[Rule, ...]
    source: str
    # Verdict bands (label, minimum score), best first, and the caps failed rules put on them.
    verdicts: tuple[tuple[str, float], ...] = ()
    caps: tuple[CapRule, ...] = ()

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def load_rulebook(path: str | Path | None = None) -> Rulebook:
    """The packaged rulebook, or the file at ``path`` (which may extend it)."""
    if path is None:
        return _packaged()
    path = Path(path)
    raw = _resolve(_read(path), path.parent, str(path), 0)
    return _validate(raw, str(path))


def parse_rulebook(text: str, source: str = "<string>", base_dir: Path | None = None) -> Rulebook:
    raw = _resolve(_parse(text, source), base_dir or Path.cwd(), source, 0)
    return _validate(raw, source)


@lru_cache(maxsize=1)
def _packaged() -> Rulebook:
    source = f"fazhi/review/{PACKAGED}"
    return _validate(_packaged_raw(), source)


def _packaged_raw() -> dict[str, Any]:
    text = resources.files("fazhi.review").joinpath(PACKAGED).read_text(encoding="utf-8")
    return _parse(text, f"fazhi/review/{PACKAGED}")


def _read(path: Path) -> dict[str, Any]:
    return read_toml(path, _WHAT)


def _parse(text: str, source: str) -> dict[str, Any]:
    return parse_toml(text, _WHAT, source)


def _resolve(raw: dict[str, Any], base_dir: Path, source: str, depth: int) -> dict[str, Any]:
    """Merge ``raw`` over the file it extends, recursively."""
    extends = raw.pop("extends", None)
    remove = raw.pop("remove", [])
    if extends is None:
        if remove:
            raise ConfigError("remove 只能与 extends 同用", source=source)
        return raw
    if depth >= _MAX_DEPTH:
        raise ConfigError("extends 层级过深(是否互相继承?)", source=source)
    if extends == DEFAULT:
        base = _packaged_raw()
    else:
        parent = base_dir / str(extends)
        base = _resolve(_read(parent), parent.parent, str(parent), depth + 1)
    rules = {r["id"]: r for r in base.get("rules", []) if isinstance(r, dict) and "id" in r}
    unknown = sorted(set(remove) - set(rules))
    if unknown:
        raise ConfigError(f"remove 中的规则不存在: {', '.join(unknown)}", source=source,
                          hint=f"可用: {', '.join(rules)}")
    for rule_id in remove:
        del rules[rule_id]
    for override in raw.get("rules", []):
        rule_id = override.get("id") if isinstance(override, dict) else None
        if rule_id is None:
            raise ConfigError("每条规则都要有 id", source=source)
        if rule_id in rules:
            merged = {**rules[rule_id], **override}
            merged["params"] = {**rules[rule_id].get("params", {}), **override.get("params", {})}
            merged["messages"] = {**rules[rule_id].get("messages", {}), **override.get("messages", {})}
            rules[rule_id] = merged
        else:
            rules[rule_id] = override
    return {**base, **{k: v for k, v in raw.items() if k != "rules"}, "rules": list(rules.values())}


def _validate(raw: dict[str, Any], source: str) -> Rulebook:
    hint = f"对照软件包自带的 fazhi/review/{PACKAGED} 修改"
    try:
        model = _RulebookModel.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise _schema_error(_where(raw, first["loc"]), first, source, hint) from None
    rules = []
    for rule in model.rules:
        try:
            params = REGISTRY[rule.check].parse_params(rule.params)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join([f"rules[id={rule.id}].params", *(str(p) for p in first["loc"])])
            raise _schema_error(where, first, source, hint) from None
        rules.append(_compile(rule, params))
    return Rulebook(
        name=model.name, version=model.version, rules=tuple(rules), source=source,
        verdicts=tuple((v.label, v.min_score) for v in model.verdicts),
        caps=tuple(CapRule(tuple(c.rules), c.verdict, c.reason) for c in model.caps),
    )


def _schema_error(where: str, error: Any, source: str, hint: str) -> ConfigError:
    return ConfigError(f"{_WHAT}有误{f'({where})' if where else ''}: {pydantic_problem(error)}",
                       source=source, hint=hint)


def _compile(rule: _RuleModel, params: Params) -> Rule:
    return Rule(
        id=rule.id,
        version=rule.version,
        title=rule.title,
        check=rule.check,
        part=rule.part,
        severity=rule.severity,
        weight=rule.weight,
        basis=Basis(rule.basis.instrument, rule.basis.article),
        params=params,
        messages=MappingProxyType(dict(rule.messages)),
    )


def _where(raw: dict[str, Any], loc: tuple) -> str:
    """`rules.3.params` read as `rules[id=plans.specific].params`: ids say more than indices."""
    parts = [str(p) for p in loc]
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = raw.get("rules", [])
        if loc[1] < len(rules) and isinstance(rules[loc[1]], dict):
            rule_id = rules[loc[1]].get("id")
            parts[1] = f"[id={rule_id}]" if rule_id else f"[第{loc[1] + 1}条]"
            return parts[0] + "".join([parts[1]] + [f".{p}" for p in parts[2:]])
    return ".".join(parts)
