"""What a check is: a function from the context and its parameters to an outcome.

The rulebook names a check by ``CheckSpec.name``; the spec also declares the
parameters it takes and the fields its outcome offers to the message templates
(so a template naming a field that does not exist is refused at load, not at
the first report that reaches it).

Parameters are frozen dataclasses: plain data, no pydantic, inside the
pipeline. Pydantic only validates them once, when the rule file is loaded
(``CheckSpec.parse_params``), so a misspelt or ill-typed parameter is refused
there; lists come out as tuples and tables as read-only mappings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Annotated, Any

from pydantic import AfterValidator, ConfigDict, TypeAdapter, with_config

from fazhi.core.patterns import check_pattern, check_patterns
from fazhi.core.spans import Span
from fazhi.review.context import Context


@with_config(ConfigDict(extra="forbid"))
@dataclass(frozen=True, slots=True, kw_only=True)
class Params:
    """Base of every check's parameters (each a frozen, keyword-only dataclass); unknown keys are errors."""


Patterns = Annotated[tuple[str, ...], AfterValidator(check_patterns)]
Pattern = Annotated[str, AfterValidator(check_pattern)]
# A table in the rule file, read-only once loaded.
StrMap = Annotated[Mapping[str, str], AfterValidator(lambda d: MappingProxyType(dict(d)))]


def frozen_map(**items: str) -> Mapping[str, str]:
    return MappingProxyType(items)


def distinct(spans: Iterable[Span]) -> list[Span]:
    """Each stretch of text once (told apart by offsets), in text order."""
    seen: dict[tuple[int, int], Span] = {}
    for span in spans:
        seen.setdefault((span.start, span.end), span)
    return sorted(seen.values(), key=lambda s: s.start)


def outermost(spans: Iterable[Span]) -> list[Span]:
    """``distinct`` without the spans inside another (`原因` inside `主要原因是`)."""
    ordered = sorted(distinct(spans), key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in ordered:
        if kept and span.end <= kept[-1].end:
            continue
        kept.append(span)
    return kept


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str
    credit: float = 0.0
    evidence: tuple[Span, ...] = ()
    looked_for: str | None = None
    # Picks a more specific message template: `failed.promised` before `failed`.
    variant: str | None = None
    # Measured values: shown in the JSON and offered to the message template.
    details: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))


def passed(credit: float = 1.0, **kw) -> Outcome:
    return _make("passed", credit, kw)


def failed(credit: float = 0.0, **kw) -> Outcome:
    return _make("failed", credit, kw)


def not_applicable(reason: str, **kw) -> Outcome:
    details = dict(kw.pop("details", {}))
    details["reason"] = reason
    return _make("not_applicable", 0.0, {**kw, "details": details})


def _make(status: str, credit: float, kw: dict) -> Outcome:
    details = MappingProxyType(dict(kw.pop("details", {})))
    evidence = tuple(kw.pop("evidence", ()))
    return Outcome(status, max(0.0, min(1.0, credit)), evidence, details=details, **kw)


@dataclass(frozen=True, slots=True)
class CheckSpec:
    name: str
    run: Callable[[Context, Any], Outcome]  # takes the check's own ``params`` class
    params: type[Params]
    fields: tuple[str, ...]  # detail keys every outcome of this check provides
    variants: tuple[str, ...] = ()  # extra template keys such as "failed.promised"

    def parse_params(self, raw: Mapping[str, Any]) -> Params:
        """The rule file's ``params`` table as this check's frozen parameters.

        Raises pydantic's ValidationError; the rulebook loader words it.
        """
        return _adapter(self.params).validate_python(raw)


@lru_cache(maxsize=None)
def _adapter(params: type[Params]) -> TypeAdapter[Any]:
    return TypeAdapter(params)
