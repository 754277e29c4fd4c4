"""Absence figures that came in with a share file: a unit's monthly totals, nothing per person.

The overview of all units reads them to show a 12-month absence % for a unit
whose own absence lists are not in this database (HR's copy).
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

# models.py sets the shared metadata and its naming convention; import it first.
from norddjurs_desktop.storage.models import utc_now


class SharedAbsenceMonth(SQLModel, table=True):
    """One month of a unit's aggregated absence, as the unit shared it.

    ``shared_at`` is when the share file was made: an older file never
    overwrites a month a newer file brought.
    """

    __tablename__ = "shared_absence_month"
    __table_args__ = (UniqueConstraint("unit_id", "month"),)
    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", ondelete="CASCADE", index=True)
    month: dt.date  # the first day of the month
    absence_pct: float
    sick_days: float | None = None
    fte: float | None = None
    spells: int | None = None
    source: str = ""  # "fraværsdata" or "nøgletal"
    shared_at: datetime = Field(default_factory=utc_now)
