""""Hent delt fil …": bring a unit's share file into this database by its stable ids.

The file is read and checked in full (:func:`read_share_file`) before the
database is touched; then everything is stored in ONE transaction, so a
problem half-way leaves the database as it was.

The rules, per screening (matched by ``uid``):

- not here: added;
- here with a lower ``version``: replaced wholesale by the file's copy (its
  participants, scores, rounds, actions and reviews); the actions are
  rewritten in place, so reviews in later screenings that point at them stay;
- here with the same or a higher version: kept as it is, and the user is told
  (an equal version is the same screening; a higher one was edited here since).

The unit is matched by ``uid``. A *different* unit that happens to have the
same name here is not merged with it (they may be two workplaces): the shared
unit is added under the name with " (2)", " (3)" … and the user is told.
Importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.share_format import (
    CONTENT,
    MANIFEST,
    MAX_CONTENT_BYTES,
    MAX_FILE_BYTES,
    MAX_MANIFEST_BYTES,
    ShareFileError,
    check_content,
    check_manifest,
    check_members,
    refusal,
)
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.errors import ValidationError
from norddjurs_desktop.services.share_export import screening_records
from norddjurs_desktop.services.share_store import store_months, store_screening
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Screening, Unit

__all__ = [
    "ShareImportResult",
    "ShareRefused",
    "SharedFile",
    "import_share_file",
    "read_share_file",
]

IMPORT_KINDS = (
    Kind.UNITS, Kind.SCREENINGS, Kind.SCREENING, Kind.PARTICIPANTS, Kind.ASSESSMENTS,
    Kind.PRIORITIES, Kind.ACTIONS, Kind.CARD_NOTES, Kind.ROUNDS, Kind.ABSENCE,
)


@dataclass(frozen=True)
class SharedFile:
    """A checked share file: its manifest and its content (plain JSON values)."""

    manifest: dict[str, Any]
    content: dict[str, Any]

    @property
    def created_at(self) -> datetime:
        moment = datetime.fromisoformat(self.manifest["created_at"])
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


@dataclass(frozen=True)
class ShareImportResult:
    """What an import did, screening by screening, in Danish lines for both front ends."""

    unit_id: int
    unit_name: str
    unit_added: bool
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    months: int = 0  # months of absence figures stored or renewed
    notes: tuple[str, ...] = ()
    changes: Changes = field(default_factory=Changes)

    @property
    def changed(self) -> bool:
        return bool(self.changes.kinds)

    def lines(self) -> list[str]:
        head = (
            f"Enheden '{self.unit_name}' er tilføjet." if self.unit_added
            else f"Enheden '{self.unit_name}' fandtes allerede."
        )
        text = [head, *self.notes]
        text += [f"Tilføjet: {line}" for line in self.added]
        text += [f"Opdateret: {line}" for line in self.updated]
        text += [f"Beholdt: {line}" for line in self.kept]
        if self.months:
            text.append(f"Fraværstal for {self.months} måned(er) er gemt.")
        if not self.changed:
            text.append("Intet er ændret – databasen havde allerede det, filen indeholder.")
        return text


def _read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member's bytes, never more than ``limit`` unpacked, whatever its header claims."""
    info = archive.getinfo(name)
    if info.file_size > limit or info.flag_bits & 0x1:
        raise refusal("filen er for stor udpakket eller krypteret")
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise refusal("filen er for stor udpakket")
    return data


