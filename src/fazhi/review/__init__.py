"""Review: check a report against the rules of a rulebook, one finding per rule, and score it.

    from fazhi.review import review, load_rulebook, ReviewInput
    result = review(ReviewInput(text=doc.masked(), raw_text=doc.text, identity=...,
                                outline=outline(doc.masked(), source=doc.text), figures=..., consistency=...))
    result.findings, result.score

The rules are data (``rulebook.toml``, the 2019 规定); a province passes
``load_rulebook(path)`` for its own file. ``RULEBOOK_VERSION`` is the packaged
rulebook's version, read on first access, not at import.
"""

from __future__ import annotations

from fazhi.review.engine import review
from fazhi.review.model import SEVERITIES, STATUSES, Basis, Finding, Review, ReviewInput, Score
from fazhi.review.rulebook import Rule, Rulebook, load_rulebook, parse_rulebook
from fazhi.review.score import score_findings

__all__ = [
    "RULEBOOK_VERSION",
    "SEVERITIES",
    "STATUSES",
    "Basis",
    "Finding",
    "Review",
    "ReviewInput",
    "Rule",
    "Rulebook",
    "Score",
    "load_rulebook",
    "parse_rulebook",
    "review",
    "score_findings",
]


def __getattr__(name: str) -> str:
    if name == "RULEBOOK_VERSION":
        return load_rulebook().version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
