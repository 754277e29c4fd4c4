"""Reading a unit's imported absence data back, and the figures of the data view.

An import is read once into columns (numpy arrays sorted by person, see
:mod:`norddjurs_desktop.domain.absence_columns`) — no row objects — and kept
in a small module-level LRU cache keyed by the database file and the import
id (checked against the import's time, so a replaced import never matches);
:mod:`.absence_import` forgets an entry whenever an import is stored or
deleted. Reading goes through ``Database.reader`` in one snapshot with plain
portable SELECTs, and no SQLAlchemy to load, so `stats` on the command line
starts quickly too. The cyclic garbage collector is paused during the bulk
read: it would walk the 500,000 fresh cells again and again and find nothing.

Thread-safe: the GUI computes off the GUI thread, so the cache is guarded by
a lock, and each call opens its own connection.
"""

from __future__ import annotations

import gc
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import Any

import numpy as np

from norddjurs_desktop.domain.absence_columns import (
    OPEN,
    AbsenceColumns,
    StaffTuple,
    columns_from_codes,
)
from norddjurs_desktop.domain.absence_metrics import TEAM, AbsenceStats, column_stats
from norddjurs_desktop.domain.absence_records import AbsenceRow, StaffMember
from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.importing.plausible import EARLIEST, latest_plausible
from norddjurs_desktop.services.errors import ValidationError
from norddjurs_desktop.storage.absence_block import NO_END, BlockColumns, decode_block
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.staff_block import NO_DATE, decode_staff, staff_tuples

__all__ = [
    "AbsenceDataset",
    "FilterRefused",
    "ImportInfo",
    "forget_dataset",
    "list_imports",
    "refused_teams",
    "load_dataset",
    "unit_stats",
]

_CACHE_SIZE = 4
ImportInfoKey = tuple[int, datetime]  # an import's id and time: a replaced import never matches
_cache: OrderedDict[tuple[str, int], AbsenceDataset] = OrderedDict()
_cache_lock = threading.Lock()
# Figures already computed for a selection, so going back to a period or team is instant.
_STATS_SIZE = 64
_stats: OrderedDict[tuple[str, ImportInfoKey, date, date, str | None], AbsenceStats] = (
    OrderedDict()
)


class FilterRefused(ValidationError):
    """A filter the unit's breakdown hides for the period; the message says why, in Danish."""


@dataclass(frozen=True)
class ImportInfo:
    """One stored import: which files, when, the period the absence rows span, row counts."""

    id: int
    unit_id: int
    imported_at: datetime
    staff_file: str
    absence_file: str
    period_from: date
    period_to: date
    staff_rows: int
    absence_rows: int


@dataclass(frozen=True, eq=False)
class AbsenceDataset:
    """One import's staff and absence rows as columns (see :mod:`...domain.absence_columns`).

    The figures work on :attr:`columns`; :attr:`staff` and :attr:`absences` rebuild
    the records on first use only, for callers that want objects.
    """

    info: ImportInfo
    columns: AbsenceColumns

    @cached_property
    def staff(self) -> tuple[StaffMember, ...]:
        return self.columns.staff_members()

    @cached_property
    def absences(self) -> tuple[AbsenceRow, ...]:
        return self.columns.absence_rows()

    @property
    def teams(self) -> list[str]:
        """Team labels as the figures use them, sorted, with "Uden team" last."""
        return list(self.columns.teams)

    @property
    def years(self) -> list[int]:
        """The calendar years the absence rows touch (from the first Fra to the last date)."""
        return list(range(self.info.period_from.year, self.info.period_to.year + 1))


_INFO_SQL = (
    "SELECT id, unit_id, imported_at, staff_file, absence_file, period_from, period_to,"
    " staff_rows, absence_rows FROM absence_import"
)


def _info(row: tuple[Any, ...]) -> ImportInfo:
    iid, unit_id, imported_at, staff_file, absence_file, p_from, p_to, staff_n, absence_n = row
    return ImportInfo(
        id=iid,
        unit_id=unit_id,
        # Stored as UTC without an offset (SQLite has no time zone type).
        imported_at=datetime.fromisoformat(imported_at).replace(tzinfo=UTC),
        staff_file=staff_file,
        absence_file=absence_file,
        period_from=date.fromisoformat(p_from),
        period_to=date.fromisoformat(p_to),
        staff_rows=staff_n,
        absence_rows=absence_n,
    )


def _cache_key(db: Database, import_id: int) -> tuple[str, int]:
    return str(db.path), import_id


def forget_figures(db: Database) -> None:
    """Drop the remembered figures of this database (benchmarks measure first visits)."""
    with _cache_lock:
        for stats_key in [k for k in _stats if k[0] == str(db.path)]:
            del _stats[stats_key]


