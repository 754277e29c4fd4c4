"""What an absence import refuses before anything is stored, and what it never leaves behind.

CPR numbers with any separator, names in the key column, implausible dates and
long group names are refused with the row and the column; 31-12-9999 in an end
column means "no end date"; keys differing only in case are one person; and a
failed import into a new unit leaves no unit.
"""

from __future__ import annotations

import sqlite3
import sys
import unicodedata
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from stored_blocks import rewrite_rows, rewrite_staff

from norddjurs_desktop.cli import main
from norddjurs_desktop.importing.absence_export import read_export
from norddjurs_desktop.importing.cpr import DASHES, SEPARATORS, SPACES, looks_like_cpr
from norddjurs_desktop.importing.errors import ImportFileError

STAFF_HEADER = "Medarbejder;Team;Faggruppe;Alder;Ansat fra;Ansat til"
ABSENCE_HEADER = "Medarbejder;Fraværsårsag;Fra;Til"
STAFF = ["K1;Alfa;Pædagog;34;01-02-2020;", "K2;Alfa;Pædagog;40;;", "K3;Beta;Leder;51;;"]
ABSENCE = ["K1;Sygdom;04-03-2024;05-03-2024", "K2;Sygdom;06-03-2024;06-03-2024"]


def files(folder: Path, staff: list[str] = STAFF, absence: list[str] = ABSENCE,
          staff_header: str = STAFF_HEADER) -> tuple[Path, Path]:
    staff_path, absence_path = folder / "staff.csv", folder / "absence.csv"
    staff_path.write_text("\n".join([staff_header, *staff]) + "\n", encoding="utf-8")
    absence_path.write_text("\n".join([ABSENCE_HEADER, *absence]) + "\n", encoding="utf-8")
    return staff_path, absence_path


def refusal(staff: Path, absence: Path) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        read_export(staff, absence)
    return caught.value


# -- CPR numbers, whatever the separator ------------------------------------------------------
def test_the_separator_lists_cover_every_unicode_dash_and_space() -> None:
    for code in range(sys.maxunicode + 1):
        category = unicodedata.category(chr(code))
        if category == "Pd":
            assert chr(code) in DASHES, hex(code)
        elif category == "Zs":
            assert chr(code) in SPACES, hex(code)


SEPARATED = [
    "010190-1234", "010190\u20131234", "010190\u20141234", "010190\u20101234",
    "010190\u20111234", "010190\u22121234", "010190\u00a01234", "010190\u202f1234",
    "010190\u20091234", "010190/1234", "010190.1234", "01.01.90.1234", "01.01.90-1234",
    "010190  1234", "010190 1234", "0101901234", "01 01 90 1234", "010190\u30001234",
    "010190\uff0d1234", "010190\u00ad1234", "010190\t1234",
]


@pytest.mark.parametrize("value", SEPARATED)
def test_cpr_found_whatever_the_separator(tmp_path: Path, value: str) -> None:
    assert looks_like_cpr(value) and looks_like_cpr(f"Note: {value} ok")
    staff = files(tmp_path, staff_header=STAFF_HEADER + ";Bemærkning",
                  staff=[f"{row};" for row in STAFF[:2]] + [f"{STAFF[2]};{value}"])[0]
    error = refusal(staff, tmp_path / "absence.csv")
    assert (error.row, error.column) == (4, "Bemærkning") and "CPR" in error.message
    assert "1234" not in error.message


@pytest.mark.parametrize("value", ["01-03-2024", "2024-03-04", "12.345.678", "1.234,50",
                                   "K 0101", "31-02-2024 12:00", "Tlf. 86 12 34 56"])
def test_ordinary_values_are_not_cpr(value: str) -> None:
    assert not looks_like_cpr(value)
    assert all(c not in SEPARATORS for c in "0123456789")


# -- names as keys --------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Jens Hansen", "Anne-Marie O'Neil", "Ådne  Østergård"])
def test_a_key_column_of_names_is_refused(tmp_path: Path, name: str) -> None:
    staff, absence = files(tmp_path, staff=[*STAFF, f"{name};Beta;Leder;44;;"])
    error = refusal(staff, absence)
    assert (error.row, error.column) == (5, "Medarbejder")
    assert "navne" in error.message and "Medarbejder" in error.message
    assert name.split()[0] not in error.message  # the name itself is not repeated


