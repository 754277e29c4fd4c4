"""Refusing files that look like they carry CPR numbers.

Absence data is health data and the app promises to hold only pseudonymous
keys. A CPR number anywhere in a file — in a mapped column or one that would
be dropped — means the export was taken the wrong way, so the whole import
stops. The check is deliberately broad: DDMMÅÅ-NNNN in any text, or ten
digits (optionally with a space after six) whose first six form a real date.
Modulus 11 is not demanded, since numbers issued since 2007 need not pass it.
Messages never repeat the number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from .errors import ImportFileError
from .tables import Cell, RawTable, column_label

__all__ = ["check_no_cpr", "looks_like_cpr"]

_DASHED = re.compile(r"(?<!\d)(\d\d)(\d\d)\d\d-\d{4}(?!\d)")
_PLAIN = re.compile(r"(?<!\d)(\d\d)(\d\d)(\d\d) ?\d{4}(?!\d)")
_ANY = re.compile(r"\d{6}[- ]?\d{4}")
_SEPARATOR = "\x1f"


def _real_date(day: int, month: int, year: int) -> bool:
    for century in (1900, 2000):
        try:
            date(century + year, month, day)
        except ValueError:
            continue
        return True
    return False


def _text_of(cell: Cell) -> str:
    """The text a CPR check sees; numbers that lost a leading zero in Excel get it back."""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, bool) or cell is None:
        return ""
    if isinstance(cell, int | float):
        if isinstance(cell, float) and not cell.is_integer():
            return ""
        digits = str(abs(int(cell)))
        return digits.zfill(10) if len(digits) == 9 else digits
    return ""  # dates and times are never CPR numbers


def looks_like_cpr(text: str) -> bool:
    """True when ``text`` contains something that looks like a CPR number."""
    if not _ANY.search(text):
        return False
    for match in _DASHED.finditer(text):
        if 1 <= int(match.group(1)) <= 31 and 1 <= int(match.group(2)) <= 12:
            return True
    for match in _PLAIN.finditer(text):
        if _real_date(int(match.group(1)), int(match.group(2)), int(match.group(3))):
            return True
    return False


def _refuse(file: str, row: int, column: str) -> ImportFileError:
    return ImportFileError(
        file,
        "Kolonnen ser ud til at indeholde CPR-numre. Af hensyn til databeskyttelsen "
        "importeres filen ikke. Fjern kolonnen eller erstat numrene med pseudonyme "
        "medarbejdernøgler, og prøv igen. Intet er gemt.",
        row=row,
        column=column,
    )


def cpr_cells(headers: list[str], cells: Iterable[Cell]) -> list[int]:
    """Indexes of the cells in one row that look like CPR numbers."""
    return [i for i, cell in enumerate(cells) if looks_like_cpr(_text_of(cell))]


def check_no_cpr(table: RawTable) -> None:
    """Raise :class:`ImportFileError` at the first cell (header included) that looks like CPR.

    Each row is joined into one string and searched once, so the common case
    (no ten-digit run at all) costs one regular-expression scan per row.
    """
    header_hits = cpr_cells(table.headers, table.headers)
    if header_hits:
        raise _refuse(table.file, table.header_row, f"kolonne {header_hits[0] + 1}")
    for number, cells in table.rows:
        try:
            joined = _SEPARATOR.join(cells)  # type: ignore[arg-type]  # CSV: all text
        except TypeError:
            joined = _SEPARATOR.join(_text_of(c) for c in cells)
        if not _ANY.search(joined):
            continue
        hits = cpr_cells(table.headers, cells)
        if hits:
            raise _refuse(table.file, number, column_label(table.headers, hits[0]))
