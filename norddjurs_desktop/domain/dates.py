"""Danish date and number formats used by the CLI, the reports and the GUI."""

from __future__ import annotations

import re
from datetime import date

_PATTERNS = (
    (re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
)


def parse_danish_date(text: str) -> date:
    """Read dd-mm-åååå, dd.mm.åååå or åååå-mm-dd; raise ValueError in Danish otherwise."""
    cleaned = text.strip()
    for pattern, order in _PATTERNS:
        match = pattern.match(cleaned)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            try:
                return date(parts["y"], parts["m"], parts["d"])
            except ValueError as error:
                raise ValueError(f"'{cleaned}' er ikke en gyldig dato.") from error
    raise ValueError(f"'{cleaned}' er ikke en dato på formen dd-mm-åååå.")


def danish_date(value: date | None) -> str:
    """dd-mm-åååå, the date format of the whole user interface ("" for no date)."""
    return value.strftime("%d-%m-%Y") if value else ""


def format_number(value: float, decimals: int = 1) -> str:
    """7.25 → '7,3'; thousands separated by a dot as in Danish."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u00a0").replace(".", ",").replace("\u00a0", ".")


def format_percent(value: float, decimals: int = 1) -> str:
    return f"{format_number(value, decimals)} %"
