"""reports.score: the review score, kept beside the analysis for listing and sorting

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("score", sa.Float()))
    # Reports stored before the review existed have no score: they keep NULL
    # until re-analyzed, rather than a number nobody computed.


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("score")
