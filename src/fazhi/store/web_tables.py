"""Tables of the web workspace: accounts, sessions, login attempts, and each report's failed rules.

Declared on the store's one ``metadata``; created by migration 0004_web.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

from fazhi.store.schema import metadata, reports

ROLES = ("viewer", "reviewer", "admin")  # each role may do everything the ones before it may

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),  # Argon2id, parameters inside the hash
    Column("role", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Only a hash of the session token is stored: a copy of the database does not
# let anyone log in as the people whose sessions are open.
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

# In the database rather than in memory so the limit holds across server
# processes and restarts.
login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False),
    Column("remote", String(64), nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_login_attempts_username", "username", "at"),
    Index("ix_login_attempts_remote", "remote", "at"),
)

# Every facet and sort column in one index, made for the SQL facet counts and sorting that the
# web's in-memory list index (fazhi.store.facet_index) replaced; nothing on a request path reads
# it now. That index's full read also takes title, source and format, which this one lacks: in
# SQLite columns after `text` sit on overflow pages, so the read walks every text (docs/NOTES.md).
Index("ix_reports_facets", reports.c.province, reports.c.city, reports.c.level, reports.c.report_year,
      reports.c.score, reports.c.jurisdiction, reports.c.published)

# The rules each report failed, kept by database triggers from reports.analysis,
# so the "failed rule" facet is an indexed lookup, not a scan of 10,000 JSON documents.
report_rules = Table(
    "report_rules",
    metadata,
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    Column("rule", String(64), primary_key=True),
    Index("ix_report_rules_rule", "rule"),
)

# One row whose value every insert, update or delete of a report raises, and whose
# rewrites every update or delete raises (triggers of migration 0007_generation): the
# web's in-memory list index (fazhi.store.facet_loading) follows the reports by them.
store_generation = Table(
    "store_generation",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("value", BigInteger, nullable=False),
    Column("rewrites", BigInteger, nullable=False),
)


def declared_in_metadata(name: str | None, type_: str, _parent_names: dict) -> bool:
    """For schema comparison: the full-text indexes are raw SQL of migrations 0004_web and 0006_pgsearch,
    not declared tables (SQLite's FTS5 table, its shadow tables and vocabulary; PostgreSQL's expression
    index and its search_texts chunks, which exist on PostgreSQL only)."""
    if name is None:
        return True
    return not (name.startswith("reports_fts") or name in ("ix_reports_text_bigrams", "search_texts"))
