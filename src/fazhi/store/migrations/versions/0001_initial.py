"""originals, reports, sightings

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "originals",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_originals"),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("encoding", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("jurisdiction", sa.Text()),
        sa.Column("level", sa.String(16)),
        sa.Column("province", sa.Text()),
        sa.Column("city", sa.Text()),
        sa.Column("county", sa.Text()),
        sa.Column("division_code", sa.String(6)),
        sa.Column("parent_code", sa.String(6)),
        sa.Column("report_year", sa.Integer()),
        sa.Column("published", sa.Date()),
        sa.Column("issuer", sa.Text()),
        sa.Column("doc_number", sa.Text()),
        sa.Column("analysis", sa.JSON(), nullable=False),
        sa.Column("fazhi_version", sa.String(32), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["sha256"], ["originals.sha256"], name="fk_reports_sha256_originals"),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
        sa.UniqueConstraint("sha256", name="uq_reports_sha256"),
    )
    op.create_index("ix_reports_division_year", "reports", ["division_code", "report_year"])
    op.create_index("ix_reports_jurisdiction", "reports", ["jurisdiction"])
    op.create_table(
        "sightings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("report_id", sa.Integer()),
        sa.Column("error_code", sa.String(32)),
        sa.Column("error_message", sa.Text()),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name="fk_sightings_report_id_reports"),
        sa.PrimaryKeyConstraint("id", name="pk_sightings"),
    )
    op.create_index("ix_sightings_sha256", "sightings", ["sha256"])


def downgrade() -> None:
    op.drop_index("ix_sightings_sha256", table_name="sightings")
    op.drop_table("sightings")
    op.drop_index("ix_reports_jurisdiction", table_name="reports")
    op.drop_index("ix_reports_division_year", table_name="reports")
    op.drop_table("reports")
    op.drop_table("originals")
