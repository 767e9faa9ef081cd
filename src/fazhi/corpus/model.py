"""A stored report as the corpus functions see it, and the filters that select a set of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ReportRecord:
    id: int
    jurisdiction: str | None
    level: str | None
    province: str | None
    city: str | None
    report_year: int | None
    published: dt.date | None
    score: float | None
    title: str | None
    issuer: str | None
    text: str
    analysis: Mapping[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> ReportRecord:
        """From a ``reports`` row (or any mapping with its names)."""
        published = row.get("published")
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        return cls(
            id=int(row["id"]),
            jurisdiction=row.get("jurisdiction"),
            level=row.get("level"),
            province=row.get("province"),
            city=row.get("city"),
            report_year=row.get("report_year"),
            published=published,
            score=row.get("score"),
            title=row.get("title"),
            issuer=row.get("issuer"),
            text=row.get("text") or "",
            analysis=row.get("analysis") or {},
        )

    @property
    def label(self) -> str:
        """How a reader names the report in a table: jurisdiction and year, else its number."""
        name = self.jurisdiction or f"报告#{self.id}"
        return f"{name}{self.report_year}" if self.report_year else name

    def failed_rules(self) -> frozenset[str]:
        return frozenset(f["rule"] for f in self.analysis.get("findings") or () if f.get("status") == "failed")


@dataclass(frozen=True, slots=True)
class ReportFilter:
    """Which reports a comparison covers; None means any. Text filters match whole names."""

    province: str | None = None
    city: str | None = None  # the prefecture (地级市) the report's jurisdiction belongs to
    level: str | None = None
    year: int | None = None
    jurisdiction: str | None = None
    department: str | None = None  # a department report: matched in its jurisdiction name or issuer
    score_min: float | None = None
    score_max: float | None = None
    failed_rule: str | None = None

    def column_filters(self) -> dict[str, object]:
        """The filters a database can apply on report columns (the rest need the analysis)."""
        pairs = (("province", self.province), ("city", self.city), ("level", self.level),
                 ("report_year", self.year), ("jurisdiction", self.jurisdiction))
        return {k: v for k, v in pairs if v is not None}

    def matches(self, r: ReportRecord) -> bool:
        checks = (
            self.province is None or r.province == self.province,
            self.city is None or r.city == self.city,
            self.level is None or r.level == self.level,
            self.year is None or r.report_year == self.year,
            self.jurisdiction is None or r.jurisdiction == self.jurisdiction,
            self.department is None
            or (r.level == "department" and self.department in f"{r.jurisdiction or ''} {r.issuer or ''}"),
            self.score_min is None or (r.score is not None and r.score >= self.score_min),
            self.score_max is None or (r.score is not None and r.score < self.score_max),
            self.failed_rule is None or self.failed_rule in r.failed_rules(),
        )
        return all(checks)
