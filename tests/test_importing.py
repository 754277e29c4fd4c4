"""Reading staff and absence exports: every format, every refusal, and no crash on junk."""

from __future__ import annotations

import contextlib
import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from norddjurs_desktop.domain.absence import AbsenceRow, StaffMember
from norddjurs_desktop.importing.absence_export import read_export
from norddjurs_desktop.importing.cpr import looks_like_cpr
from norddjurs_desktop.importing.errors import ImportFileError
from norddjurs_desktop.importing.mapping import preview_file, propose_mapping

STAFF_HEADER = ["Medarbejder", "Team", "Faggruppe", "Alder", "Beskæftigelsesgrad",
                "Ansat fra", "Ansat til"]
STAFF = [
    ["K1", "Æblegården", "Pædagog", "34", "0,81", "01-02-2023", ""],
    ["K2", "Æblegården", "Sygeplejerske", "", "", "", "31-12-2024"],
    ["K3", "", "", "61", "81 %", "", ""],
]
ABSENCE_HEADER = ["Medarbejder", "Fraværsårsag", "Fra", "Til"]
ABSENCE = [
    ["K1", "Sygdom", "04-03-2024", "05-03-2024"],
    ["K2", "§ 56", "06-03-2024", "06-03-2024"],
    ["K3", "Barsel", "01-04-2024", ""],
]


