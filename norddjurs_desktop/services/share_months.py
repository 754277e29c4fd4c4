"""A unit's monthly absence totals: made for a share file, and kept when one comes in.

Going out, each whole calendar month of the unit's newest absence import is
computed by the data view's own service (:func:`absence_stats.unit_stats`) and
shared only when it describes at least five persons; months typed in from the
data portal fill in where there is no import, shared only with at least five
FTE. Coming in, the months are stored in ``shared_absence_month`` for the
overview of all units (:func:`shared_absence_pct_last_12_months`).
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from norddjurs_desktop.domain.share_format import (
    SOURCE_DATA,
    SOURCE_KEY_FIGURES,
    month_key,
    shareable_key_figure,
    shareable_persons,
)
from norddjurs_desktop.services import absence as absence_service
from norddjurs_desktop.services.key_figures import list_key_figures
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.share_models import SharedAbsenceMonth

__all__ = [
    "SharedMonth",
    "list_shared_months",
    "months_to_share",
    "shared_absence_pct_by_unit",
    "shared_absence_pct_last_12_months",
    "twelve_month_pct",
]


@dataclass(frozen=True)
class SharedMonth:
    """One month of a unit's totals; ``month`` is the first day of the month."""

    month: date
    absence_pct: float
    sick_days: float | None
    fte: float | None
    spells: int | None
    source: str


def _whole_months(first: date, last: date) -> list[tuple[date, date]]:
    """Every calendar month lying wholly inside ``first`` … ``last``."""
    months: list[tuple[date, date]] = []
    year, month = first.year, first.month
    if first.day != 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while True:
        start = date(year, month, 1)
        end = date(year, month, monthrange(year, month)[1])
        if end > last:
            return months
        months.append((start, end))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def months_to_share(db: Database, unit_id: int) -> list[SharedMonth]:
    """The unit's monthly totals that may leave the unit, oldest first."""
    found: dict[date, SharedMonth] = {}
    dataset = absence_service.load_dataset(db, unit_id)
    if dataset is not None:
        info = dataset.info
        for start, end in _whole_months(info.period_from, info.period_to):
            stats = absence_service.unit_stats(db, unit_id, period_from=start, period_to=end)
            if stats is None or not shareable_persons(stats.persons):
                continue  # fewer than five persons: the month is left out
            if stats.absence_pct is None:
                continue
            found[start] = SharedMonth(
                start, stats.absence_pct, stats.sick_days, stats.fte, stats.sick_spells,
                SOURCE_DATA,
            )
    for row in list_key_figures(db, unit_id):
        if row.month in found or row.absence_pct is None:
            continue  # the unit's own lists win over typed figures
        if shareable_key_figure(row.fte):
            found[row.month] = SharedMonth(
                row.month, row.absence_pct, row.sick_days, row.fte, None, SOURCE_KEY_FIGURES
            )
    return [found[month] for month in sorted(found)]


def month_record(month: SharedMonth) -> dict[str, object]:
    """The month as the share file writes it."""
    return {
        "month": month_key(month.month),
        "absence_pct": month.absence_pct,
        "sick_days": month.sick_days,
        "fte": month.fte,
        "spells": month.spells,
        "source": month.source,
    }


def list_shared_months(db: Database, unit_id: int) -> list[SharedMonth]:
    """The months a share file brought for the unit, oldest first."""
    with db.session() as session:
        rows = session.exec(
            select(SharedAbsenceMonth)
            .where(SharedAbsenceMonth.unit_id == unit_id)
            .order_by(col(SharedAbsenceMonth.month))
        ).all()
        return [
            SharedMonth(r.month, r.absence_pct, r.sick_days, r.fte, r.spells, r.source)
            for r in rows
        ]


def shared_absence_pct_last_12_months(db: Database, unit_id: int) -> float | None:
    """Absence % over the 12 months ending with the unit's newest shared month; None without any.

    The months present in that window are averaged, weighted by FTE when every
    one of them has it (a month with more staff weighs more, as in a 12-month
    figure of the data view), else plainly.
    """
    return twelve_month_pct(list_shared_months(db, unit_id))


def shared_absence_pct_by_unit(db: Database) -> dict[int, float]:
    """:func:`shared_absence_pct_last_12_months` for every unit that has shared months, in
    one read (the overview of all units asks for hundreds at once)."""
    by_unit: dict[int, list[SharedMonth]] = {}
    rows = db.read(
        "SELECT unit_id, month, absence_pct, fte FROM shared_absence_month "
        "ORDER BY unit_id, month"
    )
    for unit_id, month, pct, fte in rows:
        day = month if isinstance(month, date) else date.fromisoformat(str(month)[:10])
        by_unit.setdefault(unit_id, []).append(SharedMonth(day, pct, None, fte, None, ""))
    found = {unit_id: twelve_month_pct(months) for unit_id, months in by_unit.items()}
    return {unit_id: pct for unit_id, pct in found.items() if pct is not None}


def twelve_month_pct(months: list[SharedMonth]) -> float | None:
    """The rule of :func:`shared_absence_pct_last_12_months` over months sorted oldest first."""
    if not months:
        return None
    newest = months[-1].month
    index = newest.year * 12 + newest.month - 12  # the month 11 months before, 0-based
    window_start = date(index // 12, index % 12 + 1, 1)
    window = [m for m in months if m.month >= window_start]
    weights = [m.fte for m in window]
    if all(w is not None and w > 0 for w in weights):
        total = sum(w for w in weights if w is not None)
        return sum(m.absence_pct * (m.fte or 0.0) for m in window) / total
    return sum(m.absence_pct for m in window) / len(window)
