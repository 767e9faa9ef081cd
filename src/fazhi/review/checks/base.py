"""What a check is: a function from the context and its parameters to an outcome.

The rulebook names a check by ``CheckSpec.name``; the spec also declares the
parameters it takes (a pydantic model, so a rule file with a misspelt or
ill-typed parameter is refused at load) and the fields its outcome offers to
the message templates (so a template naming a field that does not exist is
refused at load too, not at the first report that reaches it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict

from fazhi.core.spans import Span
from fazhi.review.context import Context


class Params(BaseModel):
    """Base of every check's parameters: frozen, and unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def check_patterns(value: list[str]) -> list[str]:
    """Refuse a rule file whose regular expression does not compile, naming it."""
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"不是合法的正则表达式 {pattern!r}: {exc}") from None
    return value


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
    run: Callable[[Context, Params], Outcome]
    params: type[Params]
    fields: tuple[str, ...]  # detail keys every outcome of this check provides
    variants: tuple[str, ...] = ()  # extra template keys such as "failed.promised"
    doc: str = ""
