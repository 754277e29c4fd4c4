"""Reading a CSV or XLSX export into a plain table of cells.

HR and payroll exports arrive in whatever shape Excel or the HR system gave
them: UTF-8 with or without BOM, Windows cp1252, UTF-16 ("Unicode-tekst"),
separated by semicolons (Danish Excel), commas or tabs. This module only gets
the cells out; the meaning of columns and values is decided elsewhere. Every
failure becomes an :class:`ImportFileError`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from .errors import ImportFileError

__all__ = ["Cell", "RawTable", "column_label", "read_table"]

#: What a cell can hold: CSV gives text; XLSX also numbers, dates and booleans.
Cell = str | int | float | bool | date | datetime | time | timedelta | None

_XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_DELIMITERS = (";", "\t", ",")  # preference on ties: Danish Excel writes ';'


@dataclass(frozen=True)
class RawTable:
    """Header and data rows; each data row keeps its 1-based row number in the file."""

    file: str
    headers: list[str]
    header_row: int
    rows: list[tuple[int, list[Cell]]]


def column_label(headers: list[str], index: int) -> str:
    """The header as written, or "kolonne N" for a column without one."""
    if index < len(headers) and headers[index]:
        return headers[index]
    return f"kolonne {index + 1}"


def _is_blank(cells: list[Cell]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _decode(data: bytes, file: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            file, "Filen kan ikke læses som tekst. Gem den som CSV (UTF-8) eller XLSX."
        ) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            file,
            "Filen er ikke i et kendt tegnsæt (UTF-8 eller Windows-1252). "
            "Gem den som CSV (UTF-8) eller XLSX.",
        ) from error


def _sniff_delimiter(text: str) -> str:
    """The separator that occurs most often in the first non-empty line (the header)."""
    for line in text.splitlines():
        if line.strip():
            counts = [line.count(d) for d in _DELIMITERS]
            best = max(counts)
            return _DELIMITERS[counts.index(best)] if best else ";"
    return ";"


def _read_csv(path: Path, file: str, max_rows: int | None) -> list[list[Cell]]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(file, "Filen kan ikke åbnes eller læses.") from error
    text = _decode(data, file)
    if "\x00" in text:
        raise ImportFileError(
            file, "Filen ser ikke ud til at være en CSV-fil. Brug CSV eller XLSX."
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    rows: list[list[Cell]] = []
    try:
        for record in reader:
            rows.append(list(record))
            if max_rows is not None and len(rows) >= max_rows:
                break
    except csv.Error as error:
        raise ImportFileError(
            file,
            "Filen kan ikke læses som CSV (fx et citationstegn, der ikke lukkes).",
            row=len(rows) + 1,
        ) from error
    return rows


def _read_xlsx(path: Path, file: str, max_rows: int | None) -> list[list[Cell]]:
    from openpyxl import load_workbook  # loaded only when an XLSX file is read

    rows: list[list[Cell]] = []
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for damaged files
        raise ImportFileError(
            file, "Filen kan ikke læses som Excel-fil (.xlsx). Er den beskadiget?"
        ) from error
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            cells: list[Cell] = list(values)
            while cells and cells[-1] is None:
                cells.pop()
            rows.append(cells)
            if max_rows is not None and len(rows) >= max_rows:
                break
    except ImportFileError:
        raise
    except Exception as error:
        raise ImportFileError(
            file, "Filen kan ikke læses som Excel-fil (.xlsx). Er den beskadiget?"
        ) from error
    finally:
        workbook.close()
    return rows


def _is_xlsx(path: Path, file: str) -> bool:
    suffix = path.suffix.lower()
    if suffix in _XLSX_SUFFIXES:
        return True
    if suffix == ".xls":
        raise ImportFileError(
            file, "Det gamle Excel-format (.xls) kan ikke læses. Gem filen som .xlsx eller CSV."
        )
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"  # an XLSX saved under another name
    except OSError as error:
        raise ImportFileError(file, "Filen kan ikke åbnes eller læses.") from error


def read_table(path: str | Path, max_rows: int | None = None) -> RawTable:
    """Read the first sheet (XLSX) or the whole text (CSV) into a :class:`RawTable`.

    The header is the first non-empty row. Blank rows are left out, but row
    numbers stay those of the file so messages point at the right line.
    ``max_rows`` limits the rows read (for a preview).
    """
    file = str(path)
    source = Path(path)
    if not source.is_file():
        raise ImportFileError(file, "Filen findes ikke eller kan ikke åbnes.")
    reader = _read_xlsx if _is_xlsx(source, file) else _read_csv
    records = reader(source, file, None if max_rows is None else max_rows + 1)
    header_index = next((i for i, r in enumerate(records) if not _is_blank(r)), None)
    if header_index is None:
        raise ImportFileError(file, "Filen er tom; den første række skal være kolonnenavne.")
    headers = [_header_text(c) for c in records[header_index]]
    rows = [
        (number + 1, cells)
        for number, cells in enumerate(records)
        if number > header_index and not _is_blank(cells)
    ]
    return RawTable(file, headers, header_index + 1, rows)


def _header_text(cell: Cell) -> str:
    if cell is None:
        return ""
    return str(cell).replace("\ufeff", "").strip()
