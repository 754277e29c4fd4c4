"""The overview of every unit for HR and the HU: one row per unit, and the rules that read it.

Plain values and rules shared by the service that builds the rows, the CLI,
the window and the printed report, so "needs support", the trend arrow, the
overdue wording and the 5 % ambition read the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from norddjurs_desktop.domain.dates import format_number
from norddjurs_desktop.domain.followup import ScoreChange
from norddjurs_desktop.domain.palette import PALETTE_KEYS

#: The municipality's ambition for the absence rate (7,2 % in 2024).
ABSENCE_AMBITION_PCT = 5.0
#: A theme scored at or below this is where HR should offer support.
SUPPORT_AT_OR_BELOW = 2
NO_AREA_TEXT = "Uden område"


def needs_support(score: int | None) -> bool:
    """1 (stor udfordring) or 2 (udfordring); an unscored theme asks for nothing yet."""
    return score is not None and score <= SUPPORT_AT_OR_BELOW


def trend_arrow(previous: int | None, current: int | None) -> str:
    """↑, ↓ or = against the unit's previous screening; "" with nothing to compare."""
    return ScoreChange("", "", previous, current).arrow


def trend_words(previous: int | None, current: int | None) -> str:
    """The trend said in words ("bedre", "dårligere", "uændret", "ny score" …)."""
    return ScoreChange("", "", previous, current).words


def follow_up_words(day: date | None, today: date) -> str:
    """'overskredet med 12 dage', 'i dag', 'om 5 dage' or 'ingen dato sat'."""
    if day is None:
        return "ingen dato sat"
    left = (day - today).days
    if left < 0:
        return f"overskredet med {-left} {'dag' if left == -1 else 'dage'}"
    if left == 0:
        return "i dag"
    return f"om {left} {'dag' if left == 1 else 'dage'}"


def is_follow_up_overdue(day: date | None, today: date) -> bool:
    return day is not None and day < today


def above_ambition(pct: float | None) -> bool:
    return pct is not None and round(pct, 1) > ABSENCE_AMBITION_PCT


def absence_words(pct: float | None) -> str:
    """'6,1 % (over 5 %)', '4,2 % (under 5 %)', '5,0 % (på 5 %)' or 'ingen tal'."""
    if pct is None:
        return "ingen tal"
    ambition = format_number(ABSENCE_AMBITION_PCT, 0)
    shown = round(pct, 1)
    where = "over" if shown > ABSENCE_AMBITION_PCT else (
        "under" if shown < ABSENCE_AMBITION_PCT else "på")
    return f"{format_number(pct, 1)} % ({where} {ambition} %)"


def area_label(area: str) -> str:
    return area or NO_AREA_TEXT


def _no_scores() -> dict[str, int | None]:
    return dict.fromkeys(PALETTE_KEYS)


@dataclass(frozen=True)
class UnitOverviewRow:
    """One unit as HR sees it: the latest agreed palette, what is due and the absence rate.

    ``scores``/``previous_scores`` hold every palette key (None = not agreed);
    ``absence_pct`` is None without data or where the 5-person rule hides it.
    """

    unit_id: int
    unit: str
    area: str
    latest_screening_id: int | None = None
    latest_screening: date | None = None
    scores: dict[str, int | None] = field(default_factory=_no_scores)
    previous_screening: date | None = None
    previous_scores: dict[str, int | None] = field(default_factory=_no_scores)
    next_follow_up: date | None = None
    open_actions: int = 0
    overdue_actions: int = 0
    absence_pct: float | None = None

    def trend(self, key: str) -> str:
        return trend_arrow(self.previous_scores.get(key), self.scores.get(key))

    def follow_up_overdue(self, today: date) -> bool:
        return is_follow_up_overdue(self.next_follow_up, today)

    def as_json(self) -> dict[str, object]:
        """The shape `overview --json` prints: dates ISO, scores keyed by theme."""
        return {
            "unit": self.unit,
            "area": self.area,
            "latest_screening": iso(self.latest_screening),
            "scores": dict(self.scores),
            "previous_scores": dict(self.previous_scores),
            "next_follow_up": iso(self.next_follow_up),
            "open_actions": self.open_actions,
            "overdue_actions": self.overdue_actions,
            "absence_pct": None if self.absence_pct is None else round(self.absence_pct, 2),
        }


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def support_counts(rows: Iterable[UnitOverviewRow]) -> dict[str, int]:
    """Per theme, how many units scored it 1–2 at their latest screening."""
    counts = dict.fromkeys(PALETTE_KEYS, 0)
    for row in rows:
        for key in PALETTE_KEYS:
            if needs_support(row.scores.get(key)):
                counts[key] += 1
    return counts


def by_area(rows: Iterable[UnitOverviewRow], sort_key: Callable[[str], str]
            ) -> list[tuple[str, list[UnitOverviewRow]]]:
    """The rows grouped by area (areas in order, units without an area last)."""
    groups: dict[str, list[UnitOverviewRow]] = {}
    for row in rows:
        groups.setdefault(row.area, []).append(row)
    ordered = sorted(groups, key=lambda area: (area == "", sort_key(area)))
    return [(area, sorted(groups[area], key=lambda r: sort_key(r.unit))) for area in ordered]
