"""The working-day calendar's own holiday rules give exactly the ``holidays`` package's list.

The figures compute Danish holidays themselves (importing the package's calendar
machinery costs a fresh `stats` process more than its figures); the package
stays the reference, so a change in law that reaches the package fails here.
"""

from __future__ import annotations

import holidays

from norddjurs_desktop.domain.workdays import holidays_in_year


def test_the_rules_list_the_same_holidays_as_the_package_for_every_year() -> None:
    for year in range(1990, 2061):
        expected = frozenset(holidays.country_holidays("DK", years=year).keys())
        assert holidays_in_year(year) == expected, year
