"""An import's staff and absence rows as columns: the shape the figures are computed on.

A municipality's import holds 5,000–20,000 persons and 150,000–560,000 absence
rows. As Python objects they cost seconds to build and hundreds of MiB to
keep; as numpy arrays they cost a few MiB, and the figures become a handful of
vectorised passes. Persons are grouped by team (in the data view's team order)
and rows are sorted by person, so one team is a contiguous slice of persons
and of rows: its figures touch only its own rows, whatever the unit's size.

The original records can be rebuilt exactly (file order, spelling of reasons,
rows whose key is not on the staff list) for the callers that still want them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any

import numpy as np

from .absence_records import (
    AGE_GROUPS,
    EGEN_SYGDOM,
    NO_TEAM,
    REASONS,
    SICK_REASONS,
    UNAVAILABLE_REASONS,
    UNKNOWN,
    AbsenceRow,
    StaffMember,
    age_group,
    job_group_label,
    normalise_reason,
    team_label,
)

__all__ = [
    "AWAY",
    "EGEN",
    "NO_START",
    "OPEN",
    "OTHER",
    "REASON_CLASS",
    "SICK",
    "AbsenceColumns",
    "RowEncoder",
    "StaffTuple",
    "build_columns",
    "columns_from_codes",
    "columns_from_records",
]

OPEN = date.max.toordinal()  # an end of OPEN: still absent / still employed
NO_START = 0  # employed_from unknown: employed since always
SICK, AWAY, OTHER = 0, 1, 2  # the classes of reasons the absence % is made of
EGEN = REASONS.index(EGEN_SYGDOM)
REASON_CLASS = np.array(
    [SICK if r in SICK_REASONS else AWAY if r in UNAVAILABLE_REASONS else OTHER for r in REASONS],
    dtype=np.int64,
)
_REASON_INDEX = {name: i for i, name in enumerate(REASONS)}

_KEY, _REASON = itemgetter(0), itemgetter(1)

#: key, team, job group, age, grade, employed from (ordinal/None), employed to (ordinal/None).
StaffTuple = tuple[str, str, str, int | None, float, int | None, int | None]


def _last_sorted(labels: Sequence[str], last: str) -> list[str]:
    return sorted(set(labels), key=lambda t: (t == last, t))


@dataclass(frozen=True, eq=False)
class AbsenceColumns:
    """Persons grouped by team, rows sorted by (person, reason, start); all ordinals.

    Person ``i`` owns rows ``person_rows[i]:person_rows[i + 1]``; team ``teams[t]``
    owns persons ``team_bounds[t]:team_bounds[t + 1]``. ``counts[i]`` is False
    for an earlier person of a key that occurs twice (the later one counts, as
    in a dict). ``class_order`` lists the rows by (person, class, start), class
    being :data:`SICK`, :data:`AWAY` or :data:`OTHER`.
    """

    keys: tuple[str, ...]
    teams: tuple[str, ...]
    team_bounds: np.ndarray
    team_code: np.ndarray
    job_labels: tuple[str, ...]
    job_code: np.ndarray
    age_code: np.ndarray
    grade: np.ndarray
    employed_from: np.ndarray
    employed_to: np.ndarray
    counts: np.ndarray
    person_rows: np.ndarray
    row_person: np.ndarray
    row_reason: np.ndarray
    row_start: np.ndarray
    row_end: np.ndarray
    class_order: np.ndarray
    #: (earliest start, latest start or end) over the rows, as ordinals; None without rows.
    span: tuple[int, int] | None
    _originals: _Originals = field(repr=False)

    @property
    def persons(self) -> int:
        return len(self.keys)

    def team_persons(self, team: str | None) -> slice:
        """The persons of a team label (all persons for None; empty for an unknown team)."""
        if team is None:
            return slice(0, len(self.keys))
        label = team_label(team)
        if label not in self.teams:
            return slice(0, 0)
        t = self.teams.index(label)
        return slice(int(self.team_bounds[t]), int(self.team_bounds[t + 1]))

    def rows_of(self, persons: slice) -> slice:
        """The rows of a contiguous run of persons: a slice, not a search."""
        return slice(int(self.person_rows[persons.start]), int(self.person_rows[persons.stop]))

    def staff_members(self) -> tuple[StaffMember, ...]:
        """The staff list as records, in the order it was given (rebuilt on demand)."""
        return tuple(
            StaffMember(k, t, j, a, g, _ordinal_date(f), _ordinal_date(e))
            for k, t, j, a, g, f, e in self._originals.staff
        )

    def absence_rows(self) -> tuple[AbsenceRow, ...]:
        """The absence rows as records, in the order they were given (rebuilt on demand)."""
        o = self._originals
        dates: dict[int, date | None] = {OPEN: None}
        for ordinal in np.unique(np.concatenate([self.row_start, self.row_end])).tolist():
            if ordinal != OPEN:
                dates[ordinal] = date.fromordinal(ordinal)
        keys, reasons = self.keys, o.reasons
        rows: list[AbsenceRow | None] = [None] * (len(o.row_pos) + len(o.orphans))
        for pos, p, r, s, e in zip(
            o.row_pos.tolist(), self.row_person.tolist(), o.row_reason_raw.tolist(),
            self.row_start.tolist(), self.row_end.tolist(), strict=True,
        ):
            rows[pos] = AbsenceRow(keys[p], reasons[r], dates[s], dates[e])  # type: ignore[arg-type]
        for pos, row in o.orphans:
            rows[pos] = row
        return tuple(rows)  # type: ignore[arg-type]


@dataclass(frozen=True, eq=False)
class _Originals:
    staff: tuple[StaffTuple, ...]
    reasons: tuple[str, ...]  # the reason texts as stored
    row_reason_raw: np.ndarray  # per row: index into ``reasons``
    row_pos: np.ndarray  # per row: its position in the given order
    orphans: tuple[tuple[int, AbsenceRow], ...]  # rows whose key is on no staff list


def _ordinal_date(ordinal: int | None) -> date | None:
    return None if ordinal is None else date.fromordinal(ordinal)


class RowEncoder:
    """Turns absence rows into codes chunk by chunk, so no list of all rows ever exists.

    A reader feeds :meth:`add` a few thousand rows at a time; each chunk's
    strings become small integers at once (key → position on the staff list,
    reason text → code) and are dropped. A bulk read then never holds 500,000
    Python strings at the same time: less memory kept by the process, and
    less for the garbage collector to walk.
    """

    def __init__(self, staff_keys: Sequence[str]) -> None:
        self._index = _Index({key: i for i, key in enumerate(staff_keys)})  # last one wins
        self._reasons = _Codes()
        self._parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        self._orphans: list[tuple[int, AbsenceRow]] = []
        self._rows = 0

    def add(
        self,
        rows: Sequence[Sequence[Any]],
        starts: np.ndarray,
        ends: np.ndarray,
        keep: np.ndarray | None = None,
    ) -> None:
        """One chunk: rows starting (key, reason, …), their start and end ordinals
        (:data:`OPEN` = open), and optionally which of them to keep."""
        n = len(rows)
        # map() over a dict's __getitem__ runs in C: the per-row look-ups cost nanoseconds.
        person = np.fromiter(map(self._index.__getitem__, map(_KEY, rows)), dtype=np.int64,
                             count=n)
        reason = np.fromiter(map(self._reasons.__getitem__, map(_REASON, rows)),
                             dtype=np.int64, count=n)
        starts, ends = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
        if keep is not None and not keep.all():
            chosen = np.flatnonzero(keep)
            rows = [rows[i] for i in chosen.tolist()]
            person, reason = person[chosen], reason[chosen]
            starts, ends = starts[chosen], ends[chosen]
        for i in np.flatnonzero(person < 0).tolist():
            self._orphans.append((self._rows + i, AbsenceRow(
                rows[i][0], rows[i][1], date.fromordinal(int(starts[i])),
                None if ends[i] == OPEN else date.fromordinal(int(ends[i])),
            )))
        self._parts.append((person, reason, starts, ends))
        self._rows += len(person)

    def columns(self, staff: Sequence[StaffTuple]) -> AbsenceColumns:
        """The columns of ``staff`` (the list the keys were given from) and the rows added."""
        parts = self._parts or [(np.zeros(0, dtype=np.int64),) * 4]
        person, raw, starts, ends = (np.concatenate(column) for column in zip(*parts, strict=True))
        self._parts = []
        return _build(staff, person, raw, tuple(self._reasons), starts, ends,
                      tuple(self._orphans))


def build_columns(
    staff: Sequence[StaffTuple],
    row_keys: Sequence[str],
    row_reasons: Sequence[str],
    row_starts: np.ndarray,
    row_ends: np.ndarray,
) -> AbsenceColumns:
    """Columns from the staff list and the rows' four columns (ends: :data:`OPEN` = open)."""
    encoder = RowEncoder([member[0] for member in staff])
    encoder.add(list(zip(row_keys, row_reasons, strict=True)), row_starts, row_ends)
    return encoder.columns(staff)


