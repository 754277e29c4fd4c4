"""Danish date and number formats used by the CLI, the reports and the GUI."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

# The one reading of a typed or exported date in the whole app (CLI options, CSV and
# XLSX text cells). Always day first, as Danish is written: 01/02/2024 is 1 February
# 2024, never January 2 — a file from a US-English Excel must be saved with Danish
# dates. A time after the date ("04-03-2024 00:00:00", as exports write it) is ignored.
_PATTERNS = (
    (re.compile(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})"), ("d", "m", "y")),
    (re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})"), ("d", "m", "y")),
    (re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})"), ("d", "m", "y")),
    (re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"), ("y", "m", "d")),
)
_TIME_SUFFIX = re.compile(r"(?:\s+|T)[0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2})?$")
DATE_FORMS = "dd-mm-åååå, dd.mm.åååå, dd/mm/åååå eller åååå-mm-dd"


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


@lru_cache(maxsize=8192)
def parse_danish_date(text: str) -> date:
    """Read a date in one of DATE_FORMS; raise ValueError with a Danish reason otherwise.

    Cached: an export repeats the same thousand dates a hundred times each.
    """
    cleaned = _TIME_SUFFIX.sub("", text.strip())
    for pattern, order in _PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            try:
                return date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                raise ValueError(
                    f"'{_shown(cleaned)}' er ikke en gyldig dato: den findes ikke i kalenderen."
                ) from None
    raise ValueError(f"'{_shown(cleaned)}' er ikke en dato. Forventede {DATE_FORMS}.")


def danish_date(value: date | None) -> str:
    """dd-mm-åååå, the date format of the whole user interface ("" for no date)."""
    return value.strftime("%d-%m-%Y") if value else ""


def format_number(value: float, decimals: int = 1) -> str:
    """7.25 → '7,3'; thousands separated by a dot as in Danish."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u00a0").replace(".", ",").replace("\u00a0", ".")


def format_percent(value: float, decimals: int = 1) -> str:
    return f"{format_number(value, decimals)} %"
