"""Structure: the outline of a report, its statutory parts and the areas of its measures.

``outline(doc.masked(), source=doc.text)`` is the entry point: it reads the
masked text and its spans quote the document. ``RULES_VERSION`` is the version of
the word lists (``rules.toml``) that decided parts and areas; it is read on
first access, not at import.
"""

from __future__ import annotations

from fazhi.structure.items import Item
from fazhi.structure.model import AreaUnit, Outline, PartMark, Section
from fazhi.structure.outline import outline
from fazhi.structure.rules import AREAS, PARTS, StructureRules, load_rules, parse_rules

__all__ = [
    "AREAS",
    "PARTS",
    "RULES_VERSION",
    "AreaUnit",
    "Item",
    "Outline",
    "PartMark",
    "Section",
    "StructureRules",
    "load_rules",
    "outline",
    "parse_rules",
]


def __getattr__(name: str) -> str:
    if name == "RULES_VERSION":
        return load_rules().version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
