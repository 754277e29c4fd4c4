"""palette, screenings and actions

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 09:39:58.524940
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "deck",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("shipped", sa.Boolean(), nullable=False),
        sa.Column("shipped_version", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deck")),
        sa.UniqueConstraint("key", name=op.f("uq_deck_key")),
    )
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
        sa.UniqueConstraint("name", name=op.f("uq_unit_name")),
    )
    op.create_table(
        "deck_theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deck_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("colour", sa.String(), nullable=False),
        sa.Column("symbol", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("user_edited", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deck_id"], ["deck.id"], name=op.f("fk_deck_theme_deck_id_deck"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deck_theme")),
        sa.UniqueConstraint("deck_id", "key", name=op.f("uq_deck_theme_deck_id")),
    )
    with op.batch_alter_table("deck_theme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deck_theme_deck_id"), ["deck_id"], unique=False)

    op.create_table(
        "screening",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("forum", sa.String(), nullable=False),
        sa.Column("purpose", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("next_follow_up", sa.Date(), nullable=True),
        sa.Column("summary", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_screening_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening")),
    )
    with op.batch_alter_table("screening", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_screening_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=False),
        sa.Column("theme_key", sa.String(), nullable=False),
        sa.Column("problem", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("owner", sa.String(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("follow_up", sa.Date(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("success", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("data_reference", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screening.id"],
            name=op.f("fk_action_screening_id_screening"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_screening_id"), ["screening_id"], unique=False)

    op.create_table(
        "card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deck_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("card_key", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("user_edited", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deck_id"], ["deck.id"], name=op.f("fk_card_deck_id_deck"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["deck_theme.id"],
            name=op.f("fk_card_theme_id_deck_theme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card")),
        sa.UniqueConstraint("deck_id", "card_key", name=op.f("uq_card_deck_id")),
    )
    with op.batch_alter_table("card", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_card_deck_id"), ["deck_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_card_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screening.id"],
            name=op.f("fk_participant_screening_id_screening"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant")),
    )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participant_screening_id"), ["screening_id"], unique=False
        )

    op.create_table(
        "theme_assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=False),
        sa.Column("theme_key", sa.String(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("resources", sa.String(), nullable=False),
        sa.Column("challenges", sa.String(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screening.id"],
            name=op.f("fk_theme_assessment_screening_id_screening"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_assessment")),
        sa.UniqueConstraint(
            "screening_id", "theme_key", name=op.f("uq_theme_assessment_screening_id")
        ),
    )
    with op.batch_alter_table("theme_assessment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_theme_assessment_screening_id"), ["screening_id"], unique=False
        )

    op.create_table(
        "card_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=False),
        sa.Column("discussed", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["card_id"], ["card.id"], name=op.f("fk_card_note_card_id_card"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screening.id"],
            name=op.f("fk_card_note_screening_id_screening"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_note")),
        sa.UniqueConstraint("screening_id", "card_id", name=op.f("uq_card_note_screening_id")),
    )
    with op.batch_alter_table("card_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_card_note_card_id"), ["card_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_card_note_screening_id"), ["screening_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("card_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_card_note_screening_id"))
        batch_op.drop_index(batch_op.f("ix_card_note_card_id"))

    op.drop_table("card_note")
    with op.batch_alter_table("theme_assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_assessment_screening_id"))

    op.drop_table("theme_assessment")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_screening_id"))

    op.drop_table("participant")
    with op.batch_alter_table("card", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_card_theme_id"))
        batch_op.drop_index(batch_op.f("ix_card_deck_id"))

    op.drop_table("card")
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_screening_id"))

    op.drop_table("action")
    with op.batch_alter_table("screening", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_screening_unit_id"))

    op.drop_table("screening")
    with op.batch_alter_table("deck_theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deck_theme_deck_id"))

    op.drop_table("deck_theme")
    op.drop_table("unit")
    op.drop_table("deck")
