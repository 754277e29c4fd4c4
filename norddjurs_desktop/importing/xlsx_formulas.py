"""Finding formula cells that hold no stored result in an XLSX file.

Excel stores each formula's last result next to the formula, and readers
(calamine, openpyxl in data-only mode) return that stored result. A file
written by a program that does not calculate (a report generator, a script
with openpyxl) has formulas without results: every reader then sees an empty
cell, and an empty grade means full time, an empty "Til" an open spell. Such
a file must be refused with the fix (open it in Excel and save it), so we
look at the sheet's XML ourselves; calamine does not say which cells were
formulas.

The usual export has no formulas at all: one byte search over the sheet
settles that. Only when formulas exist is each one looked at.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from xml.etree import ElementTree

__all__ = ["first_formula_without_value"]

_FORMULA = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)f[\s>/]")
_CELL_REF = re.compile(rb"""\sr\s*=\s*["']([A-Z]{1,3})([0-9]+)["']""")
_TEXT_TYPE = re.compile(rb"""\st\s*=\s*["'](?:str|e|b|s|inlineStr)["']""")
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _first_sheet_part(archive: zipfile.ZipFile) -> str:
    """The zip member of the workbook's first sheet (the one the importer reads)."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheet = workbook.find(f"{_MAIN_NS}sheets/{_MAIN_NS}sheet")
    if sheet is None:
        raise KeyError("no sheet")
    rel_id = sheet.get(f"{_REL_NS}id")
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for rel in rels.iter(f"{_PKG_REL_NS}Relationship"):
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return posixpath.normpath(posixpath.join("xl", target))
    raise KeyError(rel_id or "no relationship")


def first_formula_without_value(path: str, max_row: int | None = None) -> tuple[int, int] | None:
    """(row, column), both 1-based, of the first formula cell with no stored result, or None.

    ``max_row`` limits the search to the rows a preview reads. Raises
    ``KeyError``, ``zipfile.BadZipFile`` or ``ElementTree.ParseError`` for a
    file that is not a readable workbook; the caller turns those into a
    Danish message.
    """
    with zipfile.ZipFile(path) as archive:
        data = archive.read(_first_sheet_part(archive))
    if b"<f" not in data and b":f" not in data:  # a plain byte search settles the usual case
        return None
    for match in _FORMULA.finditer(data):
        prefix = match.group(1)
        start = data.rfind(b"<" + prefix + b"c", 0, match.start())
        end = data.find(b"</" + prefix + b"c>", match.end())
        if start < 0 or end < 0:
            continue
        cell = data[start : end + len(prefix) + 4]
        opening_tag = cell[: cell.find(b">") + 1]
        if _has_value(cell, opening_tag, prefix):
            continue
        ref = _CELL_REF.search(opening_tag)
        if ref is None:  # "r" is optional in the format: position unknown
            return 0, 0
        row, column = int(ref.group(2)), _column_number(ref.group(1).decode())
        if max_row is None or row <= max_row:
            return row, column
        return None
    return None


def _has_value(cell: bytes, opening_tag: bytes, prefix: bytes) -> bool:
    """True when the cell holds a stored result.

    A text result may be empty (``=HVIS(A2="";"";…)`` in Excel): Excel then
    marks the cell ``t="str"`` and writes an empty ``<v>``, which is a result.
    A program that never calculated writes neither the type nor a value.
    """
    if _TEXT_TYPE.search(opening_tag):
        return True
    value = re.search(b"<" + re.escape(prefix) + rb"v(?:\s[^>]*)?>([^<]+)<", cell)
    return value is not None


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number
