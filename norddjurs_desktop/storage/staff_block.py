"""An import's staff list as one block of bytes, beside its block of absence rows.

5,000–20,000 persons as SQL rows cost a fifth of storing an import and, once
the absence rows came as a block, half of reading one back (a tuple and seven
values per person, dates as text). As one value they cost almost nothing.

The layout is :func:`~norddjurs_desktop.storage.absence_block.pack_columns`'s
(magic ``b"FPSB"``, version 1; the same checks before anything is made) with
the text tables ``keys``, ``teams`` and ``job_groups`` in the header and, in the
order of the file::

    float64[n] grade           employment fraction
    int32[n]   key code        index into "keys"
    int32[n]   team code       index into "teams" (the file's spelling)
    int32[n]   job code        index into "job_groups" (the file's spelling)
    int32[n]   age             years, or NO_AGE when unknown
    int32[n]   employed from   date ordinal, or NO_DATE (0) when unknown
    int32[n]   employed to     date ordinal, or NO_DATE (0) when unknown
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from norddjurs_desktop.storage.absence_block import (
    INT32,
    LAST_ORDINAL,
    DateOrdinals,
    TextCodes,
    codes_fit,
    damaged_error,
    pack_columns,
    unpack_columns,
    within,
)

__all__ = ["NO_AGE", "NO_DATE", "StaffColumns", "decode_staff", "encode_staff", "staff_tuples"]

NO_AGE = -(2**31)  # no age can be this
NO_DATE = 0  # no date has ordinal 0
_MAGIC = b"FPSB"
_FLOAT = np.dtype("<f8")
_TEXTS = ("keys", "teams", "job_groups")


@dataclass(frozen=True, eq=False)
class StaffColumns:
    """The staff list of one import as codes, numbers and ordinals, in the order of the file."""

    keys: tuple[str, ...]
    teams: tuple[str, ...]
    job_groups: tuple[str, ...]
    grade: np.ndarray
    key_code: np.ndarray
    team_code: np.ndarray
    job_code: np.ndarray
    age: np.ndarray
    employed_from: np.ndarray
    employed_to: np.ndarray

    @property
    def rows(self) -> int:
        return len(self.key_code)


def _coded(texts: Sequence[str]) -> tuple[tuple[str, ...], np.ndarray]:
    table = TextCodes()
    codes = np.fromiter(map(table.__getitem__, texts), dtype=INT32, count=len(texts))
    return tuple(table), codes


def encode_staff(
    keys: Sequence[str],
    teams: Sequence[str],
    job_groups: Sequence[str],
    ages: Sequence[int | None],
    grades: Sequence[float],
    employed_from: Sequence[date | str | None],
    employed_to: Sequence[date | str | None],
) -> bytes:
    """The block of seven equally long columns (dates as dates or ISO text; None: unknown)."""
    n = len(keys)
    if any(len(column) != n for column in (teams, job_groups, ages, grades, employed_from,
                                           employed_to)):
        raise ValueError("the columns of a staff block must be equally long")
    key_table, key_code = _coded(keys)
    team_table, team_code = _coded(teams)
    job_table, job_code = _coded(job_groups)
    days = DateOrdinals()  # None → 0 = NO_DATE
    age = np.fromiter((NO_AGE if a is None else a for a in ages), dtype=INT32, count=n)
    return pack_columns(
        _MAGIC, n, {"keys": key_table, "teams": team_table, "job_groups": job_table},
        [
            (np.asarray(grades, dtype=_FLOAT), _FLOAT), (key_code, INT32), (team_code, INT32),
            (job_code, INT32), (age, INT32),
            (np.fromiter(map(days.__getitem__, employed_from), dtype=INT32, count=n), INT32),
            (np.fromiter(map(days.__getitem__, employed_to), dtype=INT32, count=n), INT32),
        ],
    )


def decode_staff(
    data: bytes | bytearray | memoryview | None,
    *,
    import_id: int | None = None,
    version: int | None = None,
    rows: int | None = None,
) -> StaffColumns:
    """The staff block in ``data``; :class:`DamagedBlockError` (Danish) for anything not whole."""
    damaged = damaged_error("Medarbejderlisten", import_id)
    texts, columns = unpack_columns(data, _MAGIC, _TEXTS, (_FLOAT,) + (INT32,) * 6, damaged,
                                    version, rows)
    grade, key_code, team_code, job_code, age, employed_from, employed_to = columns
    if not all(codes_fit(codes, texts[name])
               for codes, name in zip((key_code, team_code, job_code), _TEXTS, strict=True)):
        raise damaged("ugyldige koder")
    if not (within(employed_from, NO_DATE, LAST_ORDINAL)
            and within(employed_to, NO_DATE, LAST_ORDINAL)):
        raise damaged("ugyldige datoer")
    if not np.isfinite(grade).all():
        raise damaged("ugyldig beskæftigelsesgrad")
    return StaffColumns(texts["keys"], texts["teams"], texts["job_groups"], grade, key_code,
                        team_code, job_code, age, employed_from, employed_to)


def staff_tuples(staff: StaffColumns) -> list[tuple[Any, ...]]:
    """(key, team, job group, age, grade, employed from, employed to) per person, as stored:
    None where unknown, dates as ordinals."""
    keys, teams, jobs = staff.keys, staff.teams, staff.job_groups

    def ordinals(values: np.ndarray) -> list[int | None]:
        return [None if v == NO_DATE else v for v in values.tolist()]

    return list(zip(
        [keys[i] for i in staff.key_code.tolist()],
        [teams[i] for i in staff.team_code.tolist()],
        [jobs[i] for i in staff.job_code.tolist()],
        [None if a == NO_AGE else a for a in staff.age.tolist()],
        staff.grade.tolist(),
        ordinals(staff.employed_from),
        ordinals(staff.employed_to),
        strict=True,
    ))
