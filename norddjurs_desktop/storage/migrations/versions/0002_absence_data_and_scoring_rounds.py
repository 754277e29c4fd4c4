"""absence data and scoring rounds

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 09:46:50.311046
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "column_mapping",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("headers", sa.String(), nullable=False),
        sa.Column("mapping", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_column_mapping")),
        sa.UniqueConstraint("kind", "headers", name=op.f("uq_column_mapping_kind")),
    )
    op.create_table(
        "absence_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("staff_file", sa.String(), nullable=False),
        sa.Column("absence_file", sa.String(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("staff_rows", sa.Integer(), nullable=False),
        sa.Column("absence_rows", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_absence_import_unit_id_unit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absence_import")),
    )
    with op.batch_alter_table("absence_import", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_absence_import_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "key_figure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("absence_pct", sa.Float(), nullable=True),
        sa.Column("sick_days", sa.Float(), nullable=True),
        sa.Column("fte", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_key_figure_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_figure")),
        sa.UniqueConstraint("unit_id", "month", name=op.f("uq_key_figure_unit_id")),
    )
    with op.batch_alter_table("key_figure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_key_figure_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "absence_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["absence_import.id"],
            name=op.f("fk_absence_record_import_id_absence_import"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absence_record")),
    )
    with op.batch_alter_table("absence_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_absence_record_import_id"), ["import_id"], unique=False
        )

    op.create_table(
        "staff_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("team", sa.String(), nullable=False),
        sa.Column("job_group", sa.String(), nullable=False),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("grade", sa.Float(), nullable=False),
        sa.Column("employed_from", sa.Date(), nullable=True),
        sa.Column("employed_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["absence_import.id"],
            name=op.f("fk_staff_record_import_id_absence_import"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_record")),
    )
    with op.batch_alter_table("staff_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_record_import_id"), ["import_id"], unique=False)

    op.create_table(
        "vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=False),
        sa.Column("theme_key", sa.String(), nullable=False),
        sa.Column("voter", sa.String(), nullable=False),
        sa.Column("voter_role", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("by_facilitator", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screening.id"],
            name=op.f("fk_vote_screening_id_screening"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote")),
    )
    with op.batch_alter_table("vote", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vote_screening_id"), ["screening_id"], unique=False)

    with op.batch_alter_table("screening", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("anonymity", sa.String(), nullable=False, server_default="navne")
        )


def downgrade() -> None:

    with op.batch_alter_table("screening", schema=None) as batch_op:
        batch_op.drop_column("anonymity")

    with op.batch_alter_table("vote", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vote_screening_id"))

    op.drop_table("vote")
    with op.batch_alter_table("staff_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_record_import_id"))

    op.drop_table("staff_record")
    with op.batch_alter_table("absence_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_absence_record_import_id"))

    op.drop_table("absence_record")
    with op.batch_alter_table("key_figure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_key_figure_unit_id"))

    op.drop_table("key_figure")
    with op.batch_alter_table("absence_import", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_absence_import_unit_id"))

    op.drop_table("absence_import")
    op.drop_table("column_mapping")
