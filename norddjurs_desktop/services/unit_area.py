"""A unit's "Område" (forvaltning or area), by which HR groups the units.

Reading goes through the standard library (the home shows the area before the
ORM is loaded, see tests/test_startup_path.py); only setting it loads the ORM.
"""

from __future__ import annotations

from norddjurs_desktop.domain.unit_area import AreaError, clean_area
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.storage.database import Database

__all__ = ["set_unit_area", "unit_area"]


def unit_area(db: Database, unit_id: int) -> str:
    """The unit's area ("" when none is set)."""
    rows = db.read("SELECT area FROM unit WHERE id = ?", (unit_id,))
    if not rows:
        raise NotFoundError("Enheden findes ikke længere.")
    return str(rows[0][0] or "")


def set_unit_area(db: Database, unit_id: int, area: str) -> Changes:
    """Set (or with "" clear) the unit's area; what changed, for the views."""
    try:
        cleaned = clean_area(area)
    except AreaError as error:
        raise ValidationError(str(error)) from error
    from norddjurs_desktop.storage.models import Unit

    with db.session() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFoundError("Enheden findes ikke længere.")
        if unit.area == cleaned:
            return Changes()
        unit.area = cleaned
        session.add(unit)
    return Changes.of(Kind.UNITS, unit_id=unit_id)
