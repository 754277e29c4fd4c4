"""One team's figures are work on that team's rows only, however big the unit around it.

The columns keep persons grouped by team and rows sorted by person, so a team is
one slice of persons and one slice of rows. These tests count what a team's
figures touch (the slice) and prove nothing else is read: rows outside the slice
are overwritten with nonsense and the team's figures do not change.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import numpy as np

from norddjurs_desktop.domain.absence import AbsenceRow, StaffMember, compute_stats
from norddjurs_desktop.domain.absence_columns import columns_from_records
from norddjurs_desktop.domain.absence_metrics import column_stats
from norddjurs_desktop.domain.absence_trends import monthly_absence, rolling_from

REASONS = ("Egen sygdom", "Ferie", "Barns sygdom", "Omsorgsdag", "§56", "Barsel")
FIRST, LAST = date(2023, 1, 1), date(2024, 12, 31)
TEAM = "Lille"


def _people(rng: random.Random, team: str, count: int, prefix: str) -> tuple[
    list[StaffMember], list[AbsenceRow]
]:
    staff = [StaffMember(f"{prefix}{i}", team, rng.choice(("Pædagog", "Lærer")),
                         rng.randint(22, 66), rng.choice((1.0, 0.8, 0.5)))
             for i in range(count)]
    rows = []
    for member in staff:
        for _ in range(rng.randint(0, 12)):
            start = FIRST + timedelta(days=rng.randint(0, (LAST - FIRST).days))
            end = None if rng.random() < 0.02 else start + timedelta(days=rng.randint(0, 20))
            rows.append(AbsenceRow(member.key, rng.choice(REASONS), start, end))
    return staff, rows


def _units() -> tuple[tuple[list[StaffMember], list[AbsenceRow]], ...]:
    rng = random.Random(7)
    small_staff, small_rows = _people(rng, TEAM, 22, "L")
    big_staff, big_rows = list(small_staff), list(small_rows)
    for t in range(40):
        staff, rows = _people(rng, f"Team {t:02d}", 60, f"T{t}-")
        big_staff += staff
        big_rows += rows
    rng.shuffle(big_staff)  # the file's order does not group teams
    rng.shuffle(big_rows)
    return (small_staff, small_rows), (big_staff, big_rows)


def test_a_team_is_one_slice_of_the_same_size_in_a_small_and_a_big_unit() -> None:
    (small_staff, small_rows), (big_staff, big_rows) = _units()
    assert len(big_rows) > 20 * len(small_rows)
    team_rows = sum(1 for row in small_rows if row.key.startswith("L"))
    for staff, rows in ((small_staff, small_rows), (big_staff, big_rows)):
        cols = columns_from_records(staff, rows)
        persons = cols.team_persons(TEAM)
        assert persons.stop - persons.start == 22
        assert {cols.keys[i] for i in range(persons.start, persons.stop)} == {
            m.key for m in small_staff
        }
        touched = cols.rows_of(persons)
        assert touched.stop - touched.start == team_rows


def test_rows_outside_the_team_are_never_read() -> None:
    _, (staff, rows) = _units()
    cols = columns_from_records(staff, rows)
    touched = cols.rows_of(cols.team_persons(TEAM))
    outside = np.ones(len(cols.row_start), dtype=bool)
    outside[touched] = False
    poisoned = replace(
        cols,
        row_start=np.where(outside, 1, cols.row_start),  # 1 January of year 1
        row_end=np.where(outside, 0, cols.row_end),
        row_reason=np.where(outside, 99, cols.row_reason),
        row_person=np.where(outside, -7, cols.row_person),
    )
    for period in ((date(2024, 1, 1), date(2024, 12, 31)), (date(2023, 3, 5), date(2023, 9, 9))):
        expected = compute_stats(staff, rows, *period, team=TEAM, data_end=LAST)
        assert column_stats(poisoned, *period, team=TEAM, data_end=LAST) == expected
        assert expected.persons == 22 and expected.sick_spells > 0
    trend = rolling_from(monthly_absence(cols, FIRST, LAST, TEAM))
    assert rolling_from(monthly_absence(poisoned, FIRST, LAST, TEAM)) == trend
