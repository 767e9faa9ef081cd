"""The checks a rulebook can name, by name.

A rule in the rule file says which check it runs (``check = "part_present"``)
and with which parameters; several rules may run one check (each statutory
part is one rule running ``part_present``).
"""

from __future__ import annotations

from types import MappingProxyType

from fazhi.review.checks import evidence, figures, identity, language, parts, plans, substance
from fazhi.review.checks.base import CheckSpec, Outcome, Params

REGISTRY = MappingProxyType(
    {
        spec.name: spec
        for module in (parts, plans, identity, evidence, language, figures, substance)
        for spec in module.CHECKS
    }
)

__all__ = ["REGISTRY", "CheckSpec", "Outcome", "Params"]
