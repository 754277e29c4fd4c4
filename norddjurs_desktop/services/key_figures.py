"""Key figures typed in from the municipality's data portal, one row per unit and month.

For a unit without export files this is the whole data view: absence %,
sick days and full-time equivalents per month. Any of the three may be left
empty (the portal does not always show all of them), but not all three.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.storage.absence_models import KeyFigure
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Unit

__all__ = ["KeyFigureRow", "delete_key_figure", "list_key_figures", "save_key_figure"]

_MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)


@dataclass(frozen=True)
class KeyFigureRow:
    """One month's figures; ``month`` is the first day of the month."""

    month: date
    absence_pct: float | None
    sick_days: float | None
    fte: float | None


def _month_name(month: date) -> str:
    return f"{_MONTHS[month.month - 1]} {month.year}"


def _finite(value: float | None, what: str) -> float | None:
    if value is None:
        return None
    number = float(value)
    if not math.isfinite(number):
        raise ValidationError(f"{what} skal være et tal.")
    return number


def _validated(row: KeyFigureRow) -> KeyFigureRow:
    month = row.month.replace(day=1)
    pct = _finite(row.absence_pct, "Fraværsprocenten")
    days = _finite(row.sick_days, "Sygedagene")
    fte = _finite(row.fte, "Årsværkene")
    if pct is None and days is None and fte is None:
        raise ValidationError(
            f"Udfyld mindst ét af tallene for {_month_name(month)}: fravær, sygedage eller årsværk."
        )
    if pct is not None and not 0 <= pct <= 100:
        raise ValidationError("Fraværsprocenten skal ligge mellem 0 og 100.")
    if days is not None and days < 0:
        raise ValidationError("Antallet af sygedage kan ikke være negativt.")
    if fte is not None and fte <= 0:
        raise ValidationError("Antallet af årsværk skal være større end 0.")
    return KeyFigureRow(month=month, absence_pct=pct, sick_days=days, fte=fte)


def list_key_figures(db: Database, unit_id: int) -> list[KeyFigureRow]:
    """The unit's typed-in months, oldest first."""
    with db.session() as session:
        rows = session.exec(
            select(KeyFigure).where(KeyFigure.unit_id == unit_id).order_by(col(KeyFigure.month))
        ).all()
        return [
            KeyFigureRow(month=r.month, absence_pct=r.absence_pct, sick_days=r.sick_days, fte=r.fte)
            for r in rows
        ]


def save_key_figure(db: Database, unit_id: int, row: KeyFigureRow) -> Changes:
    """Store a month's figures, replacing what was stored for that month (any day in it)."""
    cleaned = _validated(row)
    with db.session() as session:
        if session.get(Unit, unit_id) is None:
            raise NotFoundError("Enheden findes ikke længere.")
        stored = session.exec(
            select(KeyFigure).where(KeyFigure.unit_id == unit_id, KeyFigure.month == cleaned.month)
        ).first()
        if stored is None:
            stored = KeyFigure(unit_id=unit_id, month=cleaned.month)
        stored.absence_pct = cleaned.absence_pct
        stored.sick_days = cleaned.sick_days
        stored.fte = cleaned.fte
        session.add(stored)
    return Changes.of(Kind.ABSENCE, unit_id=unit_id)


def delete_key_figure(db: Database, unit_id: int, month: date) -> Changes:
    """Remove the figures of the month that contains ``month``."""
    first = month.replace(day=1)
    with db.session() as session:
        stored = session.exec(
            select(KeyFigure).where(KeyFigure.unit_id == unit_id, KeyFigure.month == first)
        ).first()
        if stored is None:
            raise NotFoundError(f"Der er ingen nøgletal for {_month_name(first)}.")
        session.delete(stored)
    return Changes.of(Kind.ABSENCE, unit_id=unit_id)
