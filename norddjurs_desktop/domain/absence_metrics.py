"""Absence figures for the data view, computed exactly as the specification fixes them.

Everything is measured in working days (see :mod:`.workdays`) weighted by each
person's grade, so that the percentage means the same as the municipality's
data portal. The work is interval arithmetic on date ordinals: per person the
rows of one reason are merged (overlaps count once) and the working days they
cover are read off a prefix array, so no loop runs over days of the whole
population. A whole municipality (5,000 persons, 150,000 rows) takes a few
tenths of a second.

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

from .absence_intervals import (
    SICK_INDEXES,
    UNAVAILABLE_INDEXES,
    Interval,
    covered,
    merge_intervals,
    merge_spells,
    month_table,
    scan,
    split_by_month,
)
from .absence_privacy import MIN_GROUP_SIZE, HiddenGroups, hide_all, hide_groups, refusal_text
from .absence_records import (
    AGE_GROUPS,
    NO_TEAM,
    REASONS,
    UNKNOWN,
    AbsenceRow,
    StaffMember,
    age_group,
    job_group_label,
    team_label,
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


def _duration_band(length: int) -> str:
    if length <= 3:
        return "1-3"
    if length <= 14:
        return "4-14"
    if length <= 29:
        return "15-29"
    return "30+"


def _bradford_band(factor: int) -> str:
    if factor == 0:
        return "0"
    if factor < 50:
        return "1-49"
    if factor < 100:
        return "50-99"
    if factor < 300:
        return "100-299"
    if factor < 500:
        return "300-499"
    return "500+"


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
    absences = absences if isinstance(absences, Sequence) else list(absences)
    people, counter = scan(staff, absences, period_from, period_to, team, data_end)
    prefix, offset = counter.prefix, counter.first_ordinal
    p0, p1 = period_from.toordinal(), period_to.toordinal()
    period_days = counter.count(p0, p1)
    table = month_table(p0, p1)
    spell_end_cap = p1 if data_end is None else min(p1, data_end.toordinal())

    by_reason = [0.0] * len(REASONS)
    by_month_key: dict[int, float] = {}
    duration = dict.fromkeys(DURATION_BANDS, 0)
    weekday = dict.fromkeys(WEEKDAYS, 0)
    bradford = dict.fromkeys(BRADFORD_BANDS, 0)
    groups: tuple[dict[str, list[float]], ...] = ({}, {}, {})
    weighted_employed = possible_total = sick_total = 0.0
    spell_count = 0

    for person in people:
        member = person.member
        g = member.grade
        sick_iv: list[Interval] = []
        away_iv: list[Interval] = []
        for idx, rows in enumerate(person.rows):
            if not rows:
                continue
            merged = merge_intervals(rows)
            by_reason[idx] += g * covered(merged, prefix, offset)
            if idx in SICK_INDEXES:
                sick_iv.extend(merged)
            elif idx in UNAVAILABLE_INDEXES:
                away_iv.extend(merged)
        sick_iv = merge_intervals(sick_iv)
        sick = covered(sick_iv, prefix, offset)
        possible = person.employed_days - covered(merge_intervals(away_iv), prefix, offset)
        split_by_month(sick_iv, g, counter, table, p0, by_month_key)
        weighted_employed += g * person.employed_days
        sick_total += g * sick
        possible_total += g * possible
        labels = (team_label(member.team), job_group_label(member.job_group), age_group(member.age))
        for acc, label in zip(groups, labels, strict=True):
            slot = acc.setdefault(label, [0, 0.0, 0.0])
            slot[0] += 1
            slot[1] += g * sick
            slot[2] += g * possible

        n_spells = total_length = 0
        if person.sick_rows:
            for s, e, is_open in merge_spells(person.sick_rows, counter):
                end = spell_end_cap if is_open else e
                if not (p0 <= end <= p1) or end < s:
                    continue
                length = end - s + 1
                n_spells += 1
                total_length += length
                duration[_duration_band(length)] += 1
                weekday[WEEKDAYS[(s - 1) % 7]] += 1  # ordinal 1 (1-1-1) is a Monday
        spell_count += n_spells
        bradford[_bradford_band(n_spells * n_spells * total_length)] += 1

    by_month = dict.fromkeys(range(1, 13), 0.0)
    for key, days in by_month_key.items():
        by_month[key % 12 + 1] += days
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
        persons=len(people),
        fte=fte,
        possible_days=possible_total,
        sick_days=sick_total,
        absence_pct=_pct(sick_total, possible_total),
        days_per_fte=sick_total / fte * 365 / calendar_days if fte > 0 else None,
        days_by_type=dict(zip(REASONS, by_reason, strict=True)),
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
