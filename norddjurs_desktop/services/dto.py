"""What services hand to the front ends: plain, immutable data, never ORM rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import datetime

from norddjurs_desktop.domain.plan import DataReference


@dataclass(frozen=True)
class ScreeningSummary:
    id: int
    unit_id: int
    date: dt.date
    forum: str
    status: str
    action_count: int
    updated_at: datetime


@dataclass(frozen=True)
class UnitOverview:
    id: int
    name: str
    screenings: tuple[ScreeningSummary, ...]


@dataclass(frozen=True)
class ParticipantData:
    id: int
    name: str
    role: str


@dataclass(frozen=True)
class AssessmentData:
    theme_key: str
    score: int | None
    resources: str
    challenges: str
    priority: int | None


@dataclass(frozen=True)
class ActionData:
    """One action; ``id`` is None for an action not yet stored."""

    id: int | None
    theme_key: str
    problem: str
    action: str
    owner: str
    deadline: dt.date | None
    follow_up: dt.date | None
    status: str
    success: str
    data_reference: DataReference | None = None
    position: int = 0


@dataclass(frozen=True)
class ScreeningData:
    id: int
    unit_id: int
    unit_name: str
    date: dt.date
    forum: str
    purpose: str
    status: str
    next_follow_up: dt.date | None
    summary: str
    participants: tuple[ParticipantData, ...]
    assessments: tuple[AssessmentData, ...]

    def assessment(self, theme_key: str) -> AssessmentData:
        for item in self.assessments:
            if item.theme_key == theme_key:
                return item
        raise KeyError(theme_key)
