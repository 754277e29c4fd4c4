"""Refusing files that look like they carry CPR numbers.

Absence data is health data and the app promises to hold only pseudonymous
keys. A CPR number anywhere in a file — in a mapped column or one that would
be dropped — means the export was taken the wrong way, so the whole import
stops. The check is deliberately broad: ten digits DDMMÅÅNNNN in any text,
with or without separators between the parts — any Unicode dash or space
(en dash, hyphen U+2010, no-break space, thin space …), a minus sign, a
slash or a dot, up to three in a row (a double space). With a separator
before the last four, DD 01–31 and MM 01–12 are enough; without one the
first six must form a real date, so long plain numbers are not mistaken.
Modulus 11 is not demanded, since numbers issued since 2007 need not pass it.
Messages never repeat the number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from itertools import chain
from operator import itemgetter
from typing import cast

from .column_table import ColumnTable
from .errors import ImportFileError
from .tables import Cell, RawTable, column_label

__all__ = [
    "check_columns_no_cpr", "check_no_cpr", "looks_like_cpr", "looks_like_name", "refuse_names",
]

#: Unicode dashes (category Pd) and spaces (category Zs), written out so that
#: importing this module does not scan the whole Unicode table; a test checks
#: the list against ``unicodedata``. Plus minus signs, slash, dot, tab and the
#: invisible soft hyphen and zero-width space.
DASHES = (
    "\u002d\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2e17\u2e1a"
    "\u2e3a\u2e3b\u2e40\u2e5d\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead"
)
SPACES = (
    "\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u202f\u205f\u3000"
)
SEPARATORS = DASHES + SPACES + "\u2212\u2796\ufe62\uff0b/.\uff0e\uff0f\t\u00ad\u200b"
_SEP = "[" + re.escape(SEPARATORS) + "]{0,3}"
_CPR = re.compile(
    rf"(?<!\d)(\d\d){_SEP}(\d\d){_SEP}(\d\d)({_SEP})\d{{4}}(?!\d)"
)
_ANY = re.compile(rf"\d\d{_SEP}\d\d{_SEP}\d\d{_SEP}\d{{4}}")


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
    for start in range(len(text)):
        # Overlapping candidates ("12 010190-1234"): try every digit as a start.
        match = _CPR.match(text, start)
        if match is None or (start and text[start - 1].isdigit()):
            continue
        day, month, year = (int(match.group(i)) for i in (1, 2, 3))
        if match.group(4):
            if 1 <= day <= 31 and 1 <= month <= 12:
                return True
        elif _real_date(day, month, year):
            return True
    return False


_WORD = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?")


def looks_like_name(text: str) -> bool:
    """True for two or more words of letters ("Jens Hansen", "Anne-Marie O'Neil").

    A pseudonymous key has digits or is one word; a name in the key column
    means the export carries who is who, so it is refused like a CPR number.
    """
    words = text.split()
    return len(words) >= 2 and all(_WORD.fullmatch(word) for word in words)


def refuse_names(file: str, row: int, column: str) -> ImportFileError:
    """The refusal of a key column holding names; the name itself is never repeated."""
    return ImportFileError(
        file,
        f"Kolonnen '{column}' ser ud til at indeholde navne (to eller flere ord med "
        "bogstaver), ikke pseudonyme medarbejdernøgler. Af hensyn til databeskyttelsen "
        "importeres filen ikke. Vælg en kolonne med nøgler som Medarbejder, eller erstat "
        "navnene med nøgler som K001, og prøv igen. Intet er gemt.",
        row=row,
        column=column,
    )


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

    Each distinct cell value is checked once (an export repeats its dates and
    keys a hundred times); only when one looks like CPR are the rows searched
    for the first place it occurs.
    """
    header_hits = cpr_cells(table.headers, table.headers)
    if header_hits:
        raise _refuse(table.file, table.header_row, f"kolonne {header_hits[0] + 1}")
    values = set(chain.from_iterable(map(itemgetter(1), table.rows)))
    suspects = {value for value in values if looks_like_cpr(_text_of(value))}
    if not suspects:
        return
    for number, cells in table.rows:
        hits = [i for i, cell in enumerate(cells) if cell in suspects]
        hits = [i for i in hits if looks_like_cpr(_text_of(cells[i]))]  # 1 == True == 1.0
        if hits:
            raise _refuse(table.file, number, column_label(table.headers, hits[0]))


def check_columns_no_cpr(table: ColumnTable) -> None:
    """:func:`check_no_cpr` for a table by column: the same verdict and the same message.

    Each column's distinct cells are checked once; the first row holding a
    suspect cell is found with one numpy pass, and the earliest such row
    (leftmost column on a tie) is named, as the row-by-row search would.
    """
    header_hits = cpr_cells(table.headers, table.headers)
    if header_hits:
        raise _refuse(table.file, table.header_row, f"kolonne {header_hits[0] + 1}")
    first: tuple[int, int] | None = None  # (row index, column index)
    for index, column in enumerate(table.columns):
        texts = cast(list[str], [cell or "" for cell in column.distinct] if table.text_only
                     else list(map(_text_of, column.distinct)))
        # Ten digits take ten characters (all of them when there are just ten: no date
        # dd-mm-åååå); then one search over the column's candidates (a match cannot
        # span the line break between two of them).
        if max(map(len, texts), default=0) < 10 or not _ANY.search("\n".join([
            text for text in texts if len(text) > 10 or (len(text) == 10 and text.isdecimal())
        ])):
            continue
        suspects = [code for code, text in enumerate(texts) if looks_like_cpr(text)]
        row = column.first_row(suspects) if suspects else None
        if row is not None and (first is None or row < first[0]):
            first = (row, index)
    if first is not None:
        raise _refuse(table.file, table.row(first[0]), column_label(table.headers, first[1]))
