"""stable ids for units and screenings, a unit's area, and a screening's version

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 00:00:00.000000

A share file names a unit and its screenings by ids that stay the same in every
database (``uid``); a screening's ``version`` counts its edits, so that a newer
copy can replace an older one and two people editing one screening in a shared
database can tell each other's edits apart.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _fill_uids(table: str) -> None:
    bind = op.get_bind()
    ids = [row[0] for row in bind.execute(sa.text(f"SELECT id FROM {table}"))]
    for row_id in ids:
        bind.execute(
            sa.text(f"UPDATE {table} SET uid = :uid WHERE id = :id"),
            {"uid": uuid.uuid4().hex, "id": row_id},
        )


def upgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        batch.add_column(sa.Column("uid", sa.String(), nullable=True))
        batch.add_column(sa.Column("area", sa.String(), nullable=False, server_default=""))
    _fill_uids("unit")
    with op.batch_alter_table("unit") as batch:
        batch.alter_column("uid", existing_type=sa.String(), nullable=False)
        batch.create_unique_constraint(op.f("uq_unit_uid"), ["uid"])

    with op.batch_alter_table("screening") as batch:
        batch.add_column(sa.Column("uid", sa.String(), nullable=True))
        batch.add_column(
            sa.Column("version", sa.Integer(), nullable=False, server_default="1")
        )
    _fill_uids("screening")
    with op.batch_alter_table("screening") as batch:
        batch.alter_column("uid", existing_type=sa.String(), nullable=False)
        batch.create_unique_constraint(op.f("uq_screening_uid"), ["uid"])


def downgrade() -> None:
    with op.batch_alter_table("screening") as batch:
        batch.drop_constraint(op.f("uq_screening_uid"), type_="unique")
        batch.drop_column("version")
        batch.drop_column("uid")
    with op.batch_alter_table("unit") as batch:
        batch.drop_constraint(op.f("uq_unit_uid"), type_="unique")
        batch.drop_column("area")
        batch.drop_column("uid")
