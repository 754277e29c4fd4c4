"""The stored blocks (absence rows, staff list): read back exactly, a damaged one refused.

A block that is cut off, overwritten or crafted must never crash the app, make
it allocate gigabytes or hang: reading it says, in one Danish line, that the
import's rows are damaged and what to do, and `stats` exits 2.
"""

from __future__ import annotations

import json
import random
import sqlite3
import struct
import sys
from contextlib import closing
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from norddjurs_desktop.cli import main
from norddjurs_desktop.domain.absence_records import AbsenceRow
from norddjurs_desktop.importing.absence_export import read_export
from norddjurs_desktop.paths import DEMO
from norddjurs_desktop.services import units
from norddjurs_desktop.services.absence import import_absence_files, load_dataset, unit_stats
from norddjurs_desktop.services.absence_stats import forget_dataset
from norddjurs_desktop.storage.absence_block import (
    NO_END,
    DamagedBlockError,
    decode_block,
    encode_rows,
)
from norddjurs_desktop.storage.errors import StorageError
from norddjurs_desktop.storage.staff_block import decode_staff, encode_staff, staff_tuples

ROWS = [
    AbsenceRow("AE-1", "Egen sygdom", date(2024, 2, 5), date(2024, 2, 6)),
    AbsenceRow("Ø;2\n\"x\"", "  EGEN   SYGDOM ", date(2024, 2, 5), None),
    AbsenceRow("AE-1", "§ 56", date(1990, 1, 1), date(9999, 12, 31)),
    AbsenceRow("AE-3", "Egen sygdom", date(2024, 3, 1), date(2024, 3, 1)),
]


def _encode(rows: list[AbsenceRow]) -> bytes:
    return encode_rows([r.key for r in rows], [r.reason for r in rows],
                       [r.start for r in rows], [r.end for r in rows])


def _decoded_rows(data: bytes) -> list[AbsenceRow]:
    block = decode_block(data)
    return [
        AbsenceRow(block.keys[k], block.reasons[r], date.fromordinal(s),
                   None if e == NO_END else date.fromordinal(e))
        for k, r, s, e in zip(block.key_code.tolist(), block.reason_code.tolist(),
                              block.start.tolist(), block.end.tolist(), strict=True)
    ]


def test_a_block_gives_back_every_row_in_file_order_with_each_text_once() -> None:
    data = _encode(ROWS)
    assert _decoded_rows(data) == ROWS
    block = decode_block(data, version=1, rows=4)
    assert block.keys == ("AE-1", "Ø;2\n\"x\"", "AE-3")  # distinct, first seen first
    assert block.reasons == ("Egen sygdom", "  EGEN   SYGDOM ", "§ 56")
    assert _decoded_rows(_encode([])) == []


def _refused(data: bytes | None, **kwargs: object) -> str:
    with pytest.raises(DamagedBlockError) as caught:
        decode_block(data, import_id=7, **kwargs)  # type: ignore[arg-type]
    text = str(caught.value)
    assert "importen 7 er beskadiget" in text and "\n" not in text
    return text


def test_a_cut_off_block_is_refused_at_every_length() -> None:
    data = _encode(ROWS * 5)
    for length in range(len(data)):
        _refused(data[:length])
    _refused(data + b"\0" * 8)  # and one with bytes too many


def _crafted(header: object, columns: bytes = b"", version: int = 1,
             magic: bytes = b"FPAB", size: int | None = None) -> bytes:
    text = json.dumps(header).encode()
    start = 12 + len(text)
    return (struct.pack("<4sII", magic, version, len(text) if size is None else size) + text
            + b"\0" * (-start % 8) + columns)


