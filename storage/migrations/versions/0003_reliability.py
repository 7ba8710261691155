"""reliability: source backoff and staleness columns, page failures table

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SOURCE_COLUMNS = ("next_attempt_at", "last_full_fetch_at", "last_new_at")


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        for name in _SOURCE_COLUMNS:
            batch.add_column(sa.Column(name, sa.DateTime(timezone=True)))
    op.create_table(
        "page_failures",
        sa.Column("url", sa.String(2048), primary_key=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True)),
        sa.Column("gave_up", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("page_failures")
    with op.batch_alter_table("sources") as batch:
        for name in reversed(_SOURCE_COLUMNS):
            batch.drop_column(name)
