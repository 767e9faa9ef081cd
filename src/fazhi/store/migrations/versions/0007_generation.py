"""A counter of changes to the reports, for the web's in-memory list index

Revision ID: 0007_generation
Revises: 0006_pgsearch

Each web process keeps every report's facet values and sort keys in memory
(fazhi.store.facet_index) and must know when another process (an ingest, a
second server worker) has changed the reports. Every insert, update or delete
of a report adds one to ``store_generation.value`` in the same transaction, so
a reader sees the new value exactly when it can see the new rows; an update or
delete also adds one to ``rewrites`` (with only inserts since, the index reads
just the new reports; otherwise it reads everything again). The failed
rules (report_rules) follow the reports by their own triggers (0004_web), so
they need no counter of their own.

PostgreSQL bumps once per statement, not per row: a batch of 16 inserts is
one bump, and the row lock it takes is held only to the end of the writer's
transaction. SQLite has only row triggers; one UPDATE of a one-row table per
stored report costs microseconds, and SQLite has one writer at a time anyway.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_generation"
down_revision = "0006_pgsearch"
branch_labels = None
depends_on = None

_SQLITE_UP = [
    f"""CREATE TRIGGER store_generation_{name} AFTER {event} ON reports BEGIN
         UPDATE store_generation SET value = value + 1, rewrites = rewrites + {rewrite} WHERE id = 1;
       END"""
    for name, event, rewrite in (("ai", "INSERT", 0), ("au", "UPDATE", 1), ("ad", "DELETE", 1))
]
_SQLITE_DOWN = ["DROP TRIGGER IF EXISTS store_generation_ai", "DROP TRIGGER IF EXISTS store_generation_au",
                "DROP TRIGGER IF EXISTS store_generation_ad"]
_PG_UP = [
    """CREATE FUNCTION fazhi_store_generation() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE store_generation SET value = value + 1,
           rewrites = rewrites + CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE 1 END WHERE id = 1;
         RETURN NULL;
       END $$""",
    """CREATE TRIGGER store_generation_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reports
         FOR EACH STATEMENT EXECUTE FUNCTION fazhi_store_generation()""",
]
_PG_DOWN = ["DROP TRIGGER IF EXISTS store_generation_changes ON reports",
            "DROP FUNCTION IF EXISTS fazhi_store_generation()"]


def upgrade() -> None:
    table = op.create_table(
        "store_generation",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("value", sa.BigInteger, nullable=False),
        sa.Column("rewrites", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(table, [{"id": 1, "value": 0, "rewrites": 0}])
    for statement in _PG_UP if op.get_bind().dialect.name == "postgresql" else _SQLITE_UP:
        op.execute(statement)


def downgrade() -> None:
    for statement in _PG_DOWN if op.get_bind().dialect.name == "postgresql" else _SQLITE_DOWN:
        op.execute(statement)
    op.drop_table("store_generation")