def test_names_in_the_absence_file_key_column_are_refused_without_echo(tmp_path: Path) -> None:
    staff, absence = files(tmp_path, absence=[*ABSENCE, "Jens Hansen;Sygdom;04-03-2024;"])
    error = refusal(staff, absence)
    assert error.column == "Medarbejder" and "Jens" not in error.message


def test_keys_differing_only_in_case_are_one_person(tmp_path: Path) -> None:
    staff, absence = files(tmp_path, absence=["k1;Sygdom;04-03-2024;05-03-2024",
                                              "K1;Sygdom;11-03-2024;11-03-2024"])
    data = read_export(staff, absence)
    # Stored under the staff list's spelling.
    assert {row.key for row in data.absences} == {"K1"}
    staff, absence = files(tmp_path, staff=[*STAFF, "k1;Beta;Leder;44;;"])
    error = refusal(staff, absence)
    assert error.row == 5 and "række 2" in error.message and "store og små" in error.message


# -- plausible dates and names ----------------------------------------------------------------
@pytest.mark.parametrize(("column", "staff", "absence"), [
    ("Fra", STAFF, ["K1;Sygdom;04-03-1800;05-03-2024"]),
    ("Til", STAFF, ["K1;Sygdom;04-03-2024;05-03-2999"]),
    ("Fra", STAFF, ["K1;Sygdom;31-12-9999;"]),
    ("Ansat fra", ["K1;Alfa;Pædagog;34;01-01-1989;"], ABSENCE[:1]),
    ("Ansat til", ["K1;Alfa;Pædagog;34;;31-12-2999"], ABSENCE[:1]),
])
def test_implausible_dates_are_refused_with_row_and_column(
    tmp_path: Path, column: str, staff: list[str], absence: list[str]
) -> None:
    error = refusal(*files(tmp_path, staff=staff, absence=absence))
    assert (error.row, error.column) == (2, column)
    assert "ikke troværdig" in error.message and "01-01-1990" in error.message


def test_more_than_two_years_ahead_is_refused_but_planned_leave_is_not(tmp_path: Path) -> None:
    soon = date.today() + timedelta(days=300)
    late = date.today() + timedelta(days=3 * 365)
    ok = read_export(*files(tmp_path, absence=[f"K1;Barsel;04-03-2024;{soon:%d-%m-%Y}"]))
    assert ok.absences[0].end == soon
    error = refusal(*files(tmp_path, absence=[f"K1;Barsel;04-03-2024;{late:%d-%m-%Y}"]))
    assert error.column == "Til"


@pytest.mark.parametrize("open_end", ["31-12-9999", "9999-12-31"])
def test_9999_means_open_in_the_end_columns(tmp_path: Path, open_end: str) -> None:
    data = read_export(*files(tmp_path, staff=[f"K1;Alfa;Pædagog;34;01-02-2020;{open_end}"],
                              absence=[f"K1;Barsel;04-03-2024;{open_end}"]))
    assert data.staff[0].employed_to is None and data.absences[0].end is None


@pytest.mark.parametrize("column", ["Team", "Faggruppe"])
def test_a_group_name_over_100_characters_is_refused(tmp_path: Path, column: str) -> None:
    long = "x" * 101
    row = f"K1;{long};Pædagog;34;;" if column == "Team" else f"K1;Alfa;{long};34;;"
    error = refusal(*files(tmp_path, staff=[row], absence=ABSENCE[:1]))
    assert (error.row, error.column) == (2, column) and "100 tegn" in error.message
    assert long not in error.message
    fine = "y" * 100
    assert read_export(*files(tmp_path, staff=[f"K1;{fine};P;34;;"], absence=ABSENCE[:1]))


