"""corpus index: figures by indicator, text chunks and their LSH band keys

Revision ID: 0003_corpus
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_corpus"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corpus_indexed",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("chars", sa.Integer(), nullable=False),
        sa.Column("indexed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name="fk_corpus_indexed_report_id_reports"),
        sa.PrimaryKeyConstraint("report_id", name="pk_corpus_indexed"),
    )
    op.create_table(
        "corpus_figures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(80), nullable=False),
        sa.Column("value", sa.String(40), nullable=False),  # decimal as text: exact, portable
        sa.Column("unit", sa.String(16), nullable=False),
        sa.Column("approx", sa.Boolean(), nullable=False),
        sa.Column("compare", sa.String(16)),
        sa.Column("offset", sa.Integer(), nullable=False),
        sa.Column("surface", sa.Text(), nullable=False),
        sa.Column("label", sa.Text()),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name="fk_corpus_figures_report_id_reports"),
        sa.PrimaryKeyConstraint("id", name="pk_corpus_figures"),
    )
    op.create_index("ix_corpus_figures_indicator", "corpus_figures", ["indicator", "report_id"])
    op.create_table(
        "corpus_chunks",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("chunk", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("stock", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name="fk_corpus_chunks_report_id_reports"),
        sa.PrimaryKeyConstraint("report_id", "chunk", name="pk_corpus_chunks"),
    )
    op.create_table(
        "corpus_bands",
        sa.Column("band_key", sa.BigInteger(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("chunk", sa.Integer(), nullable=False),
    )
    # The lookup index: a new report's keys find every chunk that shares one. It covers all three
    # columns, so lookups and the corpus-wide scan in key order never touch the table itself.
    op.create_index("ix_corpus_bands_band_key", "corpus_bands", ["band_key", "report_id", "chunk"])
    op.create_index("ix_corpus_bands_report_id", "corpus_bands", ["report_id"])


def downgrade() -> None:
    op.drop_index("ix_corpus_bands_report_id", table_name="corpus_bands")
    op.drop_index("ix_corpus_bands_band_key", table_name="corpus_bands")
    op.drop_table("corpus_bands")
    op.drop_table("corpus_chunks")
    op.drop_index("ix_corpus_figures_indicator", table_name="corpus_figures")
    op.drop_table("corpus_figures")
    op.drop_table("corpus_indexed")
