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
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import cast

from .errors import ImportFileError

__all__ = [
    "Cell", "RawTable", "column_label", "csv_text", "header_text", "read_table", "split_csv",
    "table_from_records", "table_source",
]

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
    #: Every cell is a str (a CSV file), so readers may skip asking each cell's type.
    text_only: bool = False


def column_label(headers: list[str], index: int) -> str:
    """The header as written, or "kolonne N" for a column without one."""
    if index < len(headers) and headers[index]:
        return headers[index]
    return f"kolonne {index + 1}"


def _is_blank(cells: list[Cell]) -> bool:
    """No cell holds anything; a data row is known at its first cell, without a generator."""
    for cell in cells:
        if cell is None or cell == "":
            continue
        if not isinstance(cell, str) or cell.strip():
            return False
    return True


# A well-formed UTF-8 sequence for a character beyond ASCII. Windows-1252 text
# practically never contains one (it would take e.g. "Ã" followed by "¦").
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
# Excel's "sep=;" first line; saved back from Excel it may be quoted and padded: "sep=;";;;
_SEP_LINE = re.compile(r'"?sep=(.)"?\1*\s*')


def _decode(data: bytes, file: str) -> str:
    """The text of a CSV export, by one rule rather than a guess.

    A byte-order mark decides (UTF-8 or UTF-16). Without one, the text is
    UTF-8 if it decodes as UTF-8 (Windows-1252 text with Danish letters
    practically never does), else Windows-1252 (Danish Excel's "CSV
    (semikolonsepareret)"). A file that holds both well-formed UTF-8 letters
    and bytes that are not UTF-8 was put together from two sources: refused,
    since reading it either way splits a team such as "Ørum" in two.
    Statistical detectors were tried and rejected: on a short cp1252 export
    they read "Århus" as Central European "Ĺrhus".
    """
    unreadable = "Filen kan ikke læses som tekst. Gem den som CSV (UTF-8) eller XLSX."
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
    except UnicodeDecodeError as error:
        raise ImportFileError(file, unreadable) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if _UTF8_MULTIBYTE.search(data):
            raise ImportFileError(
                file,
                "Filen blander to tegnsæt: nogle rækker er gemt som UTF-8 og andre som "
                "Windows-1252, så fx 'Ø' ville blive læst forskelligt. Gem hele filen igen "
                "fra Excel som \"CSV UTF-8\" (eller som XLSX), og importér den igen.",
                row=data.count(b"\n", 0, error.start) + 1,
            ) from error
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            file,
            "Filen er ikke i et kendt tegnsæt (UTF-8 eller Windows-1252). "
            "Gem den som CSV (UTF-8) eller XLSX.",
        ) from error


def _sniff_delimiter(first_line: str) -> str:
    """The separator that occurs most often in the header line; ';' on a tie or none."""
    counts = [first_line.count(d) for d in _DELIMITERS]
    best = max(counts)
    return _DELIMITERS[counts.index(best)] if best else ";"


def _first_lines(text: str, chunk: int = 65536) -> list[str]:
    """The text's lines up to the first non-blank one, without splitting the whole file."""
    lines = text[:chunk].splitlines()
    if len(text) > chunk:
        lines = lines[:-1]  # the last may be cut off
        if not any(line.strip() for line in lines):
            return text.splitlines()
    return lines


def csv_text(path: Path, file: str) -> tuple[str, str, bool]:
    """The decoded text to split, its separator, and whether a "sep=" line was cut off.

    The text starts after Excel's "sep=;" hint line when there is one (the
    caller counts that line as row 1), so every reader splits the same text.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(file, "Filen kan ikke åbnes eller læses.") from error
    text = _decode(data, file)
    if "\x00" in text:
        raise ImportFileError(
            file, "Filen ser ikke ud til at være en CSV-fil. Brug CSV eller XLSX."
        )
    lines = _first_lines(text)
    first = next((line for line in lines if line.strip()), "")
    sep_line = _SEP_LINE.fullmatch(lines[0]) if lines else None
    if sep_line:  # Excel's "sep=;" hint: it names the separator and is not a row
        text = text[len(lines[0]) :]
        text = text[2:] if text.startswith("\r\n") else text[1:]
        return text, sep_line.group(1), True
    return text, _sniff_delimiter(first), False


def split_csv(text: str, delimiter: str, file: str, max_rows: int | None = None,
              skipped_line: bool = False) -> list[list[Cell]]:
    """The records of ``text`` by Python's csv module (quotes, ragged rows and all)."""
    rows: list[list[Cell]] = [[]] if skipped_line else []  # keeps the file's row numbers
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        if max_rows is None:
            rows.extend(reader)  # type: ignore[arg-type]  # lists of text: one C loop
        else:
            for record in reader:
                rows.append(list(record))
                if len(rows) >= max_rows:
                    break
    except csv.Error as error:
        raise ImportFileError(
            file,
            "Filen kan ikke læses som CSV (fx et citationstegn, der ikke lukkes).",
            row=len(rows) + 1,
        ) from error
    return rows