def forget_dataset(db: Database, import_id: int | None = None) -> None:
    """Drop a cached import (or every cached import of this database when None)."""
    forget_figures(db)
    with _cache_lock:
        if import_id is not None:
            _cache.pop(_cache_key(db, import_id), None)
            return
        for key in [k for k in _cache if k[0] == str(db.path)]:
            del _cache[key]


_STAFF_SQL = "SELECT format_version, row_count, data FROM staff_block WHERE import_id = ?"
_BLOCK_SQL = "SELECT format_version, row_count, data FROM absence_block WHERE import_id = ?"


@contextmanager
def _no_gc() -> Iterator[None]:
    """No cyclic garbage collection while a bulk read makes 100,000s of acyclic objects.

    The collector would walk them again and again (a fifth of the time) and find nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _open_after(info: ImportInfo) -> date:
    """The last believable date of an import: later stored ends mean "no end date".

    Imports are checked since :mod:`~norddjurs_desktop.importing.plausible`
    existed, but a file imported before may hold 31-12-9999 as an end date;
    read as a date it made every figure scan to the year 10000 and crash.
    """
    return latest_plausible(info.imported_at.date())


def _clamped(info: ImportInfo, connection: sqlite3.Connection) -> ImportInfo:
    """``info`` with a period inside the believable dates of its rows (see :func:`_read`)."""
    if info.period_from < EARLIEST:
        info = replace(info, period_from=EARLIEST, period_to=max(info.period_to, EARLIEST))
    cap = _open_after(info)
    if info.period_to <= cap:
        return info
    # The latest start, and the latest end, of the rows starting by the cap: both believable.
    block = _block(connection, info)
    starts = block.start[block.start <= cap.toordinal()]
    ends = block.end[(block.start <= cap.toordinal()) & (block.end <= cap.toordinal())
                     & (block.end != NO_END)]
    days = [int(a.max()) for a in (starts, ends) if len(a)]
    latest = date.fromordinal(max(days)) if days else info.period_from
    return replace(info, period_to=max(info.period_from, min(latest, cap)))


def list_imports(db: Database, unit_id: int) -> list[ImportInfo]:
    """The unit's imports, newest first."""
    rows = db.read(f"{_INFO_SQL} WHERE unit_id = ? ORDER BY imported_at DESC, id DESC", (unit_id,))
    return [_info(row) for row in rows]


def _newest(connection: sqlite3.Connection, unit_id: int) -> ImportInfo | None:
    row = connection.execute(
        f"{_INFO_SQL} WHERE unit_id = ? ORDER BY imported_at DESC, id DESC LIMIT 1", (unit_id,)
    ).fetchone()
    return None if row is None else _clamped(_info(row), connection)


def _cached(db: Database, info: ImportInfo) -> AbsenceDataset | None:
    key = _cache_key(db, info.id)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is None or cached.info != info:
            return None
        _cache.move_to_end(key)
        return cached


def _block(connection: sqlite3.Connection, info: ImportInfo) -> BlockColumns:
    """The import's absence rows as stored: codes and ordinals, checked whole."""
    row = connection.execute(_BLOCK_SQL, (info.id,)).fetchone()
    if row is None:
        return decode_block(None, import_id=info.id)
    version, count, data = row
    return decode_block(data, import_id=info.id, version=version, rows=count)


def _read(connection: sqlite3.Connection, info: ImportInfo) -> AbsenceDataset:
    """The import's staff and absence rows; ends past the believable limit read as open.

    Rows an older version stored without the plausibility checks: an end after
    the believable limit is open, a start before 1990 counts from 1990, and what
    lies wholly outside is left out — so a typo can neither crash the figures
    nor make them scan thousands of years. The absence rows come as one block
    (:mod:`~norddjurs_desktop.storage.absence_block`): arrays, no row objects.
    """
    cap, earliest = _open_after(info).toordinal(), EARLIEST.toordinal()
    with _no_gc():
        staff = _staff(connection, info, cap, earliest)
        block = _block(connection, info)
        starts = block.start.astype(np.int64)
        ends = np.where(block.end == NO_END, OPEN, block.end.astype(np.int64))
        inside = (starts <= cap) & ((ends == OPEN) | (ends >= earliest))
        columns = columns_from_codes(
            staff, block.keys, block.reasons, block.key_code, block.reason_code,
            np.maximum(starts, earliest), np.where(ends > cap, OPEN, ends), inside,
        )
        return AbsenceDataset(info, columns)


