"""an import's absence rows as one block instead of one SQL row each

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 02:45:00.000000

A municipality's import is 150,000–560,000 absence rows. One INSERT and one
index entry per row made most of an import's time, and reading them back one
tuple at a time most of a first data view. Each import's rows now live in one
value of ``absence_block`` (layout: :mod:`norddjurs_desktop.storage.absence_block`),
in the order of the file. Every existing import's rows are moved into its
block in file order (``ORDER BY id``), then ``absence_record`` is dropped; the
downgrade rebuilds the rows from the blocks in the same order.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

from norddjurs_desktop.storage.absence_block import (
    FORMAT_VERSION,
    NO_END,
    BlockBuilder,
    decode_block,
    encode_block,
)

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None
_CHUNK = 16384

_blocks = sa.table(
    "absence_block",
    sa.column("import_id", sa.Integer()),
    sa.column("format_version", sa.Integer()),
    sa.column("row_count", sa.Integer()),
    sa.column("data", sa.LargeBinary()),
)
_records = sa.table(
    "absence_record",
    sa.column("import_id", sa.Integer()),
    sa.column("key", sa.String()),
    sa.column("reason", sa.String()),
    sa.column("start", sa.Date()),
    sa.column("end", sa.Date()),
)


def _import_ids(bind: sa.Connection) -> list[int]:
    return [row[0] for row in bind.execute(sa.text("SELECT id FROM absence_import ORDER BY id"))]


def upgrade() -> None:
    op.create_table(
        "absence_block",
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("format_version", sa.Integer(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"], ["absence_import.id"],
            name=op.f("fk_absence_block_import_id_absence_import"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("import_id", name=op.f("pk_absence_block")),
    )
    bind = op.get_bind()
    rows_of = sa.text(
        'SELECT key, reason, start, "end" FROM absence_record WHERE import_id = :id ORDER BY id'
    ).execution_options(stream_results=True)  # a server-side cursor on PostgreSQL
    for import_id in _import_ids(bind):
        # In chunks, each turned into codes at once: a 560,000-row import never sits in
        # memory as row tuples (stored dates arrive as ISO text on SQLite, dates on PostgreSQL).
        builder = BlockBuilder()
        for chunk in bind.execute(rows_of, {"id": import_id}).partitions(_CHUNK):
            keys, reasons, starts, ends = zip(*chunk, strict=True)
            builder.add(keys, reasons, starts, ends)
        block = builder.block()
        bind.execute(sa.insert(_blocks), [{
            "import_id": import_id, "format_version": FORMAT_VERSION,
            "row_count": block.rows, "data": encode_block(block),
        }])
    with op.batch_alter_table("absence_record") as batch:
        batch.drop_index(batch.f("ix_absence_record_import_id"))
    op.drop_table("absence_record")


def downgrade() -> None:
    op.create_table(
        "absence_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_id"], ["absence_import.id"],
            name=op.f("fk_absence_record_import_id_absence_import"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absence_record")),
    )
    with op.batch_alter_table("absence_record") as batch:
        batch.create_index(batch.f("ix_absence_record_import_id"), ["import_id"], unique=False)
    bind = op.get_bind()
    stored = bind.execute(sa.text(
        "SELECT import_id, format_version, row_count, data FROM absence_block"
        " ORDER BY import_id"
    )).all()
    for import_id, version, count, data in stored:
        block = decode_block(data, import_id=import_id, version=version, rows=count)
        ordinals = set(block.start.tolist()) | set(block.end.tolist())
        days = {o: None if o == NO_END else date.fromordinal(o) for o in ordinals}
        if block.rows:
            bind.execute(sa.insert(_records), [
                {"import_id": import_id, "key": block.keys[k], "reason": block.reasons[r],
                 "start": days[s], "end": days[e]}
                for k, r, s, e in zip(block.key_code.tolist(), block.reason_code.tolist(),
                                      block.start.tolist(), block.end.tolist(), strict=True)
            ])
    op.drop_table("absence_block")