# -- whatever is stored, the figures do not crash --------------------------------------------
def test_figures_survive_9999_end_dates_stored_by_an_older_version(tmp_path: Path) -> None:
    db = tmp_path / "f.sqlite"
    staff, absence = files(tmp_path, staff=[f"K{n};Alfa;Pædagog;40;;" for n in range(6)],
                           absence=[f"K{n};Sygdom;0{n + 1}-03-2024;0{n + 2}-03-2024"
                                    for n in range(6)])
    assert main(["import-absence", "--db", str(db), "--unit", "E", "--staff", str(staff),
                 "--absence", str(absence)]) == 0
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE absence_import SET period_to = '9999-12-31'")
        rewrite_rows(conn, lambda rows: [
            (k, r, "0001-01-01" if k == "K2" else s, "9999-12-31" if k == "K0" else e)
            for k, r, s, e in rows
        ])
        rewrite_staff(conn, lambda staff: [
            (*m[:6], {"K1": "9999-12-31", "K3": "1800-01-01"}.get(m[0], m[6])) for m in staff
        ])
        conn.execute("UPDATE absence_import SET period_from = '0001-01-01'")
    assert main(["stats", "--db", str(db), "--unit", "E"]) == 0
    assert main(["stats", "--db", str(db), "--unit", "E", "--from", "01-01-2024",
                 "--to", "31-12-2024"]) == 0
    from norddjurs_desktop.services.absence import load_dataset
    from norddjurs_desktop.services.bootstrap import open_app_database

    database = open_app_database(db)
    try:
        dataset = load_dataset(database, 1)
        assert dataset is not None
        # Read back within believable dates: the period list stays short, K3 is not counted.
        assert dataset.years[0] == 1990 and dataset.years[-1] == 2024
        assert "K3" not in {m.key for m in dataset.staff}
        assert all(row.end is None or row.end.year < 9999 for row in dataset.absences)
    finally:
        database.close()


# -- all or nothing, the new unit included ----------------------------------------------------
def _units(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM unit")]


def _failing_store(db: Path) -> None:
    """A database whose absence rows cannot be written: SQLite aborts mid-transaction."""
    assert main(["list", "--db", str(db)]) == 0
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("CREATE TRIGGER no_rows BEFORE INSERT ON absence_block "
                     "BEGIN SELECT RAISE(ABORT, 'disken er fuld'); END")


def test_cli_import_that_fails_in_the_transaction_leaves_no_unit(tmp_path: Path, capsys) -> None:
    db = tmp_path / "f.sqlite"
    _failing_store(db)
    capsys.readouterr()
    staff, absence = files(tmp_path)
    code = main(["import-absence", "--db", str(db), "--unit", "Ny enhed", "--staff", str(staff),
                 "--absence", str(absence)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Intet er gemt" in err
    assert _units(db) == []
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM staff_block").fetchone()[0] == 0


def test_cli_import_of_a_bad_file_leaves_no_unit(tmp_path: Path, capsys) -> None:
    db = tmp_path / "f.sqlite"
    staff, absence = files(tmp_path, absence=["K1;Sygdom;04-03-1800;"])
    code = main(["import-absence", "--db", str(db), "--unit", "Ny enhed", "--staff", str(staff),
                 "--absence", str(absence)])
    assert code == 2 and "ikke troværdig" in capsys.readouterr().err
    assert _units(db) == []


def test_service_import_creates_its_unit_in_the_same_transaction(tmp_path: Path) -> None:
    from sqlalchemy.exc import SQLAlchemyError

    from norddjurs_desktop.services.absence_import import import_absence_for_unit
    from norddjurs_desktop.services.bootstrap import open_app_database

    db_path = tmp_path / "f.sqlite"
    _failing_store(db_path)
    db = open_app_database(db_path)
    try:
        with pytest.raises((SQLAlchemyError, sqlite3.Error)):
            import_absence_for_unit(db, "Ny enhed", *files(tmp_path))
        assert _units(db_path) == []
    finally:
        db.close()
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("DROP TRIGGER no_rows")
    db = open_app_database(db_path)
    try:
        info, created = import_absence_for_unit(db, "Ny  enhed", *files(tmp_path))
        assert created and info.staff_rows == 3
        again, created = import_absence_for_unit(db, "Ny enhed", *files(tmp_path))
        assert not created and again.unit_id == info.unit_id
    finally:
        db.close()
    assert _units(db_path) == ["Ny enhed"]