def _staff(
    connection: sqlite3.Connection, info: ImportInfo, cap: int, earliest: int
) -> list[StaffTuple]:
    """The staff list as tuples (dates as ordinals), inside the believable dates (see _read)."""
    row = connection.execute(_STAFF_SQL, (info.id,)).fetchone()
    version, count, data = (None, None, None) if row is None else row
    stored = decode_staff(data, import_id=info.id, version=version, rows=count)
    since = stored.employed_from.astype(np.int64)
    until = stored.employed_to.astype(np.int64)
    keep = ((since == NO_DATE) | (since <= cap)) & ((until == NO_DATE) | (until >= earliest))
    since = np.where(since == NO_DATE, NO_DATE, np.maximum(since, earliest))
    until = np.where(until > cap, NO_DATE, until)
    chosen = np.flatnonzero(keep)
    clamped = replace(stored, key_code=stored.key_code[chosen],
                      team_code=stored.team_code[chosen], job_code=stored.job_code[chosen],
                      age=stored.age[chosen], grade=stored.grade[chosen],
                      employed_from=since[chosen], employed_to=until[chosen])
    return staff_tuples(clamped)  # type: ignore[return-value]


def load_dataset(db: Database, unit_id: int) -> AbsenceDataset | None:
    """The rows of the unit's NEWEST import, or None when the unit has none.

    Imports are never combined: each import is a complete staff list with its
    absence export, and two exports usually overlap, so adding them up would
    count a person (and their sick days) twice. The newest import is taken to
    be the current picture; older ones stay listed until deleted.
    """
    with db.reader() as connection:
        info = _newest(connection, unit_id)
        if info is None:
            return None
        dataset = _cached(db, info)
        if dataset is not None:
            return dataset
        dataset = _read(connection, info)
    with _cache_lock:
        key = _cache_key(db, info.id)
        _cache[key] = dataset
        _cache.move_to_end(key)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return dataset


def unit_stats(
    db: Database,
    unit_id: int,
    *,
    period_from: date | None = None,
    period_to: date | None = None,
    team: str | None = None,
) -> AbsenceStats | None:
    """Every figure of the data view for the unit's newest import; None without data.

    The period defaults to the "rullende år" of the data (the 365 days ending
    on its latest date); a missing end of the period is taken from that
    default. ``team`` is a label from :attr:`AbsenceDataset.teams`. The
    figures are returned even for fewer than five persons: the caller must
    check :attr:`AbsenceStats.too_few_persons` before showing them. A team
    the unit's team breakdown hides for the period raises
    :class:`FilterRefused` (see :mod:`norddjurs_desktop.domain.absence_privacy`).
    """
    dataset = load_dataset(db, unit_id)
    if dataset is None:
        return None
    info = dataset.info
    # The same as default_period(dataset.absences): info.period_to is the data's latest date.
    start = period_from or info.period_to - timedelta(days=364)
    end = period_to or info.period_to
    if end < start:
        raise ValidationError(
            f"Perioden slutter ({danish_date(end)}) før den begynder ({danish_date(start)})."
        )
    if team is not None and team not in dataset.teams:
        raise ValidationError(
            f"Teamet '{team}' findes ikke i data. Kendte teams: {', '.join(dataset.teams)}."
        )
    if team is not None:
        # Filters follow the breakdowns: only a team the unit's breakdown shows may be chosen,
        # or "whole unit minus the shown teams" would give a small team's figures.
        whole = _figures(db, dataset, start, end, None)
        refusal = whole.refusal(TEAM, team)
        if refusal is not None:
            raise FilterRefused(refusal)
    return _figures(db, dataset, start, end, team)


def refused_teams(
    db: Database,
    unit_id: int,
    *,
    period_from: date | None = None,
    period_to: date | None = None,
) -> dict[str, str]:
    """Team → the Danish reason it cannot be chosen as a filter for the period (the rest can)."""
    whole = unit_stats(db, unit_id, period_from=period_from, period_to=period_to)
    if whole is None:
        return {}
    return {
        team: text
        for team in whole.hidden_groups.get(TEAM, {})
        if (text := whole.refusal(TEAM, team)) is not None
    }


def _figures(
    db: Database, dataset: AbsenceDataset, start: date, end: date, team: str | None
) -> AbsenceStats:
    """The figures of one selection, remembered per database, import, period and team."""
    info = dataset.info
    stats_key = (str(db.path), (info.id, info.imported_at), start, end, team)
    with _cache_lock:
        known = _stats.get(stats_key)
    if known is not None:
        return known
    stats = column_stats(dataset.columns, start, end, team=team, data_end=dataset.info.period_to)
    with _cache_lock:
        _stats[stats_key] = stats
        while len(_stats) > _STATS_SIZE:
            _stats.popitem(last=False)
    return stats