def _read_csv(path: Path, file: str, max_rows: int | None) -> list[list[Cell]]:
    text, delimiter, skipped_line = csv_text(path, file)
    return split_csv(text, delimiter, file, max_rows, skipped_line)


def _read_xlsx(path: Path, file: str, max_rows: int | None) -> list[list[Cell]]:
    """The first sheet through calamine: numbers as numbers, dates as dates."""
    from python_calamine import CalamineWorkbook  # loaded only when an XLSX file is read

    from .xlsx_formulas import first_formula_without_value

    damaged = "Filen kan ikke læses som Excel-fil (.xlsx). Er den beskadiget?"
    try:
        with CalamineWorkbook.from_path(str(path)) as workbook:
            values = workbook.get_sheet_by_index(0).to_python(
                skip_empty_area=False, nrows=max_rows
            )
        formula = first_formula_without_value(str(path), max_rows)
    except Exception as error:  # calamine, zipfile and the XML parser raise many kinds
        raise ImportFileError(file, damaged) from error
    # Empty cells arrive as "" and rows padded to the sheet's width, as from the CSV
    # reader; left as they are, since another pass over 150,000 rows adds to every import.
    rows = cast(list[list[Cell]], values)
    if formula is not None:
        _refuse_formula(file, rows, *formula)
    return rows


def _refuse_formula(file: str, rows: list[list[Cell]], row: int, column: int) -> None:
    """A formula without a stored result would read as empty: say where, and how to fix it."""
    where = ""
    header: str | None = None
    if row and column:
        where = f" (celle {_column_letters(column)}{row})"
        first = next((r for r in rows if not _is_blank(r)), [])
        header = column_label([header_text(c) for c in first], column - 1)
    raise ImportFileError(
        file,
        f"Filen indeholder en formel uden gemt resultat{where}: den er lavet af et program, "
        "der ikke har regnet formlerne ud, så cellen ville blive læst som tom. Åbn og gem "
        "filen i Excel, så resultaterne gemmes i filen, og importér den så igen.",
        row=row or None,
        column=header,
    )


def _column_letters(number: int) -> str:
    """5 → 'E': the column as Excel shows it, for the message."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


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


def table_source(path: str | Path) -> tuple[str, Path, bool]:
    """The file as named in messages, its path, and whether it is an XLSX workbook."""
    file = str(path)
    source = Path(path)
    if not source.is_file():
        raise ImportFileError(file, "Filen findes ikke eller kan ikke åbnes.")
    return file, source, _is_xlsx(source, file)


def read_table(path: str | Path, max_rows: int | None = None) -> RawTable:
    """Read the first sheet (XLSX) or the whole text (CSV) into a :class:`RawTable`.

    The header is the first non-empty row. Blank rows are left out, but row
    numbers stay those of the file so messages point at the right line.
    ``max_rows`` limits the rows read (for a preview).
    """
    file, source, xlsx = table_source(path)
    reader = _read_xlsx if xlsx else _read_csv
    records = reader(source, file, None if max_rows is None else max_rows + 1)
    return table_from_records(file, records, xlsx)


def table_from_records(file: str, records: list[list[Cell]], xlsx: bool) -> RawTable:
    """Header (the first non-empty record) and the non-blank records under it."""
    header_index = next((i for i, r in enumerate(records) if not _is_blank(r)), None)
    if header_index is None:
        raise ImportFileError(file, "Filen er tom; den første række skal være kolonnenavne.")
    headers = [header_text(c) for c in records[header_index]]
    numbered = enumerate(records[header_index + 1 :], header_index + 2)
    if xlsx:  # a row whose first cell is text is a data row: settled inline, no call
        rows = [
            (number, cells) for number, cells in numbered
            if (cells and type(first := cells[0]) is str and first.strip())
            or not _is_blank(cells)
        ]
    else:  # text cells only: the blank test inline, no call per row
        rows = [(number, cells) for number, cells in numbered if "".join(cells).strip()]  # type: ignore[arg-type]
    return RawTable(file, headers, header_index + 1, rows, text_only=not xlsx)


def header_text(cell: Cell) -> str:
    """A header cell as text: no byte-order mark, no surrounding spaces."""
    if cell is None:
        return ""
    return str(cell).replace("\ufeff", "").strip()
