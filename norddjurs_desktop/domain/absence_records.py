"""The records an absence export is made of, and the words used to group them.

Only pseudonymous keys and the few attributes the figures need are kept: the
importer drops every other column (names, CPR numbers) before it builds these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

__all__ = [
    "AGE_GROUPS",
    "ARBEJDSSKADE",
    "BARNS_SYGDOM",
    "BARSEL",
    "EGEN_SYGDOM",
    "FERIE",
    "FERIEFRIDAG",
    "NO_TEAM",
    "OMSORGSDAG",
    "PARAGRAF_56",
    "REASONS",
    "SENIORDAG",
    "SICK_REASONS",
    "UNKNOWN",
    "UNAVAILABLE_REASONS",
    "ANDET",
    "AbsenceRow",
    "StaffMember",
    "age_group",
    "data_range",
    "default_period",
    "job_group_label",
    "normalise_reason",
    "team_label",
]

EGEN_SYGDOM = "Egen sygdom"
PARAGRAF_56 = "§56"
ARBEJDSSKADE = "Arbejdsskade"
BARNS_SYGDOM = "Barns sygdom"
OMSORGSDAG = "Omsorgsdag"
SENIORDAG = "Seniordag"
BARSEL = "Barsel"
FERIE = "Ferie"
FERIEFRIDAG = "Feriefridag"
ANDET = "Andet"

#: Every reason the figures know, in the order the data view lists them.
REASONS: tuple[str, ...] = (
    EGEN_SYGDOM,
    PARAGRAF_56,
    ARBEJDSSKADE,
    BARNS_SYGDOM,
    OMSORGSDAG,
    SENIORDAG,
    BARSEL,
    FERIE,
    FERIEFRIDAG,
    ANDET,
)

#: Days covered by these count as sick days (the numerator of the absence %).
SICK_REASONS: frozenset[str] = frozenset({EGEN_SYGDOM, PARAGRAF_56, ARBEJDSSKADE})

#: Days covered by these are not "possible" working days (the denominator drops them).
UNAVAILABLE_REASONS: frozenset[str] = frozenset({FERIE, FERIEFRIDAG, OMSORGSDAG})

NO_TEAM = "Uden team"
UNKNOWN = "Ukendt"
AGE_GROUPS: tuple[str, ...] = ("under 30", "30-39", "40-49", "50-59", "60+", UNKNOWN)

_ALIASES: dict[str, str] = {name.casefold(): name for name in REASONS}
_ALIASES["sygdom"] = EGEN_SYGDOM
_ALIASES["§ 56"] = PARAGRAF_56
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1024)
def normalise_reason(text: str | None) -> str:
    """Map an export's reason text to one of :data:`REASONS`.

    HR systems spell the same reason differently ("Sygdom", "EGEN SYGDOM",
    "§ 56"); grouping must not depend on that. Unknown reasons become
    "Andet" rather than an error, so a new code in the export never blocks a
    meeting — it simply shows up in the "Andet" row.
    """
    if text is None:
        return ANDET
    key = _SPACES.sub(" ", text.strip()).casefold()
    return _ALIASES.get(key, ANDET)


@dataclass(frozen=True, slots=True)
class StaffMember:
    """One person of the staff list, known only by a pseudonymous key.

    ``grade`` is the employment fraction in (0, 1]; it weights every day so a
    half-time employee's sick day counts half. ``employed_from`` / ``employed_to``
    of None mean "employed through the whole period".
    """

    key: str
    team: str = ""
    job_group: str = ""
    age: int | None = None
    grade: float = 1.0
    employed_from: date | None = None
    employed_to: date | None = None


@dataclass(frozen=True, slots=True)
class AbsenceRow:
    """One absence row of the export: a person, a reason and an inclusive date range.

    ``end`` None means the person is still absent; the figures count such a
    row to the end of the period (or the data's end, see ``compute_stats``).
    ``reason`` should already be normalised (see :func:`normalise_reason`).
    """

    key: str
    reason: str
    start: date
    end: date | None = None


def team_label(team: str) -> str:
    return team.strip() or NO_TEAM


def job_group_label(job_group: str) -> str:
    return job_group.strip() or UNKNOWN


def age_group(age: int | None) -> str:
    """Ten-year bands, open at both ends so no band singles out the youngest or oldest."""
    if age is None:
        return UNKNOWN
    if age < 30:
        return "under 30"
    if age >= 60:
        return "60+"
    low = age // 10 * 10
    return f"{low}-{low + 9}"


def data_range(absences: Iterable[AbsenceRow]) -> tuple[date, date] | None:
    """(earliest start, latest start or end) over the rows, or None when there are none."""
    first: date | None = None
    last: date | None = None
    for row in absences:
        if first is None or row.start < first:
            first = row.start
        latest = row.start if row.end is None or row.end < row.start else row.end
        if last is None or latest > last:
            last = latest
    if first is None or last is None:
        return None
    return first, last


def default_period(absences: Iterable[AbsenceRow]) -> tuple[date, date] | None:
    """The "rullende år": the 365 days ending on the latest date in the data.

    The latest date (a start or an end) is the best guess at when the export
    was taken, so the figures describe the most recent full year. None when
    there are no rows.
    """
    span = data_range(absences)
    if span is None:
        return None
    last = span[1]
    return last - timedelta(days=364), last
