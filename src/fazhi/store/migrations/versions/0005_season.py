"""the reviewing season: seasons, roster units, season reports, decisions, audit trail

Revision ID: 0005_season
Revises: 0004_web
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_season"
down_revision = "0004_web"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seasons",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("report_year", sa.Integer(), nullable=False),
        sa.Column("submit_by", sa.Date(), nullable=False),
        sa.Column("publish_by", sa.Date(), nullable=False),
        sa.Column("rulebook", sa.Text()),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("name", name="uq_seasons_name"),
    )
    op.create_table(
        "roster_units",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("season_id", sa.Integer(), sa.ForeignKey("seasons.id"), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("level", sa.String(16)),
        sa.Column("parent", sa.Text()),
        sa.Column("contact", sa.Text()),
        sa.UniqueConstraint("season_id", "name", name="uq_roster_units_season_name"),
    )
    op.create_table(
        "season_reports",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("season_id", sa.Integer(), sa.ForeignKey("seasons.id"), nullable=False),
        sa.Column("report_id", sa.Integer(), sa.ForeignKey("reports.id"), nullable=False),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("roster_units.id")),
        sa.Column("match", sa.String(16), nullable=False),
        sa.Column("match_reason", sa.Text()),
        sa.Column("received", sa.Date(), nullable=False),
        sa.Column("published", sa.Date()),
        sa.Column("url", sa.Text()),
        sa.Column("analysis", sa.JSON(), nullable=False),
        sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("season_id", "report_id", name="uq_season_reports_season_report"),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("season_report_id", sa.Integer(), sa.ForeignKey("season_reports.id"), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finding", sa.Text()),
        sa.Column("fingerprint", sa.String(16)),
        sa.Column("reason", sa.Text()),
        sa.Column("message", sa.Text()),
        sa.Column("rule", sa.Text()),
        sa.Column("start_offset", sa.Integer()),
        sa.Column("end_offset", sa.Integer()),
        sa.Column("verdict", sa.Text()),
    )
    op.create_index("ix_decisions_season_report_id", "decisions", ["season_report_id"])
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("season_id", sa.Integer(), sa.ForeignKey("seasons.id"), nullable=False),
        sa.Column("season_report_id", sa.Integer(), sa.ForeignKey("season_reports.id")),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_audit_season_id", "audit", ["season_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_season_id", "audit")
    op.drop_table("audit")
    op.drop_index("ix_decisions_season_report_id", "decisions")
    op.drop_table("decisions")
    op.drop_table("season_reports")
    op.drop_table("roster_units")
    op.drop_table("seasons")