def columns_from_codes(
    staff: Sequence[StaffTuple],
    key_texts: Sequence[str],
    reason_texts: Sequence[str],
    key_code: np.ndarray,
    reason_code: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    keep: np.ndarray | None = None,
) -> AbsenceColumns:
    """Columns from rows already coded: each row's key and reason as an index into a table
    of distinct texts, start and end as ordinals (ends: :data:`OPEN` = open).

    The form a stored block holds. Each distinct key is looked up on the staff list
    once (not once per row), and only rows whose key is on no staff list become
    records; ``keep`` optionally says which rows to keep.
    """
    index = _Index({key: i for i, key in enumerate(member[0] for member in staff)})
    position_of_key = np.array([index[key] for key in key_texts] or [-1], dtype=np.int64)
    key_code = np.asarray(key_code, dtype=np.int64)
    raw = np.asarray(reason_code, dtype=np.int64)
    starts, ends = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
    if keep is not None and not keep.all():
        chosen = np.flatnonzero(keep)
        key_code, raw, starts, ends = key_code[chosen], raw[chosen], starts[chosen], ends[chosen]
    person = position_of_key[key_code]
    orphans = tuple(
        (i, AbsenceRow(key_texts[key_code[i]], reason_texts[raw[i]],
                       date.fromordinal(int(starts[i])),
                       None if ends[i] == OPEN else date.fromordinal(int(ends[i]))))
        for i in np.flatnonzero(person < 0).tolist()
    )
    return _build(staff, person, raw, tuple(reason_texts), starts, ends, orphans)


