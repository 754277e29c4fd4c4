"""Turning one cell into a date, a grade, an age or a key — or a Danish reason why not.

Each parser raises :class:`ValueError` whose text completes the sentence
"Filen 'x', række n, kolonnen 'y': …"; the caller adds file, row and column.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from norddjurs_desktop.domain.dates import DATE_FORMS, parse_danish_date

from .tables import Cell

__all__ = ["parse_age", "parse_date", "parse_grade", "parse_text"]

_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_AGE = re.compile(r"[0-9]{1,3}")
_EXPECTED_DATE = f"Forventede en dato som {DATE_FORMS}"
_EXPECTED_GRADE = (
    "Forventede en beskæftigelsesgrad som brøk over 0 og højst 1 (fx 0,81), "
    "som procent (fx 81 %) eller tom (= fuld tid)"
)


def _shown(cell: Cell) -> str:
    text = str(cell).strip()
    return text if len(text) <= 40 else text[:37] + "…"


def parse_text(cell: Cell) -> str:
    """Text as written; whole numbers from Excel lose their ".0" (keys like 1234)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    return str(cell).strip()


def parse_date(cell: Cell) -> date | None:
    """A date from a date cell or from text in the app's one date reading; None if empty."""
    if cell is None:
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if not isinstance(cell, str):
        raise ValueError(f"'{_shown(cell)}' er ikke en dato. {_EXPECTED_DATE}.")
    if not cell.strip():
        return None
    return parse_danish_date(cell)


def _number(text: str) -> float | None:
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.replace(",", "."))


def parse_grade(cell: Cell) -> float:
    """Employment fraction in (0, 1]: "0,81", "0.81", "81 %" or a number; empty means 1.

    A bare number above 1 ("81") is refused rather than guessed as a
    percentage: a wrong guess would silently scale every figure.
    """
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return 1.0
    if isinstance(cell, bool):
        raise ValueError(f"'{_shown(cell)}' er ikke en beskæftigelsesgrad. {_EXPECTED_GRADE}.")
    value: float | None
    if isinstance(cell, int | float):
        value = float(cell)
    elif isinstance(cell, str):
        text = cell.strip()
        if text.endswith("%"):
            number = _number(text[:-1].strip())
            value = None if number is None else number / 100
        else:
            value = _number(text)
    else:
        value = None
    if value is None or not math.isfinite(value) or not 0 < value <= 1:
        raise ValueError(
            f"'{_shown(cell)}' er ikke en gyldig beskæftigelsesgrad. {_EXPECTED_GRADE}."
        )
    return value


def parse_age(cell: Cell) -> int | None:
    """Whole years from 0 to 120; empty means unknown (the "Ukendt" age group)."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    value: int | None = None
    if isinstance(cell, int) and not isinstance(cell, bool):
        value = cell
    elif isinstance(cell, float) and cell.is_integer():
        value = int(cell)
    elif isinstance(cell, str) and _AGE.fullmatch(cell.strip()):
        value = int(cell.strip())
    if value is None or not 0 <= value <= 120:
        raise ValueError(f"'{_shown(cell)}' er ikke en gyldig alder. Forventede et helt antal år.")
    return value
