"""Absence figures for the data view, computed exactly as the specification fixes them.

Everything is measured in working days (see :mod:`.workdays`) weighted by each
person's grade, so that the percentage means the same as the municipality's
data portal. The work is interval arithmetic on date ordinals, done on
columns (:mod:`.absence_columns`, :mod:`.absence_kernels`): per person the rows
of one reason are merged (overlaps count once) and the working days they cover
are read off a prefix array, for all persons at once in numpy. A whole
municipality (5,000 persons, 150,000 rows) takes tens of milliseconds; one
team touches only its own slice of the rows.

Privacy: absence is health data. Breakdowns hide groups of fewer than
:data:`MIN_GROUP_SIZE` persons (plus more groups where needed, see
:mod:`.absence_privacy`); :meth:`AbsenceStats.refusal` says which groups
may therefore not be chosen as a filter. Headline figures are not hidden here, because
the caller knows whether they describe a whole unit or a single small team —
:attr:`AbsenceStats.persons` and :attr:`AbsenceStats.too_few_persons` are there
for that decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .absence_columns import (
    AWAY,
    OPEN,
    REASON_CLASS,
    SICK,
    AbsenceColumns,
    columns_from_records,
)
from .absence_kernels import (
    Calendar,
    Selection,
    calendar_for,
    month_starts,
    select,
    spells,
    split_months,
    union_days,
)
from .absence_privacy import MIN_GROUP_SIZE, HiddenGroups, hide_all, hide_groups, refusal_text
from .absence_records import (
    AGE_GROUPS,
    NO_TEAM,
    REASONS,
    UNKNOWN,
    AbsenceRow,
    StaffMember,
)
from .dates import danish_date

__all__ = [
    "BRADFORD_BANDS",
    "DURATION_BANDS",
    "AGE_GROUP",
    "JOB_GROUP",
    "MIN_GROUP_SIZE",
    "TEAM",
    "WEEKDAYS",
    "AbsenceStats",
    "column_stats",
    "compute_stats",
    "suppress_small_groups",
]

TEAM, JOB_GROUP, AGE_GROUP = "team", "job_group", "age_group"
DURATION_BANDS: tuple[str, ...] = ("1-3", "4-14", "15-29", "30+")
WEEKDAYS: tuple[str, ...] = (
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
)
BRADFORD_BANDS: tuple[str, ...] = ("0", "1-49", "50-99", "100-299", "300-499", "500+")



@dataclass(frozen=True)
class AbsenceStats:
    """Every figure of the data view for one period (and optionally one team).

    Numbers are unrounded; formatting is the caller's job. Group dicts map a
    group label to its absence % or None (hidden: too few persons, or no
    possible days). ``sick_days_by_month`` (1–12) sums every year of the period.
    """

    period_from: date
    period_to: date
    team: str | None
    persons: int
    fte: float
    possible_days: float
    sick_days: float
    absence_pct: float | None
    days_per_fte: float | None
    days_by_type: dict[str, float]
    sick_spells: int
    duration_bands: dict[str, int]
    weekday_starts: dict[str, int]
    sick_days_by_month: dict[int, float]
    by_team: dict[str, float | None]
    by_job_group: dict[str, float | None]
    by_age_group: dict[str, float | None]
    bradford_bands: dict[str, int]
    #: breakdown (:data:`TEAM`, :data:`JOB_GROUP`, :data:`AGE_GROUP`) → hidden label → reason.
    hidden_groups: dict[str, HiddenGroups] = field(default_factory=dict, compare=False)

    def refusal(self, breakdown: str, label: str) -> str | None:
        """Why ``label`` may not be chosen as a filter in this period (None: it may).

        Call on the WHOLE unit's figures: a filter is allowed exactly when the
        unit's breakdown shows the group (see :mod:`.absence_privacy`).
        """
        reason = self.hidden_groups.get(breakdown, {}).get(label)
        if reason is None:
            return None
        what = {TEAM: "Teamet", JOB_GROUP: "Faggruppen", AGE_GROUP: "Aldersgruppen"}[breakdown]
        period = f"{danish_date(self.period_from)} – {danish_date(self.period_to)}"
        return refusal_text(what, label, reason, period)

    @property
    def too_few_persons(self) -> bool:
        """True when the headline figures describe fewer than five persons.

        The data view must then show no figures for this selection (a single
        small team); for a whole unit the caller may decide otherwise.
        """
        return self.persons < MIN_GROUP_SIZE

    def to_json_dict(self) -> dict[str, object]:
        """The figures under the fixed JSON keys used by the CLI and the tests."""
        return {
            "period": {"from": self.period_from.isoformat(), "to": self.period_to.isoformat()},
            "persons": self.persons,
            "fte": self.fte,
            "possible_days": self.possible_days,
            "sick_days": self.sick_days,
            "absence_pct": self.absence_pct,
            "days_per_fte": self.days_per_fte,
            "days_by_type": dict(self.days_by_type),
            "sick_spells": self.sick_spells,
            "duration_bands": dict(self.duration_bands),
            "weekday_starts": dict(self.weekday_starts),
            "by_team": dict(self.by_team),
            "by_job_group": dict(self.by_job_group),
            "by_age_group": dict(self.by_age_group),
            "bradford_bands": dict(self.bradford_bands),
        }


def suppress_small_groups(
    groups: Mapping[str, tuple[int, float | None]],
) -> dict[str, float | None]:
    """Hide the groups :func:`.absence_privacy.hide_groups` hides; keep the rest's values.

    ``groups`` maps label → (persons, value). Groups whose value is already
    None (no possible days) do not help to protect another, so they are never
    the extra group hidden.
    """
    hidden = _hidden(groups)
    return {label: None if label in hidden else value for label, (_, value) in groups.items()}


def _hidden(groups: Mapping[str, tuple[int, float | None]]) -> HiddenGroups:
    sizes = {label: persons for label, (persons, _) in groups.items()}
    empty = [label for label, (_, value) in groups.items() if value is None]
    return hide_groups(sizes, empty)


def _group_pct(
    acc: dict[str, list[float]], order: Sequence[str] | None
) -> tuple[dict[str, float | None], HiddenGroups]:
    """The breakdown's shown values (None: hidden) and which groups are hidden, and why."""
    labels = list(order) if order is not None else sorted(acc, key=lambda t: (t in _LAST, t))
    groups = {
        label: (int(acc[label][0]), _pct(acc[label][1], acc[label][2]))
        for label in labels
        if label in acc
    }
    return suppress_small_groups(groups), _hidden(groups)