def _build(
    staff: Sequence[StaffTuple],
    staff_position: np.ndarray,
    raw: np.ndarray,
    texts: tuple[str, ...],
    starts: np.ndarray,
    ends: np.ndarray,
    orphans: tuple[tuple[int, AbsenceRow], ...],
) -> AbsenceColumns:
    """Persons grouped by team, rows sorted by person: numpy from here on.

    Labels and age groups are worked out once per distinct value, not once per person.
    """
    labels = _each(team_label, [s[1] for s in staff])
    teams = tuple(_last_sorted(labels, NO_TEAM))
    team_index = {t: i for i, t in enumerate(teams)}
    team_of = np.array([team_index[t] for t in labels], dtype=np.int64)
    order = np.argsort(team_of, kind="stable")
    people = [staff[i] for i in order.tolist()]
    team_code = team_of[order]
    team_bounds = np.searchsorted(team_code, np.arange(len(teams) + 1), side="left")
    jobs = _each(job_group_label, [s[2] for s in people])
    job_labels = tuple(_last_sorted(jobs, UNKNOWN))
    job_index = {t: i for i, t in enumerate(job_labels)}
    column_of = np.empty(len(staff) + 1, dtype=np.int64)  # staff position → column; -1 → -1
    column_of[order] = np.arange(len(staff))
    column_of[-1] = -1
    # A key given twice counts once, as its last entry (as in a dict keyed by person).
    counts = np.ones(len(people), dtype=bool)
    seen: dict[str, int] = {}
    if len({s[0] for s in staff}) < len(staff):
        for position, member in enumerate(staff):
            before = seen.get(member[0])
            if before is not None:
                counts[column_of[before]] = False
            seen[member[0]] = position
    person = column_of[staff_position]
    to_reason = np.array([_reason(t) for t in texts] or [0], dtype=np.int64)
    known = person >= 0
    positions = np.flatnonzero(known)
    reason = to_reason[raw[positions]] if len(positions) else raw[positions]
    # One int64 sort key each (person | reason or class | start) sorts faster than lexsort.
    sort = np.argsort(_sort_key(person[positions], reason, starts[positions]), kind="stable")
    positions = positions[sort]
    row_person = person[positions]
    row_reason = reason[sort]
    row_start, row_end = starts[positions], ends[positions]
    class_order = np.argsort(_sort_key(row_person, REASON_CLASS[row_reason], row_start),
                             kind="stable")
    span = None
    if len(starts):
        latest = np.where(ends == OPEN, starts, np.maximum(ends, starts))
        span = int(starts.min()), int(latest.max())
    return AbsenceColumns(
        keys=tuple(s[0] for s in people),
        teams=teams,
        team_bounds=team_bounds,
        team_code=team_code,
        job_labels=job_labels,
        job_code=np.array([job_index[j] for j in jobs], dtype=np.int64),
        age_code=np.array(_each(lambda age: AGE_GROUPS.index(age_group(age)),
                                [s[3] for s in people]), dtype=np.int64),
        grade=np.array([s[4] for s in people], dtype=np.float64),
        employed_from=np.array([NO_START if s[5] is None else s[5] for s in people],
                               dtype=np.int64),
        employed_to=np.array([OPEN if s[6] is None else s[6] for s in people], dtype=np.int64),
        counts=counts,
        person_rows=np.searchsorted(row_person, np.arange(len(people) + 1), side="left"),
        row_person=row_person,
        row_reason=row_reason,
        row_start=row_start,
        row_end=row_end,
        class_order=class_order,
        span=span,
        _originals=_Originals(
            staff=tuple(staff),
            reasons=texts,
            row_reason_raw=raw[positions],
            row_pos=positions,
            orphans=orphans,
        ),
    )


