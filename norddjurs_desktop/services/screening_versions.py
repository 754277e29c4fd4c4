"""Two people editing one screening never overwrite each other silently.

Every edit of a screening counts up its ``version`` (:func:`touch`). This copy of
the app remembers, per open :class:`Database`, the version it last saw or wrote
of each screening: whatever it writes itself (through any service) is known
the moment it is committed. An edit from the GUI first checks that the stored
version is still the known one (:func:`check_version`, in the same transaction
as the edit): if someone else — another laptop on the shared database, or
another window on the same file — has changed the screening in between, the
edit is refused with :class:`ConflictError`, nothing is written, and the page
reloads what is stored now.

The check locks the screening's row (``SELECT … FOR UPDATE`` on PostgreSQL;
SQLite's ``BEGIN IMMEDIATE`` already holds the whole file), so the check and
the write are one atomic step even when two edits arrive at once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from weakref import WeakKeyDictionary

from sqlalchemy import event
from sqlmodel import Session, select

from norddjurs_desktop.services.errors import NotFoundError, ServiceError
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Screening

CONFLICT_MESSAGE = "Screeningen er ændret af en anden – genindlæst."
_TOUCHED = "touched_screening_versions"

# Per open database: screening id → the version this app last saw or committed.
_known: WeakKeyDictionary[Database, dict[int, int]] = WeakKeyDictionary()


class ConflictError(ServiceError):
    """Someone else changed the screening since it was loaded; this edit was not stored."""


def touch(session: Session, screening_id: int) -> Screening:
    """Load a screening, mark it changed now (the home view sorts by this) and count the edit.

    The row is read locked and fresh, so two edits at once on a server each count
    (no lost increment); the new version is known here once the edit is committed.
    """
    session.flush()  # edits made before the touch go out first: the fresh read keeps them
    screening = session.get(
        Screening, screening_id, with_for_update=True, populate_existing=True
    )
    if screening is None:
        raise NotFoundError("Screeningen findes ikke længere.")
    screening.updated_at = datetime.now(UTC).replace(microsecond=0)
    screening.version += 1
    session.add(screening)
    session.info.setdefault(_TOUCHED, {})[screening_id] = screening.version
    return screening


@event.listens_for(Session, "after_commit")
def _remember_committed(session: Session) -> None:
    touched = session.info.pop(_TOUCHED, None)
    database = session.info.get("database")
    if touched and database is not None:
        _known.setdefault(database, {}).update(touched)


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back(session: Session) -> None:
    session.info.pop(_TOUCHED, None)


def stored_version(db: Database, screening_id: int) -> int:
    """The version stored now (fast path, no ORM)."""
    rows = db.read("SELECT version FROM screening WHERE id = ?", (screening_id,))
    if not rows:
        raise NotFoundError("Screeningen findes ikke længere.")
    return int(rows[0][0])


def known_version(db: Database, screening_id: int) -> int | None:
    return _known.get(db, {}).get(screening_id)


def remember_version(db: Database, screening_id: int, version: int | None = None) -> int:
    """Take the stored (or given) version as seen: after loading or reloading the screening."""
    seen = stored_version(db, screening_id) if version is None else version
    _known.setdefault(db, {})[screening_id] = seen
    return seen


def check_version(db: Database, screening_id: int, expected: int | None = None) -> None:
    """Refuse an edit when the stored version is not ``expected`` (default: the known one).

    Called inside the edit's own ``with db.session()``: the row stays locked until
    the edit is committed.
    """
    if expected is None:
        expected = known_version(db, screening_id)
    with db.session() as session:
        found = session.exec(
            select(Screening.version).where(Screening.id == screening_id).with_for_update()
        ).first()
        if found is None:
            raise NotFoundError("Screeningen findes ikke længere.")
        if expected is not None and found != expected:
            raise ConflictError(CONFLICT_MESSAGE)
