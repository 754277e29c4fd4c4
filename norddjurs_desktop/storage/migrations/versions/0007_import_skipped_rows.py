"""an import's record of the absence rows it left out

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 00:30:00.000000

An import may leave out absence rows that cannot be used (an impossible
date, Til before Fra, an unknown person) when the user asks for it; which
rows, and why, is kept with the import as JSON so the summary can be shown
again later. "" for every earlier import and for imports that skipped none.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("absence_import") as batch:
        batch.add_column(
            sa.Column("skipped_rows", sa.String(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("absence_import") as batch:
        batch.drop_column("skipped_rows")
