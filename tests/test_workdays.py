"""The working-day calendar: Monday–Friday minus Danish public holidays (default category)."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from norddjurs_desktop.domain.workdays import (
    WorkdayCounter,
    holidays_in_year,
    is_working_day,
    working_days_between,
    working_days_in_year,
)


def _brute(start: date, end: date) -> int:
    count, day = 0, start
    while day <= end:
        count += day.weekday() < 5 and day not in holidays.country_holidays("DK", years=day.year)
        day += timedelta(days=1)
    return count


def test_days_the_default_category_leaves_as_working_days() -> None:
    # 1 May, Grundlovsdag, juleaftensdag and nytårsaftensdag are not public holidays in the
    # package's default category, so they are ordinary working days (2024: all on weekdays).
    dk = holidays.country_holidays("DK", years=2024)
    for day in (date(2024, 5, 1), date(2024, 6, 5), date(2024, 12, 24), date(2024, 12, 31)):
        assert day.weekday() < 5
        assert day not in dk
        assert is_working_day(day)


def test_public_holidays_and_weekends_are_not_working_days() -> None:
    for day in (
        date(2024, 1, 1),  # nytårsdag (Monday)
        date(2024, 3, 28),  # skærtorsdag
        date(2024, 3, 29),  # langfredag
        date(2024, 4, 1),  # 2. påskedag
        date(2024, 5, 9),  # Kristi himmelfartsdag
        date(2024, 5, 20),  # 2. pinsedag
        date(2024, 12, 25),
        date(2024, 12, 26),
        date(2024, 3, 2),  # a Saturday
        date(2024, 3, 3),  # a Sunday
    ):
        assert not is_working_day(day), day


def test_store_bededag_is_a_holiday_until_2023_only() -> None:
    assert not is_working_day(date(2023, 5, 5))
    assert is_working_day(date(2024, 4, 26))  # where it would have fallen in 2024


def test_working_days_in_2024() -> None:
    # 2024 starts on a Monday and has 366 days: 52 weeks + Monday and Tuesday = 262
    # weekdays; 8 holidays fall on weekdays (1/1, 28/3, 29/3, 1/4, 9/5, 20/5, 25/12, 26/12).
    assert working_days_in_year(2024) == 254
    assert working_days_between(date(2024, 1, 1), date(2024, 12, 31)) == 254
    assert len(holidays_in_year(2024)) == 10  # incl. påskedag and pinsedag (Sundays)


def test_march_2024() -> None:
    # 21 weekdays (Friday 1 + four full weeks), minus skærtorsdag and langfredag.
    assert working_days_between(date(2024, 3, 1), date(2024, 3, 31)) == 19


def test_empty_and_single_day_ranges() -> None:
    assert working_days_between(date(2024, 3, 5), date(2024, 3, 4)) == 0
    assert working_days_between(date(2024, 3, 4), date(2024, 3, 4)) == 1
    assert working_days_between(date(2024, 3, 2), date(2024, 3, 3)) == 0


@settings(max_examples=60, deadline=None)
@given(
    st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31)),
    st.integers(min_value=0, max_value=900),
)
def test_counts_match_a_day_by_day_count(start: date, length: int) -> None:
    end = start + timedelta(days=length)
    expected = _brute(start, end)
    assert working_days_between(start, end) == expected
    counter = WorkdayCounter(date(2019, 1, 1), date(2030, 12, 31))
    assert counter.count_dates(start, end) == expected
    assert counter.count(end.toordinal(), start.toordinal() - 1) == 0


def test_counter_clamps_to_its_span() -> None:
    counter = WorkdayCounter(date(2024, 3, 1), date(2024, 3, 31))  # covers all of 2024
    assert counter.count_dates(date(2023, 6, 1), date(2024, 1, 5)) == 4  # 2–5 January
