"""What the data view shows for one choice of period and team: a use case, so no Qt.

The GUI runs :func:`compute_figures` on a pool thread and gets plain data back;
the same figures can be produced without a window. The trends do
not depend on the period, so they are cached per team by the caller through
:class:`TrendCache`; a period change then costs two ``unit_stats`` calls.
"""

from __future__ import annotations

import threading
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta

from norddjurs_desktop.domain.absence import AbsenceStats, PeriodFigure
from norddjurs_desktop.domain.absence_trends import monthly_absence, rolling_from, yearly_from
from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.reports.charts.inputs import BeforeAfter, ChartExtra
from norddjurs_desktop.services import absence as absence_service
from norddjurs_desktop.services.absence import AbsenceDataset, FilterRefused
from norddjurs_desktop.services.bootstrap import Database

ROLLING_YEAR = "Rullende år"
ALL_TEAMS = "Alle teams"


@dataclass(frozen=True)
class PeriodChoice:
    """One entry of the period box: a label and the dates (None = the rolling year)."""

    label: str
    period: tuple[date, date] | None


def period_choices(dataset: AbsenceDataset) -> list[PeriodChoice]:
    """"Rullende år" first, then each calendar year of the data, newest first, cut to the data."""
    info = dataset.info
    choices = [PeriodChoice(ROLLING_YEAR, None)]
    for year in reversed(dataset.years):
        start = max(date(year, 1, 1), info.period_from)
        end = min(date(year, 12, 31), info.period_to)
        whole = start == date(year, 1, 1) and end == date(year, 12, 31)
        label = str(year) if whole else f"{year} ({danish_date(start)} – {danish_date(end)})"
        choices.append(PeriodChoice(label, (start, end)))
    return choices


def period_text(start: date, end: date) -> str:
    return f"{danish_date(start)} – {danish_date(end)}"


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period just before, to compare with: as many whole months, or as many days.

    A period of whole calendar months (a year, a quarter, a month) is compared
    with the same number of months before it, so 2024 is set against 2023 and
    not against a 366-day span that begins on 31-12-2022. Any other period is
    compared with the same number of days just before it.
    """
    if start.day == 1 and (end + timedelta(days=1)).day == 1 and start <= end:
        months = (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1
        key = start.year * 12 + start.month - 1 - months
        return date(key // 12, key % 12 + 1, 1), start - timedelta(days=1)
    length = end - start
    prev_end = start - timedelta(days=1)
    return prev_end - length, prev_end


@dataclass(frozen=True)
class ViewFigures:
    """Everything the cards and charts need; ``previous`` is None when the data do not reach."""

    stats: AbsenceStats
    previous: AbsenceStats | None
    extra: ChartExtra
    team: str | None
    #: why the chosen team cannot be shown for this period (None: it can).
    refusal: str | None = None
    #: team → why it cannot be chosen for this period (the team box greys these out).
    refused_teams: dict[str, str] = field(default_factory=dict)

    @property
    def period(self) -> str:
        return period_text(self.stats.period_from, self.stats.period_to)

    @property
    def filter_text(self) -> str:
        return f"Team: {self.team}" if self.team else ""

    @property
    def hidden(self) -> bool:
        """True when no figures may be shown: too few persons, or a refused team."""
        return self.refusal is not None or self.stats.too_few_persons


class TrendCache:
    """Rolling and yearly trends per (import, team); safe to use from worker threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[tuple[int, str | None], tuple[list[PeriodFigure], list[PeriodFigure]]]
        self._items = {}

    def get(
        self, dataset: AbsenceDataset, team: str | None
    ) -> tuple[list[PeriodFigure], list[PeriodFigure]]:
        key = (dataset.info.id, team)
        with self._lock:
            found = self._items.get(key)
        if found is not None:
            return found
        info = dataset.info
        # One monthly pass serves both charts (the data's whole span, open rows to its end).
        monthly = monthly_absence(dataset.columns, info.period_from, info.period_to, team)
        trends = (rolling_from(monthly), yearly_from(monthly))
        with self._lock:
            if len(self._items) > 64:
                self._items.clear()
            self._items[key] = trends
        return trends


def compute_figures(
    db: Database,
    unit_id: int,
    period: tuple[date, date] | None,
    team: str | None,
    trends: TrendCache,
) -> ViewFigures | None:
    """The figures for one selection, without the previous period; None without data.

    The previous period is left to :func:`compute_previous`, run as a second
    step, so the cards and the chart appear after one ``unit_stats`` rather
    than two (a whole municipality takes a few tenths of a second for each).
    """
    dataset = absence_service.load_dataset(db, unit_id)
    if dataset is None:
        return None
    start, end = period if period is not None else (None, None)
    refused = absence_service.refused_teams(db, unit_id, period_from=start, period_to=end)
    if team in refused:
        whole = absence_service.unit_stats(db, unit_id, period_from=start, period_to=end)
        if whole is None:
            return None
        return ViewFigures(whole, None, ChartExtra(), team, refused[team], refused)
    stats = absence_service.unit_stats(
        db, unit_id, period_from=start, period_to=end, team=team
    )
    if stats is None:
        return None
    rolling, yearly = trends.get(dataset, team)
    screenings = screening_dates(db, unit_id)
    extra = ChartExtra(
        tuple(rolling),
        tuple(yearly),
        screenings=screenings,
        before_after=before_and_after(db, unit_id, dataset, screenings, team),
    )
    return ViewFigures(stats, None, extra, team, None, refused)


def screening_dates(db: Database, unit_id: int) -> tuple[date, ...]:
    """The dates of the unit's screenings, oldest first (marked on the rolling trend)."""
    rows = db.read("SELECT date FROM screening WHERE unit_id = ? ORDER BY date", (unit_id,))
    return tuple(value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
                 for (value,) in rows)


def before_and_after(
    db: Database,
    unit_id: int,
    dataset: AbsenceDataset,
    screenings: tuple[date, ...],
    team: str | None,
) -> BeforeAfter | None:
    """Absence % in the 12 months before the latest screening the data reach past, and since.

    The screening must have at least four weeks of data after it and some before;
    a figure the privacy rule would not show (a small or protecting team in
    either period) leaves the comparison out rather than showing half of it.
    """
    first, last = dataset.info.period_from, dataset.info.period_to
    usable = [s for s in screenings if first < s <= last - timedelta(days=28)]
    if not usable:
        return None
    when = usable[-1]
    try:
        before = absence_service.unit_stats(
            db, unit_id, period_from=max(first, _months_back(when, 12)),
            period_to=when - timedelta(days=1), team=team,
        )
        after = absence_service.unit_stats(
            db, unit_id, period_from=when, period_to=last, team=team
        )
    except FilterRefused:
        return None
    if before is None or after is None or before.too_few_persons or after.too_few_persons:
        return None
    if before.absence_pct is None or after.absence_pct is None:
        return None
    months = max(1, round((last - when).days / 30.44))
    return BeforeAfter(when, before.absence_pct, after.absence_pct, months)


def _months_back(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day where it has no such day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def compute_previous(db: Database, unit_id: int, figures: ViewFigures) -> AbsenceStats | None:
    """The same figures for the period of the same length just before; None if not in the data."""
    dataset = absence_service.load_dataset(db, unit_id)
    if dataset is None:
        return None
    prev_from, prev_to = previous_period(figures.stats.period_from, figures.stats.period_to)
    if prev_from < dataset.info.period_from:
        return None
    try:
        return absence_service.unit_stats(
            db, unit_id, period_from=prev_from, period_to=prev_to, team=figures.team
        )
    except FilterRefused:
        return None  # the team is too small (or protects one) in the period before
