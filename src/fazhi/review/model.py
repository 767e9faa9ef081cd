"""The records of the review: its input, one finding per rule, the score, the result.

A finding carries everything needed to recompute the score (status, weight,
credit), so a stored or exported review can be re-scored without the rule
file that produced it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from fazhi.core.errors import SpanError
from fazhi.core.spans import Span
from fazhi.figures import Figure, Issue
from fazhi.identity import Identity
from fazhi.structure import Outline

STATUSES = ("passed", "failed", "not_applicable", "error")
SEVERITIES = ("error", "warning", "info")
# Statuses that take part in the score; the others say the rule could not be applied.
SCORED = ("passed", "failed")


@dataclass(frozen=True, slots=True)
class ReviewInput:
    """What the earlier stages found in one report.

    ``text`` is ``Document.masked()`` (what the outline and the figures read);
    ``raw_text`` is ``Document.text``, the source every evidence span indexes.
    Any stage may be missing (None): the rules that need it then report
    status ``error`` with the reason, the others still run.
    """

    text: str
    raw_text: str | None = None
    identity: Identity | None = None
    outline: Outline | None = None
    figures: tuple[Figure, ...] | None = None
    consistency: tuple[Issue, ...] | None = None

    def __post_init__(self) -> None:
        if self.raw_text is not None and len(self.raw_text) != len(self.text):
            raise SpanError(f"原文长度 {len(self.raw_text)} 与遮蔽后的文本长度 {len(self.text)} 不一致")

    @property
    def source(self) -> str:
        return self.text if self.raw_text is None else self.raw_text


@dataclass(frozen=True, slots=True)
class Basis:
    """The legal basis of a rule: the instrument and its article."""

    instrument: str
    article: str

    def __str__(self) -> str:
        return f"{self.instrument}{self.article}"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    version: str
    status: str  # one of STATUSES
    severity: str  # one of SEVERITIES: how much a failure of this rule matters
    message: str  # Chinese, for the report's author
    evidence: tuple[Span, ...] = ()
    looked_for: str | None = None  # what was searched for and not found
    part: str | None = None  # the statutory part the rule is about, for grouping in a letter
    title: str = ""  # the rule's short Chinese name, for tables and letters
    basis: Basis | None = None
    weight: float = 0.0
    credit: float = 0.0  # 0..1, the share of the weight earned; only counts when scored
    details: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def scored(self) -> bool:
        return self.status in SCORED

    @property
    def points(self) -> float:
        """Raw points before the score scales them to 100."""
        return self.weight * self.credit if self.scored else 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "version": self.version,
            "status": self.status,
            "severity": self.severity,
            "message": self.message,
            "evidence": [span.to_json() for span in self.evidence],
            "looked_for": self.looked_for,
            "part": self.part,
            "title": self.title,
            "basis": str(self.basis) if self.basis else None,
            "weight": self.weight,
            "credit": round(self.credit, 4),
            "details": dict(self.details),
        }


@dataclass(frozen=True, slots=True)
class Cap:
    """A failed rule that holds the verdict down, as the rulebook states it."""

    rule: str
    title: str
    label: str  # the best verdict the report can get while this rule fails
    reason: str  # the rulebook's own sentence, quoted in the letter

    def to_json(self) -> dict[str, object]:
        return {"rule": self.rule, "title": self.title, "label": self.label, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict: the band the score reaches, lowered by the caps of failed rules."""

    label: str
    by_score: str  # the band of the score alone
    caps: tuple[Cap, ...] = ()  # the caps that apply, strongest first
    bands: tuple[tuple[str, float], ...] = ()  # (label, minimum score), best first: quoted in the letter

    def to_json(self) -> dict[str, object]:
        return {
            "label": self.label,
            "by_score": self.by_score,
            "caps": [c.to_json() for c in self.caps],
            "bands": [{"label": label, "min_score": low} for label, low in self.bands],
        }


@dataclass(frozen=True, slots=True)
class Score:
    """The 100-point score and the points each scored rule contributed.

    Rules whose status is not_applicable or error are not scored: the others'
    weights are scaled up so that a perfect report still scores 100. They are
    listed in ``unscored`` so that a reader sees what the total leaves out.
    ``total`` is None when no rule could be scored: 0 would read as "a bad
    report" when nothing was measured at all.
    """

    total: float | None
    by_rule: Mapping[str, float]
    unscored: tuple[str, ...] = ()
    # Set by the engine from the rulebook's bands and caps; not part of what re-scoring the
    # findings reproduces (that needs no rule file), so not compared.
    verdict: Verdict | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"total": self.total, "by_rule": dict(self.by_rule), "unscored": list(self.unscored)}
        if self.verdict is not None:
            out["verdict"] = self.verdict.to_json()
        return out


@dataclass(frozen=True, slots=True)
class Review:
    findings: tuple[Finding, ...]
    score: Score
    rulebook: str  # the rulebook's name
    rulebook_version: str

    def to_json(self) -> dict[str, object]:
        return {
            "rulebook": self.rulebook,
            "rulebook_version": self.rulebook_version,
            "findings": [f.to_json() for f in self.findings],
            "score": self.score.to_json(),
        }