def write_csv(path: Path, header: list[str], rows: list[list[str]],
              encoding: str = "utf-8", delimiter: str = ";") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows([header, *rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def pair(tmp_path: Path, staff: list[list[str]] | None = None,
         absence: list[list[str]] | None = None, **kwargs: str) -> tuple[Path, Path]:
    return (write_csv(tmp_path / "staff.csv", STAFF_HEADER, STAFF if staff is None else staff,
                      **kwargs),
            write_csv(tmp_path / "fravaer.csv", ABSENCE_HEADER,
                      ABSENCE if absence is None else absence, **kwargs))


def error_of(staff: Path, absence: Path, **kwargs: object) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        read_export(staff, absence, **kwargs)  # type: ignore[arg-type]
    return caught.value


EXPECTED_STAFF = (
    StaffMember("K1", "Æblegården", "Pædagog", 34, 0.81, date(2023, 2, 1), None),
    StaffMember("K2", "Æblegården", "Sygeplejerske", None, 1.0, None, date(2024, 12, 31)),
    StaffMember("K3", "", "", 61, 0.81, None, None),
)
EXPECTED_ABSENCE = (
    AbsenceRow("K1", "Egen sygdom", date(2024, 3, 4), date(2024, 3, 5)),
    AbsenceRow("K2", "§56", date(2024, 3, 6), date(2024, 3, 6)),
    AbsenceRow("K3", "Barsel", date(2024, 4, 1), None),
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_encodings_and_separators(tmp_path: Path, encoding: str, delimiter: str) -> None:
    data = read_export(*pair(tmp_path, encoding=encoding, delimiter=delimiter))
    assert data.staff == EXPECTED_STAFF
    assert data.absences == EXPECTED_ABSENCE
    assert (data.staff_rows, data.absence_rows) == (3, 3)
    assert (data.period_from, data.period_to) == (date(2024, 3, 4), date(2024, 4, 1))


@pytest.mark.parametrize("text", ["04-03-2024", "4-3-2024", "04.03.2024", "2024-03-04",
                                  "04-03-2024 00:00:00"])
def test_date_formats(tmp_path: Path, text: str) -> None:
    data = read_export(*pair(tmp_path, absence=[["K1", "Egen sygdom", text, text]]))
    assert data.absences[0].start == data.absences[0].end == date(2024, 3, 4)


@pytest.mark.parametrize(("text", "grade"), [
    ("0,81", 0.81), ("0.81", 0.81), ("81 %", 0.81), ("81%", 0.81), ("81,5 %", 0.815),
    ("1", 1.0), ("", 1.0), ("100 %", 1.0), ("1,0", 1.0),
])
def test_grade_formats(tmp_path: Path, text: str, grade: float) -> None:
    staff = [["K1", "", "", "", text, "", ""], *STAFF[1:]]
    assert read_export(*pair(tmp_path, staff=staff)).staff[0].grade == pytest.approx(grade)


def test_xlsx_with_date_cells(tmp_path: Path) -> None:
    from openpyxl import Workbook

    def book(path: Path, header: list[str], rows: list[list[object]]) -> Path:
        wb = Workbook()
        sheet = wb.active
        sheet.append(header)
        for values in rows:
            sheet.append(values)
        wb.save(path)
        return path

    staff = book(tmp_path / "staff.xlsx", STAFF_HEADER, [
        [101, "Æblegården", "Pædagog", 34, 0.81, datetime(2023, 2, 1), None],
        ["K2", None, None, None, None, None, datetime(2024, 12, 31)],
    ])
    absence = book(tmp_path / "fravaer.xlsx", ABSENCE_HEADER, [
        [101, "Egen sygdom", datetime(2024, 3, 4), datetime(2024, 3, 5)],
        ["K2", "Ferie", "06-03-2024", None],
    ])
    data = read_export(staff, absence)
    assert data.staff[0] == StaffMember("101", "Æblegården", "Pædagog", 34, 0.81,
                                        date(2023, 2, 1), None)
    assert data.absences == (
        AbsenceRow("101", "Egen sygdom", date(2024, 3, 4), date(2024, 3, 5)),
        AbsenceRow("K2", "Ferie", date(2024, 3, 6), None),
    )


def test_headers_ignore_case_and_spaces_and_extra_columns_are_dropped(tmp_path: Path) -> None:
    header = [" MEDARBEJDER ", "Navn", "team", "Beskæftigelsesgrad "]
    staff = write_csv(tmp_path / "s.csv", header, [["K1", "Jens Hansen", "Alfa", "0,5"]])
    absence = write_csv(tmp_path / "a.csv", ABSENCE_HEADER,
                        [["K1", "Sygdom", "04-03-2024", "04-03-2024"]])
    data = read_export(staff, absence)
    assert data.staff == (StaffMember("K1", "Alfa", grade=0.5),)
    assert "Jens" not in repr(data)


def test_explicit_mapping_and_proposal(tmp_path: Path) -> None:
    staff = write_csv(tmp_path / "s.csv", ["Løbenr", "Afdeling", "Navn"],
                      [["K1", "Alfa", "Jens Hansen"]])
    absence = write_csv(tmp_path / "a.csv", ["løbenr", "Type", "Start", "Slut"],
                        [["K1", "Sygdom", "04-03-2024", ""]])
    assert propose_mapping(["medarbejder", "Fra", "x"], "absence") == {
        "Medarbejder": "medarbejder", "Fra": "Fra"}
    assert error_of(staff, absence).column == "Medarbejder"
    data = read_export(
        staff, absence,
        staff_mapping={"Medarbejder": "Løbenr", "Team": "afdeling"},
        absence_mapping={"Medarbejder": "Løbenr", "Fraværsårsag": "Type", "Fra": "Start",
                         "Til": "Slut"},
    )
    assert data.staff == (StaffMember("K1", "Alfa"),)
    assert data.absences == (AbsenceRow("K1", "Egen sygdom", date(2024, 3, 4), None),)
    wrong = error_of(staff, absence, staff_mapping={"Medarbejder": "Nummer"})
    assert wrong.column == "Nummer" and "findes ikke" in wrong.message


def test_preview_reads_a_few_rows_and_hides_cpr(tmp_path: Path) -> None:
    rows = [[f"K{i}", "Alfa", "", "", "", "", ""] for i in range(20)]
    rows[1][2] = "010190-1234"
    path = write_csv(tmp_path / "s.csv", STAFF_HEADER, rows)
    preview = preview_file(path, rows=3)
    assert preview.headers == tuple(STAFF_HEADER)
    assert len(preview.rows) == 3
    assert preview.cpr_columns == ("Faggruppe",)
    assert "010190-1234" not in repr(preview)
    assert preview.proposed_staff["Ansat fra"] == "Ansat fra"


# --- refusals --------------------------------------------------------------------------------
def test_unknown_key(tmp_path: Path) -> None:
    error = error_of(*pair(tmp_path, absence=[*ABSENCE, ["K9", "Sygdom", "04-03-2024", ""]]))
    assert (error.row, error.column) == (5, "Medarbejder")
    assert "fravaer.csv" in error.message and "række 5" in error.message
    assert "K9" in error.message and "medarbejderlisten" in error.message


def test_til_before_fra(tmp_path: Path) -> None:
    error = error_of(*pair(tmp_path, absence=[["K1", "Sygdom", "05-03-2024", "04-03-2024"]]))
    assert (error.row, error.column) == (2, "Til")
    assert "Til ligger før Fra" in error.message


@pytest.mark.parametrize("text", ["31-02-2024", "29-02-2023", "2024-13-01"])
def test_impossible_date(tmp_path: Path, text: str) -> None:
    error = error_of(*pair(tmp_path, absence=[["K1", "Sygdom", text, ""]]))
    assert (error.row, error.column) == (2, "Fra")
    assert "findes ikke" in error.message


def test_not_a_date_and_missing_fra(tmp_path: Path) -> None:
    error = error_of(*pair(tmp_path, absence=[["K1", "Sygdom", "i går", ""]]))
    assert "dd-mm-åååå" in error.message
    error = error_of(*pair(tmp_path, absence=[["K1", "Sygdom", "", ""]]))
    assert error.column == "Fra" and "mangler" in error.message


@pytest.mark.parametrize("text", ["81", "0", "1,5", "101 %", "0 %", "fuld tid", "-0,5"])
def test_grade_outside_range(tmp_path: Path, text: str) -> None:
    staff = [*STAFF[:2], ["K3", "", "", "", text, "", ""]]
    error = error_of(*pair(tmp_path, staff=staff))
    assert (error.file, error.row, error.column) == (str(tmp_path / "staff.csv"), 4,
                                                     "Beskæftigelsesgrad")
    assert "staff.csv" in error.message and "0,81" in error.message


def test_missing_required_column(tmp_path: Path) -> None:
    staff = write_csv(tmp_path / "s.csv", ["Team"], [["Alfa"]])
    error = error_of(staff, tmp_path / "unused.csv")
    assert (error.row, error.column) == (1, "Medarbejder")
    assert "mangler en kolonne 'Medarbejder'" in error.message
    absence = write_csv(tmp_path / "a.csv", ["Medarbejder", "Fra"], [["K1", "04-03-2024"]])
    assert error_of(pair(tmp_path)[0], absence).column == "Fraværsårsag"


def test_unreadable_files(tmp_path: Path) -> None:
    staff, absence = pair(tmp_path)
    assert "findes ikke" in error_of(tmp_path / "nope.csv", absence).message
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert "Excel" in error_of(broken, absence).message
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert ".xls" in error_of(old, absence).message
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 3)
    assert error_of(binary, absence).row is None
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert "tom" in error_of(empty, absence).message


def test_further_errors_are_counted(tmp_path: Path) -> None:
    error = error_of(*pair(tmp_path, absence=[["K8", "Sygdom", "04-03-2024", ""],
                                              ["K9", "Sygdom", "xx", ""]]))
    assert error.row == 2 and error.further_errors == 2
    # Issue 14: the message now tells every problem, not the first and a count.
    assert "3 fejl" in error.message
    assert "række 2, kolonnen 'Medarbejder'" in error.message
    assert "række 3, kolonnen 'Fra'" in error.message and "'xx'" in error.message


def test_duplicate_key_and_employment_dates(tmp_path: Path) -> None:
    error = error_of(*pair(tmp_path, staff=[*STAFF, ["K1", "", "", "", "", "", ""]]))
    assert error.row == 5 and "række 2" in error.message
    error = error_of(*pair(tmp_path, staff=[["K1", "", "", "", "", "01-02-2024", "01-01-2024"]]))
    assert error.column == "Ansat til"


@pytest.mark.parametrize("value", ["010190-1234", "0101901234", "010190 1234",
                                   "Jens 290200-4321", "3112991234"])
def test_cpr_anywhere_stops_the_import_without_echoing_it(tmp_path: Path, value: str) -> None:
    staff = write_csv(tmp_path / "s.csv", [*STAFF_HEADER, "Bemærkning"],
                      [[*r, ""] for r in STAFF[:2]] + [[*STAFF[2], value]])
    error = error_of(staff, pair(tmp_path)[1])
    assert (error.row, error.column) == (4, "Bemærkning")
    assert "CPR" in error.message and "s.csv" in error.message
    digits = "".join(c for c in value if c.isdigit())
    assert digits not in "".join(c for c in error.message if c.isdigit())


def test_cpr_in_the_key_column_of_the_absence_file(tmp_path: Path) -> None:
    error = error_of(*pair(tmp_path, absence=[["150585-1111", "Sygdom", "04-03-2024", ""]]))
    assert error.column == "Medarbejder" and "1111" not in error.message


def test_cpr_as_excel_number_that_lost_its_leading_zero(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Medarbejder", "Id"])
    wb.active.append(["K1", 101901234])  # 0101901234 stored as a number
    wb.save(tmp_path / "s.xlsx")
    assert "CPR" in error_of(tmp_path / "s.xlsx", pair(tmp_path)[1]).message


@pytest.mark.parametrize(("text", "cpr"), [
    ("010190-1234", True), ("0101901234", True), ("abc 3112991234 x", True),
    ("9999999999", False), ("3213901234", False), ("12345678", False),
    ("2024-03-04", False), ("01-03-2024", False), ("01019012345", False),
])
def test_cpr_recognition(text: str, cpr: bool) -> None:
    assert looks_like_cpr(text) is cpr


# --- nothing but ImportFileError, whatever the input ------------------------------------------
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400), st.sampled_from(["s.csv", "s.xlsx", "s.txt"]))
def test_random_bytes_never_crash(tmp_path: Path, data: bytes, name: str) -> None:
    staff = tmp_path / name
    staff.write_bytes(data)
    with contextlib.suppress(ImportFileError):
        read_export(staff, pair(tmp_path)[1])


cell_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=14) | st.sampled_from(
    ["K1", "K2", "", "0,5", "81 %", "2", "31-02-2024", "04-03-2024", "2024-03-04", "Sygdom",
     "010190-1234", "1e400", "nan", "１２", "²"])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cell_text, max_size=8), max_size=6),
       st.lists(st.lists(cell_text, max_size=5), max_size=6),
       st.sampled_from([";", ",", "\t"]))
def test_random_rows_never_crash(tmp_path: Path, staff_rows: list[list[str]],
                                 absence_rows: list[list[str]], delimiter: str) -> None:
    staff = write_csv(tmp_path / "s.csv", STAFF_HEADER, staff_rows, delimiter=delimiter)
    absence = write_csv(tmp_path / "a.csv", ABSENCE_HEADER, absence_rows, delimiter=delimiter)
    try:
        data = read_export(staff, absence)
    except ImportFileError as error:
        assert error.message
    else:
        assert all(0 < m.grade <= 1 for m in data.staff)
        assert all(a.end is None or a.end >= a.start for a in data.absences)