def _ints(*values: int) -> bytes:
    return np.array(values, dtype="<i4").tobytes()


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (None, "mangler"),
        (b"PK\x03\x04" + b"\0" * 40, "ukendt indhold"),  # not a block at all
        (_crafted({"rows": 0, "keys": [], "reasons": []}, version=2), "formatversion 2"),
        (_crafted({"rows": 0, "keys": [], "reasons": []}, size=0xFFFFFFFF), "afkortet"),
        (struct.pack("<4sII", b"FPAB", 1, 3) + b"{\xff}" + b"\0" * 5, "hoved"),
        (_crafted([1, 2, 3]), "hoved"),
        (_crafted({"rows": -1, "keys": [], "reasons": []}), "hoved"),
        (_crafted({"rows": True, "keys": [], "reasons": []}), "hoved"),
        (_crafted({"rows": 0, "keys": [1], "reasons": []}), "hoved"),
        (_crafted({"rows": 2**40, "keys": ["a"], "reasons": ["b"]}), "afkortet"),  # no 16 TB
        (_crafted({"rows": 1, "keys": ["a"], "reasons": ["b"]}, _ints(1, 0, 738000, 0)),
         "koder"),
        (_crafted({"rows": 1, "keys": ["a"], "reasons": ["b"]}, _ints(0, -1, 738000, 0)),
         "koder"),
        (_crafted({"rows": 1, "keys": ["a"], "reasons": ["b"]}, _ints(0, 0, 0, 0)), "datoer"),
        (_crafted({"rows": 1, "keys": ["a"], "reasons": ["b"]}, _ints(0, 0, 738000, 2**31 - 1)),
         "datoer"),
        (_crafted({"rows": 1, "keys": ["a"], "reasons": ["b"]}, _ints(0, 0, 738000, -5)),
         "datoer"),
    ],
    ids=["missing", "zip", "version", "huge-header", "not-utf8", "not-an-object",
         "negative-rows", "bool-rows", "key-not-text", "rows-beyond-data", "key-code",
         "reason-code", "start-zero", "end-beyond-9999", "end-negative"],
)
def test_a_crafted_block_is_refused_with_the_reason(data: bytes | None, why: str) -> None:
    assert why in _refused(data)


def test_the_table_and_the_bytes_must_agree() -> None:
    data = _encode(ROWS)
    assert "importen siger 5" in _refused(data, rows=5)
    assert "formatversion 9" in _refused(data, version=9)


def test_random_damage_is_refused_or_read_never_anything_else() -> None:
    data = bytearray(_encode(ROWS * 20))
    rng = random.Random(14)
    for _ in range(2000):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            block = decode_block(bytes(damaged))
        except DamagedBlockError:
            continue
        # What still reads is whole: every code points into its table.
        assert block.key_code.max() < len(block.keys)
        assert block.reason_code.max() < len(block.reasons)


