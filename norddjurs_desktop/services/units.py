"""Units (enheder): the workplaces whose screenings the home view lists."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from norddjurs_desktop.services.changes import Changes, Kind, NewId
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.services.overview import find_unit_id
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Unit


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("Enheden skal have et navn.")
    if len(cleaned) > 120:
        raise ValidationError("Enhedens navn må højst være 120 tegn.")
    return cleaned


def find_unit(db: Database, name: str) -> int | None:
    """The id of the unit with this name, or None (one lookup for the whole app)."""
    return find_unit_id(db, name)


def create_unit(db: Database, name: str) -> NewId:
    with db.session() as session:
        unit_id = add_unit(session, name)
    return NewId(unit_id, Changes.of(Kind.UNITS, unit_id=unit_id))


def add_unit(session: Session, name: str) -> int:
    """Create the unit inside the caller's transaction (an import that makes its unit)."""
    cleaned = _clean_name(name)
    if session.exec(select(Unit).where(func.lower(Unit.name) == cleaned.lower())).first():
        raise ValidationError(f"Der findes allerede en enhed med navnet '{cleaned}'.")
    unit = Unit(name=cleaned)
    session.add(unit)
    session.flush()
    assert unit.id is not None
    return unit.id


def ensure_unit(db: Database, name: str) -> NewId:
    """The id of the unit with this name, creating it if needed (used by imports)."""
    found = find_unit(db, name)
    return NewId(found, Changes()) if found else create_unit(db, name)


def rename_unit(db: Database, unit_id: int, name: str) -> Changes:
    cleaned = _clean_name(name)
    with db.session() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFoundError("Enheden findes ikke længere.")
        clash = session.exec(
            select(Unit).where(func.lower(Unit.name) == cleaned.lower(), Unit.id != unit_id)
        ).first()
        if clash:
            raise ValidationError(f"Der findes allerede en enhed med navnet '{cleaned}'.")
        unit.name = cleaned
        session.add(unit)
    return Changes.of(Kind.UNITS, unit_id=unit_id)


def delete_unit(db: Database, unit_id: int) -> Changes:
    """Delete a unit with all its screenings (the GUI asks for confirmation first)."""
    with db.session() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFoundError("Enheden findes ikke længere.")
        session.delete(unit)
    # its screenings and absence data went with it
    return Changes.of(Kind.UNITS, Kind.SCREENINGS, Kind.ABSENCE, unit_id=unit_id)
