"""The action plan as plain data: what the PDF prints and the summary page shows.

Services build an :class:`ActionPlan` from the database; reports render it.
Neither side needs to know how the other works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.followup import FollowUpReport

ACTION_STATUSES = ("ikke startet", "i gang", "gennemført", "opgivet")


@dataclass(frozen=True)
class PlanParticipant:
    name: str
    role: str


@dataclass(frozen=True)
class ScoreSpread:
    """The individual scores of a scoring round for one theme (no names)."""

    scores: tuple[int, ...]
    passes: int = 0

    @property
    def median(self) -> float | None:
        ordered = sorted(self.scores)
        if not ordered:
            return None
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return float(ordered[middle])
        return (ordered[middle - 1] + ordered[middle]) / 2

    @property
    def spread(self) -> int | None:
        return max(self.scores) - min(self.scores) if self.scores else None


@dataclass(frozen=True)
class PlanCardNote:
    """What the group wrote beside a dialogue card; ``group`` names deck and theme
    for cards outside the palette (empty for a palette card, printed under its theme)."""

    card_text: str
    note: str
    group: str = ""


@dataclass(frozen=True)
class PlanTheme:
    key: str
    title: str
    colour: str
    symbol: str
    score: int | None
    resources: str = ""
    challenges: str = ""
    priority: int | None = None  # 1 = first priority; None = not prioritised
    spread: ScoreSpread | None = None
    card_notes: tuple[PlanCardNote, ...] = ()


@dataclass(frozen=True)
class DataReference:
    """Where an action's 'why' came from in the data view."""

    chart: str
    period: str
    filter: str
    figure: str
    observation: str

    def as_text(self, besides: str = "") -> str:
        """One line for the plan; the observation is left out when it already stands
        beside it as the action's problem (``besides``), so it is not printed twice."""
        parts = [f"{self.chart}, {self.period}"]
        if self.filter:
            parts.append(self.filter)
        parts.append(self.figure)
        text = " · ".join(parts)
        observation = self.observation.strip()
        if not observation or " ".join(observation.split()) == " ".join(besides.split()):
            return text
        return f"{text}. {observation}"


@dataclass(frozen=True)
class PlanAction:
    theme_title: str
    problem: str
    action: str
    owner: str
    deadline: date | None
    follow_up: date | None
    status: str
    success: str
    data_reference: DataReference | None = None
    carried_from: date | None = None  # the date of the plan it was carried over from


@dataclass(frozen=True)
class ActionPlan:
    unit_name: str
    screening_date: date
    forum: str
    purpose: str
    participants: tuple[PlanParticipant, ...]
    themes: tuple[PlanTheme, ...]
    actions: tuple[PlanAction, ...]
    next_follow_up: date | None
    anonymous_round: bool = False
    created: date | None = None
    extra: dict[str, str] = field(default_factory=dict)
    summary: str = ""  # the closing step's summary and agreements
    other_card_notes: tuple[PlanCardNote, ...] = ()  # notes on cards of the other decks
    follow_up: FollowUpReport | None = None  # set when this screening followed up an earlier one

    @property
    def prioritised(self) -> list[PlanTheme]:
        chosen = [theme for theme in self.themes if theme.priority is not None]
        return sorted(chosen, key=lambda theme: theme.priority or 0)


def plan_file_name(unit_name: str, screening_date: date) -> str:
    """The file name proposed when saving: 'Handlingsplan <enhed> <dd-mm-åååå>.pdf'."""
    safe = "".join("-" if ch in '/\\:*?"<>|' else ch for ch in unit_name).strip()
    return f"Handlingsplan {safe} {danish_date(screening_date)}.pdf"
