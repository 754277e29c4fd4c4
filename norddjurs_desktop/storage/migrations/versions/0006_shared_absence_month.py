"""monthly absence figures that came in with a share file

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 01:00:00.000000

HR brings in units' share files; their aggregated monthly figures (never
person-level rows) are kept per unit and month so the overview can show a
12-month absence % for a unit whose own data is not in this database.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shared_absence_month",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("absence_pct", sa.Float(), nullable=False),
        sa.Column("sick_days", sa.Float(), nullable=True),
        sa.Column("fte", sa.Float(), nullable=True),
        sa.Column("spells", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("shared_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"],
            name=op.f("fk_shared_absence_month_unit_id_unit"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shared_absence_month")),
        sa.UniqueConstraint("unit_id", "month", name=op.f("uq_shared_absence_month_unit_id")),
    )
    with op.batch_alter_table("shared_absence_month") as batch:
        batch.create_index(
            batch.f("ix_shared_absence_month_unit_id"), ["unit_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("shared_absence_month") as batch:
        batch.drop_index(batch.f("ix_shared_absence_month_unit_id"))
    op.drop_table("shared_absence_month")
