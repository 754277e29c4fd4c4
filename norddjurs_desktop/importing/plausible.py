"""Is a parsed value believable? Checked after parsing, before anything is stored.

A date parser accepts any real calendar date, but an absence export holds
dates from the last decades and a little into the future (planned leave).
Dates before 1990 or more than two years after today are typing errors or a
system's placeholder; stored, they made the figures scan thousands of years
or crash on "year 10000". The one placeholder HR systems really use is
31-12-9999 for "no end date": in `Ansat til` and `Til` it means open, and
becomes an empty end. Long team and job-group names are refused too, since
every chart and filter shows them.

The same limits decide, when stored rows are read back, which dates count as
open (rows imported before these checks existed), so the figures never crash
on what an older version stored.
"""

from __future__ import annotations

from datetime import date

__all__ = [
    "EARLIEST",
    "MAX_GROUP_NAME",
    "OPEN_END",
    "check_date",
    "check_group_name",
    "latest_plausible",
    "open_end",
]

EARLIEST = date(1990, 1, 1)
OPEN_END = date(9999, 12, 31)
MAX_GROUP_NAME = 100


def latest_plausible(today: date) -> date:
    """Two years after ``today`` (29 February becomes 28 February)."""
    try:
        return today.replace(year=today.year + 2)
    except ValueError:
        return today.replace(year=today.year + 2, day=28)


def open_end(day: date | None) -> bool:
    """True for the 31-12-9999 placeholder an HR system writes for "no end date"."""
    return day == OPEN_END


def check_date(day: date, column: str, today: date, *, may_be_open: bool = False) -> date | None:
    """``day`` if plausible; None when it is the open-end placeholder in an end column.

    Raises ``ValueError`` with the Danish reason otherwise (the caller adds
    the file, the row and the column).
    """
    if may_be_open and open_end(day):
        return None
    latest = latest_plausible(today)
    if day < EARLIEST or day > latest:
        shown = f"{day.day:02d}-{day.month:02d}-{day.year:04d}"
        hint = (
            " 31-12-9999 betyder 'ingen slutdato' og kan bruges her."
            if may_be_open
            else ""
        )
        raise ValueError(
            f"Datoen {shown} i {column} er ikke troværdig. Forventede en dato fra "
            f"01-01-{EARLIEST.year} til {latest.day:02d}-{latest.month:02d}-{latest.year} "
            f"(to år frem).{hint}"
        )
    return day


def check_group_name(name: str, column: str) -> str:
    """``name`` if short enough for a chart label and a filter; raise ``ValueError`` if not."""
    if len(name) > MAX_GROUP_NAME:
        raise ValueError(
            f"{column} er {len(name):,} tegn lang; højst {MAX_GROUP_NAME} tegn er tilladt. "
            "Forventede et kort navn.".replace(",", ".")
        )
    return name
