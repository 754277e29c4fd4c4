"""follow-up screenings and the review of the previous plan's actions

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 21:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["previous_id"],
            ["screening.id"],
            name=op.f("fk_follow_up_previous_id_screening"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screening.id"],
            name=op.f("fk_follow_up_screening_id_screening"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
        sa.UniqueConstraint("screening_id", name=op.f("uq_follow_up_screening_id")),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_up_previous_id"), ["previous_id"], unique=False)

    op.create_table(
        "action_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("effect", sa.String(), nullable=False),
        sa.Column("comment", sa.String(), nullable=False),
        sa.Column("carried_action_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action.id"],
            name=op.f("fk_action_review_action_id_action"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["carried_action_id"],
            ["action.id"],
            name=op.f("fk_action_review_carried_action_id_action"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screening.id"],
            name=op.f("fk_action_review_screening_id_screening"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_review")),
        sa.UniqueConstraint(
            "screening_id", "action_id", name=op.f("uq_action_review_screening_id")
        ),
    )
    with op.batch_alter_table("action_review", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_review_action_id"), ["action_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_review_carried_action_id"), ["carried_action_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_review_screening_id"), ["screening_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("action_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_review_screening_id"))
        batch_op.drop_index(batch_op.f("ix_action_review_carried_action_id"))
        batch_op.drop_index(batch_op.f("ix_action_review_action_id"))

    op.drop_table("action_review")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_previous_id"))

    op.drop_table("follow_up")
