"""How many sick spells reached each step of the contact model ("Kontaktmodellen i tal").

A spell is what the data view calls a spell (see :func:`.absence_intervals.merge_spells`):
Egen sygdom rows of one person joined when they overlap, touch, or have only
non-working days between them (sick Friday and again Monday is one spell).
As for the duration bands, a spell counts in the period it ends in; an open
spell ends at the period end or the export's last day, whichever is first.

A spell reached day N when it lasted at least N calendar days; it reached
k months when its last day is on or after the first sick day + k months
(the rule of :func:`.contact_model.add_months`). Each such step is a contact
or an alert the model asked the leader for, so the counts show how often the
model was in play.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .absence_intervals import merge_spells, scan
from .absence_metrics import MIN_GROUP_SIZE
from .absence_records import AbsenceRow, StaffMember
from .contact_model import add_months

__all__ = ["DEFAULT_MILESTONES", "ContactMilestones", "Milestone", "count_milestones"]

#: (label, days, months): exactly one of days and months is set.
Milestone = tuple[str, int | None, int | None]

#: The steps of Norddjurs' 1-3-10 model and OPUS alerts, under the CLI's JSON keys.
DEFAULT_MILESTONES: tuple[Milestone, ...] = (
    ("dag 3", 3, None),
    ("dag 10", 10, None),
    ("dag 28", 28, None),
    ("2 måneder", None, 2),
    ("3 måneder", None, 3),
)


@dataclass(frozen=True)
class ContactMilestones:
    """Counts for one period and filter; ``reached`` keeps the milestones' order."""

    period_from: date
    period_to: date
    team: str | None
    persons: int
    spells: int
    reached: dict[str, int]

    @property
    def too_few_persons(self) -> bool:
        """The same rule as every other figure: nothing is shown for fewer than five persons."""
        return self.persons < MIN_GROUP_SIZE

    def share(self, label: str) -> float | None:
        """The milestone's count as a percentage of the spells ending in the period."""
        return 100.0 * self.reached[label] / self.spells if self.spells else None


def count_milestones(
    staff: Iterable[StaffMember],
    absences: Iterable[AbsenceRow],
    period_from: date,
    period_to: date,
    milestones: Sequence[Milestone] = DEFAULT_MILESTONES,
    team: str | None = None,
    data_end: date | None = None,
) -> ContactMilestones:
    """Count the spells ending in the period that reached each milestone."""
    if period_to < period_from:
        raise ValueError("Perioden slutter før den begynder.")
    absences = absences if isinstance(absences, Sequence) else list(absences)
    people, counter = scan(staff, absences, period_from, period_to, team, data_end)
    p0, p1 = period_from.toordinal(), period_to.toordinal()
    end_cap = p1 if data_end is None else min(p1, data_end.toordinal())
    reached = dict.fromkeys((label for label, _d, _m in milestones), 0)
    spells = 0
    for person in people:
        if not person.sick_rows:
            continue
        for s, e, is_open in merge_spells(person.sick_rows, counter):
            end = end_cap if is_open else e
            if not (p0 <= end <= p1) or end < s:
                continue
            spells += 1
            length = end - s + 1
            first = date.fromordinal(s) if length > 28 else None
            for label, days, months in milestones:
                if days is not None:
                    hit = length >= days
                else:  # a month is at least 28 days: shorter spells need no calendar
                    assert months is not None
                    hit = first is not None and end >= add_months(first, months).toordinal()
                if hit:
                    reached[label] += 1
    return ContactMilestones(period_from, period_to, team, len(people), spells, reached)