def _all_hidden(values: Mapping[str, float | None]) -> tuple[dict[str, float | None], HiddenGroups]:
    return dict.fromkeys(values), hide_all({label: MIN_GROUP_SIZE for label in values})


_LAST = frozenset({NO_TEAM, UNKNOWN})


def _pct(sick: float, possible: float) -> float | None:
    return 100.0 * sick / possible if possible > 0 else None


def compute_stats(
    staff: Iterable[StaffMember],
    absences: Iterable[AbsenceRow],
    period_from: date,
    period_to: date,
    team: str | None = None,
    data_end: date | None = None,
) -> AbsenceStats:
    """All figures of the data view for ``period_from``..``period_to`` (inclusive).

    ``team`` restricts every figure to persons of that team ("Uden team"
    selects those without one). ``data_end`` is the last day the export
    covers: rows with empty Til count as absent up to the period end, or up
    to ``data_end`` if that comes first, so a period reaching past the export
    does not invent absence. Reasons are normalised if the caller has not
    done so; an absence row whose key is not a counted person is ignored.
    """
    if period_to < period_from:
        raise ValueError("Perioden slutter før den begynder.")
    columns = columns_from_records(
        staff if isinstance(staff, Sequence) else list(staff),
        absences if isinstance(absences, Sequence) else list(absences),
    )
    return column_stats(columns, period_from, period_to, team, data_end)


