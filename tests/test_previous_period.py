"""The cards' "Forrige periode": a calendar year is set against the year before, not 366 days."""

from __future__ import annotations

from datetime import date

import pytest

from norddjurs_desktop.services.absence_figures import previous_period


@pytest.mark.parametrize(("period", "previous"), [
    ((date(2024, 1, 1), date(2024, 12, 31)), (date(2023, 1, 1), date(2023, 12, 31))),  # leap
    ((date(2025, 1, 1), date(2025, 12, 31)), (date(2024, 1, 1), date(2024, 12, 31))),
    ((date(2024, 1, 1), date(2024, 3, 31)), (date(2023, 10, 1), date(2023, 12, 31))),  # quarter
    ((date(2024, 3, 1), date(2024, 3, 31)), (date(2024, 2, 1), date(2024, 2, 29))),  # month
    ((date(2024, 7, 1), date(2025, 6, 30)), (date(2023, 7, 1), date(2024, 6, 30))),
])
def test_whole_months_are_compared_with_as_many_months_before(period, previous) -> None:
    assert previous_period(*period) == previous


def test_a_rolling_year_is_compared_with_as_many_days_before() -> None:
    # the 365 days to the data's last date, which is not a month's end
    assert previous_period(date(2024, 6, 16), date(2025, 6, 15)) == (
        date(2023, 6, 17), date(2024, 6, 15))
