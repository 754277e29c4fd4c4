"""The data view shows where the unit's screenings fall on the trend, and what changed since.

A unit screened in March 2024 with absence data for 2023–2024: the rolling
trend has a dotted line named "Screening 04-03-2024", and the chart says the
absence % of the 12 months before it beside the months since — the same
figures as the service gives for those two periods.
"""

from __future__ import annotations

from datetime import date

from norddjurs_desktop.domain.dates import format_percent
from norddjurs_desktop.reports.charts.trend_charts import rolling_chart
from norddjurs_desktop.services import absence as absence_service
from norddjurs_desktop.services import screenings, units
from norddjurs_desktop.services.absence_figures import TrendCache, compute_figures
from tests.test_data_view import write_files


def test_the_trend_marks_the_screening_and_compares_before_and_after(db, tmp_path) -> None:
    unit = units.create_unit(db, "Børnehuset Æblegården")
    screenings.create_screening(db, unit, on=date(2024, 3, 4))
    staff, absence = write_files(tmp_path / "filer")
    absence_service.import_absence_files(db, unit, staff, absence)

    figures = compute_figures(db, unit, None, None, TrendCache())
    assert figures is not None
    extra = figures.extra
    assert extra.screenings == (date(2024, 3, 4),)
    change = extra.before_after
    assert change is not None and change.screening == date(2024, 3, 4)
    before = absence_service.unit_stats(
        db, unit, period_from=date(2023, 3, 4), period_to=date(2024, 3, 3)
    )
    last = absence_service.load_dataset(db, unit).info.period_to
    after = absence_service.unit_stats(db, unit, period_from=date(2024, 3, 4), period_to=last)
    assert change.before_pct == before.absence_pct and change.after_pct == after.absence_pct

    fig = rolling_chart(figures.stats, extra)
    texts = [t.get_text() for ax in fig.axes for t in ax.texts] + [
        ax.get_title(loc="left") for ax in fig.axes
    ]
    assert any("Screening 04-03-2024" in t for t in texts)
    title = next(t for t in texts if t.startswith("12 mdr. før screeningen 04-03-2024"))
    assert format_percent(change.before_pct) in title and format_percent(change.after_pct) in title


def test_no_comparison_without_data_after_the_screening(db, tmp_path) -> None:
    unit = units.create_unit(db, "Rengøringen")
    screenings.create_screening(db, unit, on=date(2024, 12, 20))  # days before the data end
    staff, absence = write_files(tmp_path / "filer")
    absence_service.import_absence_files(db, unit, staff, absence)
    figures = compute_figures(db, unit, None, None, TrendCache())
    assert figures is not None and figures.extra.before_after is None