def _json(data: bytes, what: str) -> object:
    def refuse_constant(name: str) -> object:
        raise ValueError(name)

    try:
        return json.loads(data.decode("utf-8"), parse_constant=refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise refusal(f"{what} er ikke gyldig JSON") from error


class ShareRefused(ValidationError):
    """The share file was refused (the domain's reason, as a service error); nothing stored."""


def read_share_file(path: Path) -> SharedFile:
    """Read and check a share file completely; raise a Danish refusal for anything amiss."""
    try:
        return _read_share_file(Path(path))
    except ShareFileError as error:
        raise ShareRefused(str(error)) from error


def _read_share_file(path: Path) -> SharedFile:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ValidationError(f"Filen {path.name} kan ikke læses: {error.strerror}.") from error
    if size > MAX_FILE_BYTES:
        raise refusal(f"filen er {size / 1024 / 1024:.0f} MB; en delingsfil må højst fylde 20 MB")
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if MANIFEST not in names:
                raise refusal("filen er ikke en delingsfil fra Fremmødepaletten")
            # the version first: a newer format may well have other members
            manifest = check_manifest(_json(_read_member(archive, MANIFEST, MAX_MANIFEST_BYTES),
                                            "manifestet"))
            check_members(names)
            body = _read_member(archive, CONTENT, MAX_CONTENT_BYTES)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as error:
        raise refusal("filen er beskadiget eller ikke en delingsfil") from error
    except OSError as error:
        raise refusal(f"filen kan ikke læses ({error.strerror or 'beskadiget'})") from error
    if hashlib.sha256(body).hexdigest() != manifest["sha256"]:
        raise refusal("indholdet passer ikke til filens kontrolsum – filen er ændret efter, "
                      "den blev lavet")
    content = check_content(_json(body, "indholdet"))
    return SharedFile(manifest, content)


def _screening_words(record: dict[str, Any]) -> str:
    return f"screeningen {danish_date(date.fromisoformat(record['date']))} ({record['forum']})"


def _why_kept(here: Screening, record: dict[str, Any], local: dict[str, Any]) -> str:
    """Why the screening here stays: the same edition, a newer one, or edited on both sides.

    Equal versions whose contents differ were changed as often in both places:
    neither is newer, so the one here is kept and the user is told.
    """
    if record["version"] < here.version:
        return (f"udgaven her er nyere (version {here.version}, filen har "
                f"version {record['version']})")
    if _same(local, record):
        return "den samme udgave findes allerede"
    return ("den er ændret både her og hos enheden lige mange gange; udgaven her er "
            "beholdt – bed enheden om at dele igen, hvis deres skal gælde")


def _same(local: dict[str, Any], record: dict[str, Any]) -> bool:
    """The same screening, edit times aside (a copy keeps the times it came with)."""
    def ignore(values: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in values.items() if k != "updated_at"}

    return ignore(local) == ignore(record)


def _free_name(session: Session, name: str) -> str:
    """The name itself, or with " (2)", " (3)" … when another unit has it here."""
    candidate, number = name, 1
    while session.exec(
        select(Unit.id).where(func.lower(Unit.name) == candidate.lower())
    ).first() is not None:
        number += 1
        suffix = f" ({number})"
        candidate = name[: 120 - len(suffix)] + suffix
    return candidate


def _unit(session: Session, shared: dict[str, Any]) -> tuple[Unit, bool, list[str]]:
    unit = session.exec(select(Unit).where(Unit.uid == shared["uid"])).first()
    if unit is not None:
        notes = []
        if not unit.area and shared["area"]:
            unit.area = shared["area"]
            session.add(unit)
            notes.append(f"Området '{shared['area']}' er sat på enheden.")
        return unit, False, notes
    name = " ".join(shared["name"].split())
    free = _free_name(session, name)
    notes = [] if free == name else [
        f"Der fandtes allerede en anden enhed med navnet '{name}'; den delte enhed er "
        f"tilføjet som '{free}' (omdøb den, hvis det er den samme)."
    ]
    unit = Unit(name=free, uid=shared["uid"], area=" ".join(shared["area"].split()))
    session.add(unit)
    session.flush()
    return unit, True, notes


def import_share_file(db: Database, path: Path) -> ShareImportResult:
    """Check the file, then add it to the database in one transaction (see module doc)."""
    shared = read_share_file(path)
    try:
        return _store(db, shared)
    except ShareFileError as error:
        raise ShareRefused(str(error)) from error


def _store(db: Database, shared: SharedFile) -> ShareImportResult:
    content = shared.content
    added: list[str] = []
    updated: list[str] = []
    kept: list[str] = []
    with db.session() as session:
        unit, unit_added, notes = _unit(session, content["unit"])
        assert unit.id is not None
        ids: dict[str, int] = {}
        fresh: list[dict[str, Any]] = []
        here_records: dict[str, dict[str, Any]] | None = None  # read when first needed
        ordered = sorted(content["screenings"], key=lambda s: s["date"])
        for record in ordered:
            here = session.exec(select(Screening).where(Screening.uid == record["uid"])).first()
            words = _screening_words(record)
            if here is not None and here.unit_id != unit.id:
                raise refusal(f"{words} hører til en anden enhed i denne database")
            if here is None:
                added.append(words)
            elif record["version"] > here.version:
                updated.append(f"{words} – en nyere udgave (version {record['version']}, "
                               f"her var version {here.version})")
            else:
                if here_records is None:
                    here_records = {r["uid"]: r for r in screening_records(session, unit.id)[0]}
                why = _why_kept(here, record, here_records.get(record["uid"], {}))
                kept.append(f"{words} – {why}")
                ids[record["uid"]] = here.id or 0
                continue
            ids[record["uid"]] = store_screening(session, unit.id, here, record)
            fresh.append(record)
        for record in fresh:  # links need every screening of the file in place
            store_screening(session, unit.id, None, record, ids=ids, links_only=True)
        months = store_months(session, unit.id, content["absence_months"], shared.created_at)
        changed = unit_added or bool(notes) or bool(fresh) or months > 0
        changes = Changes.of(*IMPORT_KINDS, unit_id=unit.id) if changed else Changes()
        return ShareImportResult(
            unit_id=unit.id,
            unit_name=unit.name,
            unit_added=unit_added,
            added=tuple(added),
            updated=tuple(updated),
            kept=tuple(kept),
            months=months,
            notes=tuple(notes),
            changes=changes,
        )

