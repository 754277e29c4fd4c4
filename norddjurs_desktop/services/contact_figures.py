""""Kontaktmodellen i tal" for a unit: the milestone counts of the chosen model.

Reads the unit's newest import through :mod:`.absence_stats` (and its cache),
so the counts describe exactly the spells the other figures describe.
"""

from __future__ import annotations

from datetime import date, timedelta

from norddjurs_desktop.domain.contact_milestones import (
    DEFAULT_MILESTONES,
    ContactMilestones,
    Milestone,
)
from norddjurs_desktop.domain.milestone_columns import column_milestones
from norddjurs_desktop.services.absence_stats import load_dataset
from norddjurs_desktop.services.contact import chosen_model
from norddjurs_desktop.storage.database import Database

__all__ = ["chosen_milestones", "unit_milestones"]


def chosen_milestones(db: Database) -> tuple[Milestone, ...]:
    """The steps of the file's chosen model to count (1-3-10: day 3, 10, 28, 2 and 3 months)."""
    return chosen_model(db).milestones() or DEFAULT_MILESTONES


def unit_milestones(
    db: Database,
    unit_id: int,
    *,
    period_from: date | None = None,
    period_to: date | None = None,
    team: str | None = None,
) -> ContactMilestones | None:
    """The counts for the unit's newest import (None without data); the period defaults
    to the rolling year, as for :func:`.absence_stats.unit_stats`. The caller must
    check :attr:`ContactMilestones.too_few_persons` before showing them."""
    dataset = load_dataset(db, unit_id)
    if dataset is None:
        return None
    end = period_to or dataset.info.period_to
    start = period_from or dataset.info.period_to - timedelta(days=364)
    return column_milestones(
        dataset.columns, start, end, chosen_milestones(db), team=team,
        data_end=dataset.info.period_to,
    )
