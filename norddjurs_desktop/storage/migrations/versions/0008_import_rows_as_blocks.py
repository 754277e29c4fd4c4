"""an import's absence rows and staff list as one block each instead of one SQL row each

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 02:45:00.000000

A municipality's import is 150,000–560,000 absence rows and 5,000–20,000
persons. One INSERT and one index entry per row made most of an import's
time, and reading them back one tuple at a time most of a first data view.
Each import's absence rows now live in one value of ``absence_block``, and its
staff list in one value of ``staff_block`` (layouts:
:mod:`norddjurs_desktop.storage.absence_block`, :mod:`.staff_block`), in the
order of the file. Every existing import's rows are moved into its blocks in
file order (``ORDER BY id``), then ``absence_record`` and ``staff_record`` are
dropped; the downgrade rebuilds the rows from the blocks in the same order.
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
from norddjurs_desktop.storage.staff_block import decode_staff, encode_staff, staff_tuples

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None
_CHUNK = 16384


def _block_table(name: str) -> sa.TableClause:
    return sa.table(
        name,
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
_staff = sa.table(
    "staff_record",
    sa.column("import_id", sa.Integer()),
    sa.column("key", sa.String()),
    sa.column("team", sa.String()),
    sa.column("job_group", sa.String()),
    sa.column("age", sa.Integer()),
    sa.column("grade", sa.Float()),
    sa.column("employed_from", sa.Date()),
    sa.column("employed_to", sa.Date()),
)


def _create_block_table(name: str) -> None:
    op.create_table(
        name,
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("format_version", sa.Integer(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"], ["absence_import.id"],
            name=op.f(f"fk_{name}_import_id_absence_import"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("import_id", name=op.f(f"pk_{name}")),
    )


def _import_ids(bind: sa.Connection) -> list[int]:
    return [row[0] for row in bind.execute(sa.text("SELECT id FROM absence_import ORDER BY id"))]


def _store(bind: sa.Connection, table: str, import_id: int, rows: int, data: bytes) -> None:
    bind.execute(sa.insert(_block_table(table)), [{
        "import_id": import_id, "format_version": FORMAT_VERSION, "row_count": rows,
        "data": data,
    }])


def upgrade() -> None:
    _create_block_table("absence_block")
    _create_block_table("staff_block")
    bind = op.get_bind()
    rows_of = sa.text(
        'SELECT key, reason, start, "end" FROM absence_record WHERE import_id = :id ORDER BY id'
    ).execution_options(stream_results=True)  # a server-side cursor on PostgreSQL
    staff_of = sa.text(
        "SELECT key, team, job_group, age, grade, employed_from, employed_to"
        " FROM staff_record WHERE import_id = :id ORDER BY id"
    )
    for import_id in _import_ids(bind):
        # In chunks, each turned into codes at once: a 560,000-row import never sits in
        # memory as row tuples (stored dates arrive as ISO text on SQLite, dates on PostgreSQL).
        builder = BlockBuilder()
        for chunk in bind.execute(rows_of, {"id": import_id}).partitions(_CHUNK):
            keys, reasons, starts, ends = zip(*chunk, strict=True)
            builder.add(keys, reasons, starts, ends)
        block = builder.block()
        _store(bind, "absence_block", import_id, block.rows, encode_block(block))
        staff = bind.execute(staff_of, {"id": import_id}).all()
        columns = [list(column) for column in zip(*staff, strict=True)] or [[]] * 7
        _store(bind, "staff_block", import_id, len(staff), encode_staff(*columns))
    for table in ("absence_record", "staff_record"):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(batch.f(f"ix_{table}_import_id"))
        op.drop_table(table)


def _create_row_table(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(
            ["import_id"], ["absence_import.id"],
            name=op.f(f"fk_{name}_import_id_absence_import"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    with op.batch_alter_table(name) as batch:
        batch.create_index(batch.f(f"ix_{name}_import_id"), ["import_id"], unique=False)


def downgrade() -> None:
    _create_row_table(
        "absence_record",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
    )
    _create_row_table(
        "staff_record",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("team", sa.String(), nullable=False),
        sa.Column("job_group", sa.String(), nullable=False),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("grade", sa.Float(), nullable=False),
        sa.Column("employed_from", sa.Date(), nullable=True),
        sa.Column("employed_to", sa.Date(), nullable=True),
    )
    bind = op.get_bind()
    days: dict[int, date | None] = {NO_END: None}

    def day(ordinal: int | None) -> date | None:
        if ordinal is None:
            return None
        if ordinal not in days:
            days[ordinal] = date.fromordinal(ordinal)
        return days[ordinal]

    for import_id, version, count, data in bind.execute(sa.text(
        "SELECT import_id, format_version, row_count, data FROM staff_block ORDER BY import_id"
    )).all():
        staff = staff_tuples(decode_staff(data, import_id=import_id, version=version,
                                          rows=count))
        if staff:
            bind.execute(sa.insert(_staff), [
                {"import_id": import_id, "key": k, "team": t, "job_group": j, "age": a,
                 "grade": g, "employed_from": day(f), "employed_to": day(e)}
                for k, t, j, a, g, f, e in staff
            ])
    for import_id, version, count, data in bind.execute(sa.text(
        "SELECT import_id, format_version, row_count, data FROM absence_block ORDER BY import_id"
    )).all():
        block = decode_block(data, import_id=import_id, version=version, rows=count)
        if block.rows:
            bind.execute(sa.insert(_records), [
                {"import_id": import_id, "key": block.keys[k], "reason": block.reasons[r],
                 "start": day(s), "end": day(e)}
                for k, r, s, e in zip(block.key_code.tolist(), block.reason_code.tolist(),
                                      block.start.tolist(), block.end.tolist(), strict=True)
            ])
    op.drop_table("absence_block")
    op.drop_table("staff_block")
