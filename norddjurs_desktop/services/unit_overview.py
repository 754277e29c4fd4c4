"""The overview of every unit ("Oversigt over enheder"): built once for the window, CLI and reports.

Five plain queries in one read snapshot (``Database.reader``), one per table and
grouped in Python, so 300 units with four screenings each are read in a few
hundredths of a second; no session per unit. The absence rate comes from the
absence services' public API (rolling year of the newest import) for units
with imported data, and otherwise from the monthly figures their share files
brought (services/share_months.py); the 5-person rule hides it (None).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from norddjurs_desktop.domain.open_actions import counts_as_open, counts_as_overdue
from norddjurs_desktop.domain.palette import PALETTE_KEYS
from norddjurs_desktop.domain.unit_overview import UnitOverviewRow, support_counts
from norddjurs_desktop.services.errors import ValidationError
from norddjurs_desktop.services.overview import danish_sort_key
from norddjurs_desktop.storage.database import Database

EXPORT_SUFFIXES = (".xlsx", ".pdf")

_UNITS = "SELECT id, name, area FROM unit"
_SCREENINGS = """
    SELECT id, unit_id, date, next_follow_up FROM screening
    ORDER BY unit_id, date DESC, id DESC
"""
_SCORES = "SELECT screening_id, theme_key, score FROM theme_assessment WHERE score IS NOT NULL"
_ACTIONS = """
    SELECT s.unit_id, a.status, a.deadline,
           a.id IN (SELECT r.action_id FROM action_review r
                    WHERE r.carried_action_id IS NOT NULL)
    FROM action a JOIN screening s ON s.id = a.screening_id
"""
_WITH_ABSENCE = "SELECT DISTINCT unit_id FROM absence_import"


@dataclass(frozen=True)
class UnitOverview:
    """Every unit's row (Danish alphabetical order) and, per theme, how many score 1–2."""

    today: date
    rows: tuple[UnitOverviewRow, ...]
    support: dict[str, int]

    def as_json(self) -> list[dict[str, object]]:
        return [row.as_json() for row in self.rows]


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _absence_pct(db: Database, unit_id: int) -> float | None:
    """The rolling year of the unit's newest import; None where too few persons show."""
    from norddjurs_desktop.services.absence import unit_stats

    stats = unit_stats(db, unit_id)
    if stats is None or stats.too_few_persons:
        return None
    return stats.absence_pct


def absence_rates(db: Database) -> dict[int, float | None]:
    """Unit id → its latest 12-month absence % (None: hidden by the 5-person rule).

    Only units with imported data are asked; each costs a read of its newest
    import (a few hundredths of a second for a small unit), which is why the
    window fills this column in a second step, off the GUI thread.
    """
    from norddjurs_desktop.services.share_months import shared_absence_pct_by_unit

    with db.reader() as connection:
        unit_ids = sorted(row[0] for row in connection.execute(_WITH_ABSENCE))
    # A unit known here only from its share files: its shared monthly figures (those
    # already passed the 5-person rule where the file was made), all in one read.
    rates: dict[int, float | None] = dict(shared_absence_pct_by_unit(db))
    rates.update({unit_id: _absence_pct(db, unit_id) for unit_id in unit_ids})
    return rates


def with_absence_rates(overview: UnitOverview, rates: dict[int, float | None]) -> UnitOverview:
    """The same overview with the absence column filled in."""
    rows = tuple(replace(row, absence_pct=rates.get(row.unit_id)) for row in overview.rows)
    return replace(overview, rows=rows)


def build_unit_overview(db: Database, today: date, *, with_absence: bool = True) -> UnitOverview:
    """Every unit with its latest and previous agreed scores, follow-up, actions and absence."""
    with db.reader() as connection:
        units = connection.execute(_UNITS).fetchall()
        screenings = connection.execute(_SCREENINGS).fetchall()
        score_rows = connection.execute(_SCORES).fetchall()
        action_rows = connection.execute(_ACTIONS).fetchall()
    # newest first per unit: the first two are the latest and the previous screening
    newest: dict[int, list[tuple[int, date | None, date | None]]] = {}
    for sid, unit_id, day, follow_up in screenings:
        kept = newest.setdefault(unit_id, [])
        if len(kept) < 2:
            kept.append((sid, _day(day), _day(follow_up)))
    wanted = {s[0] for kept in newest.values() for s in kept}
    scores: dict[int, dict[str, int | None]] = {}
    for sid, key, score in score_rows:
        if sid in wanted and key in PALETTE_KEYS:
            scores.setdefault(sid, {})[key] = score
    open_count: dict[int, int] = {}
    overdue_count: dict[int, int] = {}
    for unit_id, status, deadline, carried in action_rows:
        if counts_as_open(status, bool(carried)):
            open_count[unit_id] = open_count.get(unit_id, 0) + 1
            if counts_as_overdue(status, bool(carried), _day(deadline), today):
                overdue_count[unit_id] = overdue_count.get(unit_id, 0) + 1
    rows = []
    for unit_id, name, area in sorted(units, key=lambda u: danish_sort_key(u[1])):
        kept = newest.get(unit_id, [])
        latest = kept[0] if kept else None
        previous = kept[1] if len(kept) > 1 else None
        rows.append(UnitOverviewRow(
            unit_id=unit_id,
            unit=name,
            area=area or "",
            latest_screening_id=latest[0] if latest else None,
            latest_screening=latest[1] if latest else None,
            scores=_all_keys(scores.get(latest[0], {}) if latest else {}),
            previous_screening=previous[1] if previous else None,
            previous_scores=_all_keys(scores.get(previous[0], {}) if previous else {}),
            next_follow_up=latest[2] if latest else None,
            open_actions=open_count.get(unit_id, 0),
            overdue_actions=overdue_count.get(unit_id, 0),
        ))
    overview = UnitOverview(today, tuple(rows), support_counts(rows))
    return with_absence_rates(overview, absence_rates(db)) if with_absence else overview


def _all_keys(found: dict[str, int | None]) -> dict[str, int | None]:
    return {key: found.get(key) for key in PALETTE_KEYS}


def export_unit_overview(db: Database, out: Path, today: date) -> Path:
    """The overview as XLSX (for HR's own sums) or as an A4 landscape PDF for the HU,
    chosen by the file's ending."""
    suffix = Path(out).suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ValidationError("Filen skal ende på .xlsx eller .pdf.")
    overview = build_unit_overview(db, today)
    return write_unit_overview(overview, Path(out))


def write_unit_overview(overview: UnitOverview, out: Path) -> Path:
    """Write an overview already built (the window has one) to ``out`` by its ending."""
    suffix = Path(out).suffix.lower()
    if suffix == ".xlsx":
        from norddjurs_desktop.reports.unit_overview_xlsx import write_overview_xlsx

        write_overview_xlsx(overview.rows, overview.support, overview.today, Path(out),
                            sort_key=danish_sort_key)
    elif suffix == ".pdf":
        from norddjurs_desktop.reports.unit_overview_pdf import write_overview_pdf

        write_overview_pdf(overview.rows, overview.support, overview.today, Path(out),
                           sort_key=danish_sort_key)
    else:
        raise ValidationError("Filen skal ende på .xlsx eller .pdf.")
    return Path(out)
