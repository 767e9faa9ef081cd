"""The season's tables (migration 0005_season), on the store's one MetaData.

``decisions`` and ``audit`` are append-only: the repository has no function
that updates or deletes a row of either, and no route reaches one.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from fazhi.store.schema import metadata

seasons = Table(
    "seasons",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("report_year", Integer, nullable=False),
    Column("submit_by", Date, nullable=False),
    Column("publish_by", Date, nullable=False),
    Column("rulebook", Text),  # a province's rule file, None for the built-in one
    Column("created_by", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

roster_units = Table(
    "roster_units",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("season_id", Integer, ForeignKey("seasons.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("level", String(16)),
    Column("parent", Text),
    Column("contact", Text),
    UniqueConstraint("season_id", "name", name="uq_roster_units_season_name"),
)

# One report received in one season, the unit it came from (None until a
# person chooses, or when it is not on the roster) and its analysis under the
# season's rulebook (re-analysis replaces it; the decisions stay in their log).
season_reports = Table(
    "season_reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("season_id", Integer, ForeignKey("seasons.id"), nullable=False),
    Column("report_id", Integer, ForeignKey("reports.id"), nullable=False),
    Column("unit_id", Integer, ForeignKey("roster_units.id")),
    Column("match", String(16), nullable=False),  # sure | chosen | unsure | off_roster
    Column("match_reason", Text),
    Column("received", Date, nullable=False),
    Column("published", Date),
    Column("url", Text),
    Column("analysis", JSON, nullable=False),
    Column("analysed_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("season_id", "report_id", name="uq_season_reports_season_report"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("season_report_id", Integer, ForeignKey("season_reports.id"), nullable=False),
    Column("action", String(16), nullable=False),
    Column("actor", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("finding", Text),
    Column("fingerprint", String(16)),
    Column("reason", Text),
    Column("message", Text),
    Column("rule", Text),
    Column("start_offset", Integer),
    Column("end_offset", Integer),
    Column("verdict", Text),
    Index("ix_decisions_season_report_id", "season_report_id"),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("season_id", Integer, ForeignKey("seasons.id"), nullable=False),
    Column("season_report_id", Integer, ForeignKey("season_reports.id")),
    Column("actor", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("detail", Text, nullable=False),  # one Chinese line: what was done
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_audit_season_id", "season_id"),
)
