"""Tables of the data view: imports of staff and absence lists, key figures, mappings.

Kept apart from the meeting tables so that opening the app does not build them.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from sqlalchemy import Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

# models.py sets the shared metadata and its naming convention; import it first.
from norddjurs_desktop.storage.models import utc_now


class AbsenceImport(SQLModel, table=True):
    """One import of a staff list and an absence list for a unit."""

    __tablename__ = "absence_import"
    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", ondelete="CASCADE", index=True)
    imported_at: datetime = Field(default_factory=utc_now)
    staff_file: str
    absence_file: str
    period_from: dt.date
    period_to: dt.date
    staff_rows: int = 0
    absence_rows: int = 0
    #: JSON list of the absence rows left out on request, each [row, column, problem]; "" none.
    skipped_rows: str = Field(default="", sa_column_kwargs={"server_default": ""})


class StaffBlock(SQLModel, table=True):
    """An import's staff list as one value (see :mod:`.staff_block`); names are never stored.

    Persons are known by pseudonymous key only, as they were as rows.
    """

    __tablename__ = "staff_block"
    import_id: int = Field(
        primary_key=True, foreign_key="absence_import.id", ondelete="CASCADE"
    )
    format_version: int
    row_count: int
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class AbsenceBlock(SQLModel, table=True):
    """An import's absence rows, all of them, as one value (see :mod:`.absence_block`).

    One row per import instead of 150,000–560,000: written and read in one go.
    ``format_version`` says how ``data`` is laid out; ``row_count`` is checked
    against it when read.
    """

    __tablename__ = "absence_block"
    import_id: int = Field(
        primary_key=True, foreign_key="absence_import.id", ondelete="CASCADE"
    )
    format_version: int
    row_count: int
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class KeyFigure(SQLModel, table=True):
    """A month's figures typed in from the data portal."""

    __tablename__ = "key_figure"
    __table_args__ = (UniqueConstraint("unit_id", "month"),)
    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", ondelete="CASCADE", index=True)
    month: dt.date  # the first day of the month
    absence_pct: float | None = None
    sick_days: float | None = None
    fte: float | None = None


class ColumnMapping(SQLModel, table=True):
    """How the columns of a file with these headers map to ours, remembered for next time."""

    __tablename__ = "column_mapping"
    __table_args__ = (UniqueConstraint("kind", "headers"),)
    id: int | None = Field(default=None, primary_key=True)
    kind: str  # "staff" or "absence"
    headers: str  # the file's headers joined by a tab, lower-cased
    mapping: str  # JSON: canonical column -> source header (or null)