def _each(rule: Callable[[Any], Any], values: Sequence[Any]) -> list[Any]:
    """``[rule(v) for v in values]``, with ``rule`` applied once per distinct value."""
    once = {value: rule(value) for value in set(values)}
    return list(map(once.__getitem__, values))


class _Codes(dict[str, int]):
    """Text → a running code, the first time a text is seen (distinct values numbered)."""

    def __missing__(self, text: str) -> int:
        code = self[text] = len(self)
        return code


class _Index(dict[str, int]):
    """Key → person; -1 for a key on no staff list."""

    def __missing__(self, key: str) -> int:
        return -1


def _sort_key(person: np.ndarray, code: np.ndarray, start: np.ndarray) -> np.ndarray:
    """person (< 2**20) | code (< 2**4) | start ordinal (< 2**22) packed into one int64."""
    return (person << 26) | (code << 22) | start  # type: ignore[no-any-return]


def _reason(text: str) -> int:
    index = _REASON_INDEX.get(text)
    return index if index is not None else _REASON_INDEX[normalise_reason(text)]


def columns_from_records(
    staff: Sequence[StaffMember], absences: Sequence[AbsenceRow]
) -> AbsenceColumns:
    """Columns from records (the domain's API and the tests speak records)."""
    ordinal = date.toordinal
    return build_columns(
        [
            (m.key, m.team, m.job_group, m.age, m.grade,
             None if m.employed_from is None else ordinal(m.employed_from),
             None if m.employed_to is None else ordinal(m.employed_to))
            for m in staff
        ],
        [row.key for row in absences],
        [row.reason for row in absences],
        np.array([ordinal(row.start) for row in absences], dtype=np.int64),
        np.array([OPEN if row.end is None else ordinal(row.end) for row in absences],
                 dtype=np.int64),
    )
