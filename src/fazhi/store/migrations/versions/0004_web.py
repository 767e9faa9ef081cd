"""web workspace: users, sessions, login attempts, failed-rule facet, full-text index

Revision ID: 0004_web
Revises: 0003_corpus

The full-text index differs by backend (see fazhi.store.search for why):
SQLite gets an FTS5 trigram table fed by triggers; PostgreSQL gets a GIN index
over each text's character bigrams. Both, and the failed-rule table, are kept by
triggers, so every way a report is written (ingest, re-analysis) keeps them
current without the writers knowing.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_web"
down_revision = "0003_corpus"
branch_labels = None
depends_on = None

_SQLITE_UP = [
    # The index reads each text with a newline appended, so a word at the very
    # end of a report still has a trigram that starts with it (see search.py).
    "CREATE VIEW reports_fts_src AS SELECT id, text || char(10) AS text FROM reports",
    "CREATE VIRTUAL TABLE reports_fts USING fts5(text, content='reports_fts_src', content_rowid='id',"
    " tokenize='trigram case_sensitive 1')",
    "CREATE VIRTUAL TABLE reports_fts_terms USING fts5vocab(reports_fts, 'row')",
    """CREATE TRIGGER reports_fts_ai AFTER INSERT ON reports BEGIN
         INSERT INTO reports_fts(rowid, text) VALUES (new.id, new.text || char(10));
       END""",
    """CREATE TRIGGER reports_fts_ad AFTER DELETE ON reports BEGIN
         INSERT INTO reports_fts(reports_fts, rowid, text) VALUES ('delete', old.id, old.text || char(10));
       END""",
    """CREATE TRIGGER reports_fts_au AFTER UPDATE OF text ON reports BEGIN
         INSERT INTO reports_fts(reports_fts, rowid, text) VALUES ('delete', old.id, old.text || char(10));
         INSERT INTO reports_fts(rowid, text) VALUES (new.id, new.text || char(10));
       END""",
    "INSERT INTO reports_fts(reports_fts) VALUES ('rebuild')",
    """CREATE TRIGGER report_rules_ai AFTER INSERT ON reports BEGIN
         INSERT INTO report_rules(report_id, rule)
           SELECT DISTINCT new.id, json_extract(value, '$.rule') FROM json_each(new.analysis, '$.findings')
           WHERE json_extract(value, '$.status') = 'failed';
       END""",
    """CREATE TRIGGER report_rules_au AFTER UPDATE OF analysis ON reports BEGIN
         DELETE FROM report_rules WHERE report_id = new.id;
         INSERT INTO report_rules(report_id, rule)
           SELECT DISTINCT new.id, json_extract(value, '$.rule') FROM json_each(new.analysis, '$.findings')
           WHERE json_extract(value, '$.status') = 'failed';
       END""",
    """CREATE TRIGGER report_rules_ad AFTER DELETE ON reports BEGIN
         DELETE FROM report_rules WHERE report_id = old.id;
       END""",
    """INSERT INTO report_rules(report_id, rule)
         SELECT DISTINCT reports.id, json_extract(f.value, '$.rule') FROM reports, json_each(reports.analysis, '$.findings') f
         WHERE json_extract(f.value, '$.status') = 'failed'""",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS report_rules_ad",
    "DROP TRIGGER IF EXISTS report_rules_au",
    "DROP TRIGGER IF EXISTS report_rules_ai",
    "DROP TRIGGER IF EXISTS reports_fts_au",
    "DROP TRIGGER IF EXISTS reports_fts_ad",
    "DROP TRIGGER IF EXISTS reports_fts_ai",
    "DROP TABLE IF EXISTS reports_fts_terms",
    "DROP TABLE IF EXISTS reports_fts",
    "DROP VIEW IF EXISTS reports_fts_src",
]

_PG_UP = [
    # string_to_array(t, NULL) splits into characters in one pass; substr(t, i, 2)
    # in a loop would be quadratic on multibyte text. COST tells the planner the
    # function is dear (~10 ms a report), so it reads the index instead of
    # computing bigrams row by row, even on a small table.
    """CREATE FUNCTION fazhi_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10000 AS $$
         SELECT coalesce(array_agg(DISTINCT b), '{}') FROM (
           SELECT c || lead(c) OVER (ORDER BY i) AS b
           FROM unnest(string_to_array(t, NULL)) WITH ORDINALITY AS u(c, i)
         ) s WHERE b IS NOT NULL
       $$""",
    "CREATE INDEX ix_reports_text_bigrams ON reports USING gin (fazhi_bigrams(text))",
    # A phrase of three or more characters is confirmed with strpos on every candidate
    # text; lz4 decompresses those four times faster than the default pglz (0.3 s
    # instead of 1.3 s over 10,000 reports). Servers without lz4 keep pglz.
    """DO $$ BEGIN
         ALTER TABLE reports ALTER COLUMN text SET COMPRESSION lz4;
       EXCEPTION WHEN OTHERS THEN NULL;
       END $$""",
    """CREATE FUNCTION fazhi_report_rules() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM report_rules WHERE report_id = NEW.id;
         INSERT INTO report_rules(report_id, rule)
           SELECT DISTINCT NEW.id, f->>'rule' FROM json_array_elements(NEW.analysis::json->'findings') f
           WHERE f->>'status' = 'failed';
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER report_rules_aiu AFTER INSERT OR UPDATE OF analysis ON reports
         FOR EACH ROW EXECUTE FUNCTION fazhi_report_rules()""",
    """INSERT INTO report_rules(report_id, rule)
         SELECT DISTINCT r.id, f->>'rule' FROM reports r, json_array_elements(r.analysis::json->'findings') f
         WHERE f->>'status' = 'failed'""",
]
_PG_DOWN = [
    "DROP TRIGGER IF EXISTS report_rules_aiu ON reports",
    "DROP FUNCTION IF EXISTS fazhi_report_rules()",
    "DROP INDEX IF EXISTS ix_reports_text_bigrams",
    "DROP FUNCTION IF EXISTS fazhi_bigrams(text)",
]


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_table(
        "web_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_web_sessions_user_id_users", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash", name="pk_web_sessions"),
    )
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("remote", sa.String(64), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_login_attempts"),
    )
    op.create_index("ix_login_attempts_username", "login_attempts", ["username", "at"])
    op.create_index("ix_login_attempts_remote", "login_attempts", ["remote", "at"])
    op.create_table(
        "report_rules",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name="fk_report_rules_report_id_reports",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("report_id", "rule", name="pk_report_rules"),
    )
    op.create_index("ix_report_rules_rule", "report_rules", ["rule"])
    op.create_index("ix_reports_facets", "reports", ["province", "city", "level", "report_year", "score",
                                                     "jurisdiction", "published"])
    statements = _PG_UP if op.get_bind().dialect.name == "postgresql" else _SQLITE_UP
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    statements = _PG_DOWN if op.get_bind().dialect.name == "postgresql" else _SQLITE_DOWN
    for statement in statements:
        op.execute(statement)
    op.drop_index("ix_reports_facets", table_name="reports")
    op.drop_index("ix_report_rules_rule", table_name="report_rules")
    op.drop_table("report_rules")
    op.drop_index("ix_login_attempts_remote", table_name="login_attempts")
    op.drop_index("ix_login_attempts_username", table_name="login_attempts")
    op.drop_table("login_attempts")
    op.drop_table("web_sessions")
    op.drop_table("users")