def column_stats(
    cols: AbsenceColumns,
    period_from: date,
    period_to: date,
    team: str | None = None,
    data_end: date | None = None,
) -> AbsenceStats:
    """:func:`compute_stats` on columns: one team touches only its own slice of rows."""
    if period_to < period_from:
        raise ValueError("Perioden slutter før den begynder.")
    p0, p1 = period_from.toordinal(), period_to.toordinal()
    cal = calendar_for(cols, p0, p1)
    sel = select(cols, cal, p0, p1, team)
    n = sel.persons.stop - sel.persons.start
    grade = cols.grade[sel.persons]
    period_days = int(cal.days(np.array([p0]), np.array([p1]))[0])
    open_day_end = p1 if data_end is None else min(p1, data_end.toordinal())

    # Rows of counted persons, clipped to each person's window E (by person, reason, start).
    rows = sel.rows
    person = cols.row_person[rows] - sel.persons.start
    reason = cols.row_reason[rows]
    starts = np.maximum(cols.row_start[rows], sel.first[person])
    ends = np.minimum(
        np.where(cols.row_end[rows] == OPEN, open_day_end, cols.row_end[rows]), sel.last[person]
    )
    keep = sel.counted[person] & (starts <= ends)
    _, days = union_days(person[keep] * len(REASONS) + reason[keep], starts[keep], ends[keep], cal)
    weights = grade[person[keep]]
    by_reason = np.bincount(reason[keep], weights=weights * days, minlength=len(REASONS))

    # The same rows by (person, class, start): the union of the sick and of the away reasons.
    order = cols.class_order[rows] - rows.start
    order = order[keep[order]]
    c_person, c_class = person[order], REASON_CLASS[reason[order]]
    c_first, c_days = union_days(c_person * 3 + c_class, starts[order], ends[order], cal)
    is_sick = c_class == SICK
    sick = np.bincount(c_person, weights=c_days * is_sick, minlength=n)
    away = np.bincount(c_person, weights=c_days * (c_class == AWAY), minlength=n)
    possible = sel.employed - away
    month_start = month_starts(p0, p1)
    per_month = split_months(c_first[is_sick], ends[order][is_sick],
                             grade[c_person[is_sick]], month_start, cal)
    by_month = dict.fromkeys(range(1, 13), 0.0)
    for first, days_in_month in zip(month_start[:-1].tolist(), per_month.tolist(), strict=True):
        by_month[date.fromordinal(first).month] += days_in_month

    counted = sel.counted
    g_sick, g_possible = grade * sick * counted, grade * possible * counted
    weighted_employed = float((grade * sel.employed * counted).sum())
    sick_total, possible_total = float(g_sick.sum()), float(g_possible.sum())
    groups = tuple(
        _accumulate(codes[sel.persons], labels, counted, g_sick, g_possible)
        for codes, labels in (
            (cols.team_code, cols.teams), (cols.job_code, cols.job_labels),
            (cols.age_code, AGE_GROUPS),
        )
    )
    duration, weekday, bradford, spell_count = _spell_figures(cols, sel, cal, p0, p1,
                                                              open_day_end)
    fte = weighted_employed / period_days if period_days else 0.0
    calendar_days = p1 - p0 + 1
    by_team = _group_pct(groups[0], None)
    by_job_group = _group_pct(groups[1], None)
    by_age_group = _group_pct(groups[2], AGE_GROUPS)
    if team is not None:  # inside one team only the team's own figures: no cross-tables
        by_job_group = _all_hidden(by_job_group[0])
        by_age_group = _all_hidden(by_age_group[0])
    return AbsenceStats(
        period_from=period_from,
        period_to=period_to,
        team=team,
        persons=int(counted.sum()),
        fte=fte,
        possible_days=possible_total,
        sick_days=sick_total,
        absence_pct=_pct(sick_total, possible_total),
        days_per_fte=sick_total / fte * 365 / calendar_days if fte > 0 else None,
        days_by_type=dict(zip(REASONS, by_reason.tolist(), strict=True)),
        sick_spells=spell_count,
        duration_bands=duration,
        weekday_starts=weekday,
        sick_days_by_month=by_month,
        by_team=by_team[0],
        by_job_group=by_job_group[0],
        by_age_group=by_age_group[0],
        bradford_bands=bradford,
        hidden_groups={
            TEAM: by_team[1], JOB_GROUP: by_job_group[1], AGE_GROUP: by_age_group[1]
        },
    )


def _accumulate(
    codes: np.ndarray,
    labels: Sequence[str],
    counted: np.ndarray,
    g_sick: np.ndarray,
    g_possible: np.ndarray,
) -> dict[str, list[float]]:
    """Label → [persons, weighted sick days, weighted possible days] of the counted persons."""
    size = len(labels)
    persons = np.bincount(codes, weights=counted, minlength=size).tolist()
    sick = np.bincount(codes, weights=g_sick, minlength=size).tolist()
    possible = np.bincount(codes, weights=g_possible, minlength=size).tolist()
    return {  # plain floats: the figures go to JSON, to the cards and into reprs
        labels[i]: [persons[i], sick[i], possible[i]] for i in range(size) if persons[i]
    }


_BAND_LIMITS = np.array([3, 14, 29])
_BRADFORD_LIMITS = np.array([0, 49, 99, 299, 499])


def _spell_figures(
    cols: AbsenceColumns, sel: Selection, cal: Calendar, p0: int, p1: int, end_cap: int
) -> tuple[dict[str, int], dict[str, int], dict[str, int], int]:
    """Duration bands, first-day weekdays, Bradford bands and the count of spells ending in P."""
    person, first, last, is_open = spells(cols, sel, cal)
    end = np.where(is_open, end_cap, last)
    inside = (p0 <= end) & (end <= p1) & (end >= first)
    person, first, end = person[inside], first[inside], end[inside]
    length = end - first + 1
    bands = np.bincount(np.searchsorted(_BAND_LIMITS, length), minlength=len(DURATION_BANDS))
    days = np.bincount((first - 1) % 7, minlength=7)  # ordinal 1 (1-1-1) is a Monday
    n = sel.persons.stop - sel.persons.start
    per_person = np.bincount(person, minlength=n)
    total = np.bincount(person, weights=length, minlength=n).astype(np.int64)
    factor = (per_person * per_person * total)[sel.counted]
    bradford = np.bincount(np.searchsorted(_BRADFORD_LIMITS, factor),
                           minlength=len(BRADFORD_BANDS))
    return (
        dict(zip(DURATION_BANDS, bands.tolist(), strict=True)),
        dict(zip(WEEKDAYS, days.tolist(), strict=True)),
        dict(zip(BRADFORD_BANDS, bradford.tolist(), strict=True)),
        len(person),
    )
