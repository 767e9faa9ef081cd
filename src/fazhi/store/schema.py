"""Tables, in SQLAlchemy Core. Changes go through an Alembic migration in migrations/versions."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# The original bytes of every file ever ingested, addressed by content. Stored
# in the database itself so that a report and its original are committed in
# one transaction and a backup of the database is a backup of everything.
originals = Table(
    "originals",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), ForeignKey("originals.sha256"), nullable=False, unique=True),
    Column("source", Text, nullable=False),  # the path it was first ingested from
    Column("format", String(8), nullable=False),
    Column("encoding", String(32), nullable=False),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("jurisdiction", Text),
    Column("level", String(16)),
    Column("province", Text),
    Column("city", Text),
    Column("county", Text),
    Column("division_code", String(6)),
    Column("parent_code", String(6)),
    Column("report_year", Integer),
    Column("published", Date),
    Column("issuer", Text),
    Column("doc_number", Text),
    Column("score", Float),  # review score out of 100 (migration 0002)
    Column("analysis", JSON, nullable=False),  # the full `analyze --json` object
    Column("fazhi_version", String(32), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_reports_division_year", "division_code", "report_year"),
    Index("ix_reports_jurisdiction", "jurisdiction"),
)

# Every time a path was offered for ingest, with what happened, so that a
# re-run batch and a failed file leave a trace and nothing is silently lost.
sightings = Table(
    "sightings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("sha256", String(64)),
    Column("outcome", String(16), nullable=False),  # stored | duplicate | failed
    Column("report_id", Integer, ForeignKey("reports.id")),
    Column("error_code", String(32)),
    Column("error_message", Text),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Index("ix_sightings_sha256", "sha256"),
)
