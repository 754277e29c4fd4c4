"""What a database file holds of its imports' rows, read (and edited) as tests need.

The absence rows and the staff list are one block each per import
(``absence_block``, ``staff_block``); these helpers give them back as plain
tuples in the order of the file, so a test can say what is stored
without knowing the layout, and can plant rows an older version might have left.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

from norddjurs_desktop.storage.absence_block import NO_END, decode_block, encode_rows
from norddjurs_desktop.storage.staff_block import decode_staff, encode_staff, staff_tuples

Row = tuple[str, str, str, str | None]  # key, reason, start and end as ISO text (None: open)


def _iso(ordinal: int) -> str | None:
    return None if ordinal == NO_END else date.fromordinal(ordinal).isoformat()


def block_rows(import_id: int, version: int, count: int, data: bytes) -> list[Row]:
    block = decode_block(data, import_id=import_id, version=version, rows=count)
    return [
        (block.keys[k], block.reasons[r], _iso(s) or "", _iso(e))
        for k, r, s, e in zip(block.key_code.tolist(), block.reason_code.tolist(),
                              block.start.tolist(), block.end.tolist(), strict=True)
    ]


def stored_rows(source: Path | sqlite3.Connection | Any, import_id: int | None = None) -> list[Row]:
    """Every stored absence row (of one import, or of all in import order), in file order.

    ``source``: a SQLite file, a sqlite3 connection, or the app's ``Database`` (any server).
    """
    if isinstance(source, Path):
        with closing(sqlite3.connect(source)) as conn:
            return stored_rows(conn, import_id)
    sql = ("SELECT import_id, format_version, row_count, data FROM absence_block"
           + (" WHERE import_id = ?" if import_id is not None else "") + " ORDER BY import_id")
    parameters = () if import_id is None else (import_id,)
    if isinstance(source, sqlite3.Connection):
        found = source.execute(sql, parameters).fetchall()
    else:
        found = source.read(sql, parameters)
    return [row for stored in found for row in block_rows(*stored)]


def stored_count(path: Path) -> int:
    """How many absence rows the file holds, all imports together."""
    return len(stored_rows(path))


def rewrite_rows(conn: sqlite3.Connection, change: Callable[[list[Row]], list[Row]]) -> None:
    """Replace every import's rows by ``change(rows)``, as an older version might have stored."""
    for (import_id,) in conn.execute("SELECT import_id FROM absence_block").fetchall():
        rows = change(stored_rows(conn, import_id))
        data = encode_rows([r[0] for r in rows], [r[1] for r in rows],
                           [date.fromisoformat(r[2]) for r in rows],
                           [None if r[3] is None else date.fromisoformat(r[3]) for r in rows])
        conn.execute("UPDATE absence_block SET data = ?, row_count = ? WHERE import_id = ?",
                     (data, len(rows), import_id))


StaffRow = tuple[str, str, str, int | None, float, str | None, str | None]


def _staff_rows(import_id: int, version: int, count: int, data: bytes) -> list[StaffRow]:
    staff = staff_tuples(decode_staff(data, import_id=import_id, version=version, rows=count))
    return [(k, t, j, a, g, None if f is None else _iso(f), None if e is None else _iso(e))
            for k, t, j, a, g, f, e in staff]


def stored_staff(source: Path | sqlite3.Connection | Any,
                 import_id: int | None = None) -> list[StaffRow]:
    """Every stored person (of one import, or of all in import order), in file order."""
    if isinstance(source, Path):
        with closing(sqlite3.connect(source)) as conn:
            return stored_staff(conn, import_id)
    sql = ("SELECT import_id, format_version, row_count, data FROM staff_block"
           + (" WHERE import_id = ?" if import_id is not None else "") + " ORDER BY import_id")
    parameters = () if import_id is None else (import_id,)
    if isinstance(source, sqlite3.Connection):
        found = source.execute(sql, parameters).fetchall()
    else:
        found = source.read(sql, parameters)
    return [row for stored in found for row in _staff_rows(*stored)]


def rewrite_staff(conn: sqlite3.Connection,
                  change: Callable[[list[StaffRow]], list[StaffRow]]) -> None:
    """Replace every import's staff list by ``change(rows)``, as an older version might have."""
    for (import_id,) in conn.execute("SELECT import_id FROM staff_block").fetchall():
        rows = change(stored_staff(conn, import_id))
        data = encode_staff(*[list(column) for column in zip(*rows, strict=True)])
        conn.execute("UPDATE staff_block SET data = ?, row_count = ? WHERE import_id = ?",
                     (data, len(rows), import_id))
