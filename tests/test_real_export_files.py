"""Files as HR really saves them: XLSX via calamine, Excel's CSV variants, and the refusals.

The same staff list and absence export, once as CSV text and once as an XLSX
with real numbers and date cells, must give the importer identical rows; a
workbook whose formulas were never calculated and a CSV put together from two
encodings are refused with the fix, nothing read.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from norddjurs_desktop.importing.absence_export import read_export
from norddjurs_desktop.importing.errors import ImportFileError
from norddjurs_desktop.importing.mapping import preview_file
from norddjurs_desktop.importing.tables import read_table

STAFF_HEADER = ["Medarbejder", "Team", "Faggruppe", "Alder", "Beskæftigelsesgrad",
                "Ansat fra", "Ansat til"]
ABSENCE_HEADER = ["Medarbejder", "Fraværsårsag", "Fra", "Til"]

# One truth, written two ways: typed values for the workbook, Danish text for the CSV.
STAFF_VALUES: list[list[object]] = [
    ["K1", "Ørum", "Pædagog", 34, 0.81, datetime(2023, 2, 1), None],
    ["K2", "Ørum", "Sygeplejerske", None, None, None, datetime(2024, 12, 31)],
    [1203, "Åbo", "Lærer", 61, 0.5, date(2020, 8, 1), None],
]
ABSENCE_VALUES: list[list[object]] = [
    ["K1", "Sygdom", datetime(2024, 3, 4), datetime(2024, 3, 5)],
    ["K2", "§ 56", date(2024, 3, 6), date(2024, 3, 6)],
    [1203, "Barn syg", datetime(2024, 4, 1), None],
]


def as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float):
        return str(value).replace(".", ",")
    return str(value)


def write_csv(path: Path, header: list[str], rows: list[list[object]],
              encoding: str = "utf-8-sig", first_line: str = "") -> Path:
    buffer = io.StringIO()
    buffer.write(first_line)
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(
        [header, *[[as_text(v) for v in row] for row in rows]])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_calamine_and_the_csv_reader_give_the_same_rows(tmp_path: Path) -> None:
    from_csv = read_export(write_csv(tmp_path / "s.csv", STAFF_HEADER, STAFF_VALUES),
                           write_csv(tmp_path / "a.csv", ABSENCE_HEADER, ABSENCE_VALUES))
    from_xlsx = read_export(write_xlsx(tmp_path / "s.xlsx", STAFF_HEADER, STAFF_VALUES),
                            write_xlsx(tmp_path / "a.xlsx", ABSENCE_HEADER, ABSENCE_VALUES))
    assert from_xlsx == from_csv
    third = from_xlsx.absences[2]
    assert (third.key, third.start, third.end) == ("1203", date(2024, 4, 1), None)
    assert [m.team for m in from_xlsx.staff] == ["Ørum", "Ørum", "Åbo"]


def test_a_text_only_sheet_reads_cell_for_cell_like_the_csv(tmp_path: Path) -> None:
    rows = [[as_text(v) for v in row] for row in ABSENCE_VALUES]
    xlsx = read_table(write_xlsx(tmp_path / "a.xlsx", ABSENCE_HEADER, rows))  # type: ignore[arg-type]
    text = read_table(write_csv(tmp_path / "a.csv", ABSENCE_HEADER, rows))  # type: ignore[arg-type]
    def cells(table: object) -> list[tuple[int, list[str]]]:  # empty is None or "", at the end too
        return [(n, "\t".join(c or "" for c in row).rstrip("\t").split("\t"))
                for n, row in table.rows]  # type: ignore[attr-defined]

    assert xlsx.headers == text.headers
    assert cells(xlsx) == cells(text)
    assert len(xlsx.rows) == 3


def test_xlsx_dates_arrive_as_dates_and_row_numbers_are_the_sheets(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet["B3"], sheet["C3"] = "Medarbejder", "Fra"
    sheet["B5"], sheet["C5"] = "K1", datetime(2024, 3, 4)
    book.save(tmp_path / "gap.xlsx")
    table = read_table(tmp_path / "gap.xlsx")
    assert table.header_row == 3
    assert table.rows == [(5, ["", "K1", date(2024, 3, 4)])]


def formula_book(path: Path, cached: str | None) -> Path:
    """A workbook whose grade is a formula, as openpyxl writes it (no stored result)."""
    write_xlsx(path, STAFF_HEADER, [["K1", "Ørum", "Pædagog", 34, "=1/2", None, None]])
    if cached is not None:  # what Excel does on saving: the result next to the formula
        with zipfile.ZipFile(path) as source:
            members = {name: source.read(name) for name in source.namelist()}
        sheet = "xl/worksheets/sheet1.xml"
        members[sheet] = members[sheet].replace(b"<f>1/2</f><v />",
                                                f"<f>1/2</f><v>{cached}</v>".encode())
        with zipfile.ZipFile(path, "w") as target:
            for name, data in members.items():
                target.writestr(name, data)
    return path


def test_formula_cells_without_a_stored_value_are_refused_with_the_fix(tmp_path: Path) -> None:
    staff = formula_book(tmp_path / "s.xlsx", cached=None)
    absence = write_csv(tmp_path / "a.csv", ABSENCE_HEADER, ABSENCE_VALUES[:1])
    with pytest.raises(ImportFileError) as caught:
        read_export(staff, absence)
    error = caught.value
    assert (error.row, error.column) == (2, "Beskæftigelsesgrad")
    assert "celle E2" in error.message
    assert "Åbn og gem filen i Excel" in error.message
    with pytest.raises(ImportFileError, match="formel"):
        preview_file(staff)


def test_a_formula_whose_result_excel_stored_is_read(tmp_path: Path) -> None:
    staff = formula_book(tmp_path / "s.xlsx", cached="0.5")
    absence = write_csv(tmp_path / "a.csv", ABSENCE_HEADER, ABSENCE_VALUES[:1])
    assert read_export(staff, absence).staff[0].grade == 0.5


def test_a_csv_mixing_utf8_and_cp1252_is_refused(tmp_path: Path) -> None:
    header = ";".join(STAFF_HEADER).encode("utf-8")
    first = "K1;Ørum;Pædagog;34;0,81;;".encode()
    second = "K2;Ørum;Pædagog;40;1;;".encode("cp1252")  # pasted in from an older export
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\r\n".join([header, first, second]) + b"\r\n")
    absence = write_csv(tmp_path / "a.csv", ABSENCE_HEADER, ABSENCE_VALUES[:2])
    with pytest.raises(ImportFileError) as caught:
        read_export(path, absence)
    assert caught.value.row == 3
    assert "blander to tegnsæt" in caught.value.message
    assert "CSV UTF-8" in caught.value.message


def test_a_short_cp1252_export_keeps_its_danish_letters(tmp_path: Path) -> None:
    """The case statistical detectors get wrong ("Århus" read as "Ĺrhus")."""
    staff = write_csv(tmp_path / "s.csv", STAFF_HEADER, [["K1", "Århus", "", "", "", "", ""]],
                      encoding="cp1252")
    absence = write_csv(tmp_path / "a.csv", ABSENCE_HEADER, [["K1", "Sygdom", "04-03-2024", ""]],
                        encoding="cp1252")
    assert read_export(staff, absence).staff[0].team == "Århus"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
@pytest.mark.parametrize("sep_line", ["sep=;\r\n", '"sep=;";;;\r\n', "sep=;\n"])
def test_an_excel_sep_line_names_the_separator(tmp_path: Path, encoding: str,
                                               sep_line: str) -> None:
    # The header holds more commas than semicolons: only the sep= line tells the truth.
    header = ["Medarbejder", "Fraværsårsag (kode, tekst)", "Fra", "Til"]
    absence = write_csv(tmp_path / "a.csv", header, [["K1", "Sygdom", "04-03-2024", ""]],
                        encoding=encoding, first_line=sep_line)
    table = read_table(absence)
    assert table.header_row == 2
    assert table.headers == header
    assert table.rows == [(3, ["K1", "Sygdom", "04-03-2024", ""])]