def test_a_damaged_block_in_the_file_gives_one_danish_line(db, db_path, capsys) -> None:
    unit_id = units.create_unit(db, "Børnehuset")
    info = import_absence_files(db, unit_id, DEMO / "medarbejdere.csv", DEMO / "fravaer.csv")
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE absence_block SET data = substr(data, 1, 5000)")
    forget_dataset(db)  # read from the file, as a fresh process would
    with pytest.raises(StorageError, match=f"importen {info.id} er beskadiget"):
        unit_stats(db, unit_id)
    db.close()
    capsys.readouterr()
    assert main(["stats", "--db", str(db_path), "--unit", "Børnehuset"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "beskadiget" in err[0] and "sikkerhedskopi" in err[0]


@pytest.mark.both_databases
def test_an_import_stores_one_block_that_reads_back_as_the_file(db) -> None:
    """On a SQLite file (BLOB) and on PostgreSQL (bytea) alike."""
    unit_id = units.create_unit(db, "Børnehuset")
    import_absence_files(db, unit_id, DEMO / "medarbejdere.csv", DEMO / "fravaer.csv")
    (version, count, data), = db.read(
        "SELECT format_version, row_count, data FROM absence_block")
    forget_dataset(db)
    dataset = load_dataset(db, unit_id)
    assert dataset is not None
    assert (version, count) == (1, dataset.info.absence_rows)
    expected = read_export(DEMO / "medarbejdere.csv", DEMO / "fravaer.csv").absences
    assert tuple(_decoded_rows(bytes(data))) == dataset.absences == expected


def test_a_disk_that_fills_while_the_block_is_written_stores_nothing(db_path, tmp_path) -> None:
    """All or nothing: the import row and the staff block go back out with the absence block."""
    from sqlalchemy import event

    from norddjurs_desktop.services.bootstrap import open_app_database
    from norddjurs_desktop.storage.errors import DISK_FULL_MESSAGE, DiskFullError

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from make_absence_files import make_files

    staff, absence = make_files(tmp_path / "filer", staff_count=300, seed=7)
    db = open_app_database(db_path)
    unit_id = units.create_unit(db, "Børnehuset")
    with db.reader() as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    # Room for the import row and the staff list, not for ~9,000 absence rows' block.
    event.listen(db.engine, "connect", lambda c, _r: c.execute(
        f"PRAGMA max_page_count={pages + 12}"))
    db.engine.dispose()
    try:
        with pytest.raises(DiskFullError) as caught:
            import_absence_files(db, unit_id, staff, absence)
        assert str(caught.value) == DISK_FULL_MESSAGE
    finally:
        db.close()
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("absence_import", "staff_block", "absence_block")] == [0, 0, 0]
        assert conn.execute("SELECT name FROM unit").fetchall() == [("Børnehuset",)]


STAFF_COLUMNS = (
    ["AE-1", "Ø;2\n", "AE-1"], ["Humlebien", "", "Humlebien"], ["Pædagog", "", "pædagog "],
    [34, None, 61], [1.0, 0.37, 0.5], [date(2019, 8, 1), None, date(1990, 1, 1)],
    [None, date(2025, 6, 30), date(9999, 12, 31)],
)


def test_a_staff_block_gives_back_every_person_as_stored() -> None:
    stored = decode_staff(encode_staff(*STAFF_COLUMNS), version=1, rows=3)
    assert staff_tuples(stored) == [
        (k, t, j, a, g, f and f.toordinal(), e and e.toordinal())
        for k, t, j, a, g, f, e in zip(*STAFF_COLUMNS, strict=True)
    ]
    assert stored.keys == ("AE-1", "Ø;2\n") and stored.job_groups == ("Pædagog", "", "pædagog ")


def test_a_damaged_staff_block_is_refused_in_danish() -> None:
    data = encode_staff(*STAFF_COLUMNS)
    for length in range(len(data)):
        with pytest.raises(DamagedBlockError, match="Medarbejderlisten for importen 3 er besk"):
            decode_staff(data[:length], import_id=3)
    with pytest.raises(DamagedBlockError, match="ukendt indhold"):
        decode_staff(_encode(ROWS), import_id=3)  # an absence block is not a staff list
    nan = bytearray(data)
    offset = len(data) - 3 * (8 + 6 * 4)  # the grades come first
    nan[offset:offset + 8] = struct.pack("<d", float("nan"))
    with pytest.raises(DamagedBlockError, match="beskæftigelsesgrad"):
        decode_staff(bytes(nan), import_id=3)


def test_a_damaged_staff_list_in_the_file_gives_one_danish_line(db, db_path, capsys) -> None:
    unit_id = units.create_unit(db, "Børnehuset")
    import_absence_files(db, unit_id, DEMO / "medarbejdere.csv", DEMO / "fravaer.csv")
    db.close()
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE staff_block SET data = X'00'")
    capsys.readouterr()
    assert main(["stats", "--db", str(db_path), "--unit", "Børnehuset"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Medarbejderlisten" in err[0] and "beskadiget" in err[0]


@pytest.mark.parametrize("skip", [False, True])
def test_the_readers_codes_and_day_numbers_store_the_rows_its_texts_and_dates_give(
    tmp_path: Path, skip: bool,
) -> None:
    """The import stores the reader's own codes and day numbers: the rows are the same."""
    from norddjurs_desktop.importing.absence_export import OPEN_END

    absence = tmp_path / "fravaer.csv"
    extra = "\nae-1045;EGEN sygdom;02-06-2025;"  # another spelling of a key, an open end
    if skip:  # a person on no list and an impossible date, left out on request
        extra += "\nZZ-9;Egen sygdom;03-06-2025;04-06-2025\nAE-1001;Egen sygdom;31-02-2025;"
    absence.write_text(
        DEMO.joinpath("fravaer.csv").read_text(encoding="utf-8").rstrip("\n") + extra + "\n",
        encoding="utf-8")
    columns = read_export(DEMO / "medarbejdere.csv", absence, skip_bad_rows=skip).columns
    assert "ZZ-9" not in columns.keys
    assert columns.start_ordinals is not None and columns.end_ordinals is not None
    assert None in columns.ends  # an open end is among the rows
    plain = encode_rows(columns.keys, columns.reasons, columns.starts, columns.ends)
    assert columns.key_table is not None and columns.reason_table is not None
    fast = encode_rows(columns.keys, columns.reasons, columns.starts, columns.ends,
                       ordinals=(columns.start_ordinals, columns.end_ordinals, OPEN_END),
                       coded=(columns.key_table, columns.reason_table))
    assert _rows(decode_block(fast)) == _rows(decode_block(plain))
    assert NO_END in decode_block(fast).end


def _rows(block) -> list[tuple[str, str, int, int]]:
    return [(block.keys[k], block.reasons[r], s, e) for k, r, s, e in zip(
        block.key_code.tolist(), block.reason_code.tolist(), block.start.tolist(),
        block.end.tolist(), strict=True)]
