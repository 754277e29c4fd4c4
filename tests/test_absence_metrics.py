"""Absence figures on small hand-made data whose answers are worked out in the comments.

Calendar facts used below (2024): March has 19 working days — 21 weekdays minus
skærtorsdag 28/3 and langfredag 29/3; 1/4 is 2. påskedag; 1/3 is a Friday.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from norddjurs_desktop.domain.absence import (
    REASONS,
    AbsenceRow,
    StaffMember,
    age_group,
    compute_stats,
    default_period,
    normalise_reason,
    rolling_absence,
    suppress_small_groups,
    yearly_absence,
)
from norddjurs_desktop.domain.workdays import is_working_day

D = date
MARCH = (D(2024, 3, 1), D(2024, 3, 31))


def row(key: str, reason: str, start: date, end: date | None) -> AbsenceRow:
    return AbsenceRow(key, reason, start, end)


# --- the golden scenario ------------------------------------------------------------------
# A  g=1, all March. Egen sygdom Fri 8/3, again Mon 11/3–Tue 12/3: one spell 8–12/3 (5 days,
#    starts fredag), sick working days 8, 11, 12 = 3. Ferie 25–27/3 plus an overlapping
#    Ferie row 26–27/3: away 3 (counted once). E=19, possible 16, sick 3.
# B  g=0.5. Egen sygdom Wed 27/3–Tue 2/4: in March only 27/3 is a working day (28–29/3
#    holidays, 30–31/3 weekend) → sick 1×0.5. The spell ends in April → not a March spell.
#    Barns sygdom Mon 4/3 → 0.5. Possible 19×0.5 = 9.5.
# C  g=1, hired Mon 18/3: E = 18–22/3 and 25–27/3 = 8. Open Egen sygdom from Mon 25/3 →
#    counted to 31/3: sick 25, 26, 27 = 3. Open spell 25–31/3 = 7 days, starts mandag.
# D  g=0.8, left Fri 8/3: E = 1/3 and 4–8/3 = 6. Egen sygdom Wed 6/3–Fri 15/3: in E 6, 7, 8
#    → sick 3×0.8 = 2.4; spell 10 days, starts onsdag, ends in March. Omsorgsdag Mon 4/3:
#    away 1 → possible (6−1)×0.8 = 4.0.
# E  left 28/2 (before the period): not counted, its March row is ignored.
# F  g=1, no team. §56 Tue 5/3 and Arbejdsskade 5–6/3 (overlap): sick 2 (5 and 6 once);
#    §56 1, Arbejdsskade 2. Seniordag 20/3, Feriefridag Fri 22/3 (away 1), "Kursus" 21/3
#    → Andet 1. Possible 18, sick 2. No Egen sygdom → no spells.
# Totals: persons 5; possible 16 + 9.5 + 8 + 4 + 18 = 55.5; sick 3 + 0.5 + 3 + 2.4 + 2 = 10.9;
# absence % 1090/55.5; FTE (19 + 9.5 + 8 + 4.8 + 19) / 19 = 60.3/19;
# days per FTE 10.9 / (60.3/19) × 365/31. Spells 3: 4-14 band 3; mandag, onsdag, fredag 1 each.
# Bradford: A 1²×5, C 1²×7, D 1²×10 → "1-49" ×3; B and F → "0" ×2.
GOLDEN_STAFF = [
    StaffMember("A", "Alfa", "", 35, 1.0),
    StaffMember("B", "Alfa", "", 45, 0.5),
    StaffMember("C", "Alfa", "", 25, 1.0, employed_from=D(2024, 3, 18)),
    StaffMember("D", "Alfa", "", 62, 0.8, employed_to=D(2024, 3, 8)),
    StaffMember("E", "Alfa", "", 50, 1.0, employed_to=D(2024, 2, 28)),
    StaffMember("F", "", "", None, 1.0),
]
GOLDEN_ROWS = [
    row("A", "Egen sygdom", D(2024, 3, 8), D(2024, 3, 8)),
    row("A", "Egen sygdom", D(2024, 3, 11), D(2024, 3, 12)),
    row("A", "Ferie", D(2024, 3, 25), D(2024, 3, 27)),
    row("A", "Ferie", D(2024, 3, 26), D(2024, 3, 27)),
    row("B", "Egen sygdom", D(2024, 3, 27), D(2024, 4, 2)),
    row("B", "Barns sygdom", D(2024, 3, 4), D(2024, 3, 4)),
    row("C", "Egen sygdom", D(2024, 3, 25), None),
    row("D", "Egen sygdom", D(2024, 3, 6), D(2024, 3, 15)),
    row("D", "Omsorgsdag", D(2024, 3, 4), D(2024, 3, 4)),
    row("E", "Egen sygdom", D(2024, 3, 4), D(2024, 3, 8)),
    row("F", "§56", D(2024, 3, 5), D(2024, 3, 5)),
    row("F", "Arbejdsskade", D(2024, 3, 5), D(2024, 3, 6)),
    row("F", "Seniordag", D(2024, 3, 20), D(2024, 3, 20)),
    row("F", "Feriefridag", D(2024, 3, 22), D(2024, 3, 22)),
    row("F", normalise_reason("Kursus"), D(2024, 3, 21), D(2024, 3, 21)),
]


def test_golden_scenario_headline_figures() -> None:
    stats = compute_stats(GOLDEN_STAFF, GOLDEN_ROWS, *MARCH)
    assert stats.persons == 5
    assert stats.possible_days == pytest.approx(55.5)
    assert stats.sick_days == pytest.approx(10.9)
    assert stats.absence_pct == pytest.approx(1090 / 55.5)
    assert stats.fte == pytest.approx(60.3 / 19)
    assert stats.days_per_fte == pytest.approx(10.9 / (60.3 / 19) * 365 / 31)
    assert stats.sick_days_by_month[3] == pytest.approx(10.9)
    assert sum(stats.sick_days_by_month.values()) == pytest.approx(10.9)


def test_golden_scenario_json() -> None:
    data = compute_stats(GOLDEN_STAFF, GOLDEN_ROWS, *MARCH).to_json_dict()
    assert list(data) == [
        "period", "persons", "fte", "possible_days", "sick_days", "absence_pct",
        "days_per_fte", "days_by_type", "sick_spells", "duration_bands", "weekday_starts",
        "by_team", "by_job_group", "by_age_group", "bradford_bands",
    ]
    json.dumps(data)  # plain JSON types only
    assert data["period"] == {"from": "2024-03-01", "to": "2024-03-31"}
    assert data["days_by_type"] == pytest.approx({
        "Egen sygdom": 3 + 0.5 + 3 + 2.4, "§56": 1, "Arbejdsskade": 2, "Barns sygdom": 0.5,
        "Omsorgsdag": 0.8, "Seniordag": 1, "Barsel": 0, "Ferie": 3, "Feriefridag": 1,
        "Andet": 1,
    })
    assert data["sick_spells"] == 3
    assert data["duration_bands"] == {"1-3": 0, "4-14": 3, "15-29": 0, "30+": 0}
    assert data["weekday_starts"] == {
        "mandag": 1, "tirsdag": 0, "onsdag": 1, "torsdag": 0, "fredag": 1,
        "lørdag": 0, "søndag": 0,
    }
    assert data["bradford_bands"] == {
        "0": 2, "1-49": 3, "50-99": 0, "100-299": 0, "300-499": 0, "500+": 0,
    }
    # Alfa has 4 counted persons, "Uden team" 1: both hidden. All 5 share "Ukendt" job group.
    assert data["by_team"] == {"Alfa": None, "Uden team": None}
    assert data["by_job_group"] == {"Ukendt": pytest.approx(1090 / 55.5)}
    assert data["by_age_group"] == {
        "under 30": None, "30-39": None, "40-49": None, "60+": None, "Ukendt": None,
    }


def test_team_filter_counts_only_that_team() -> None:
    # Only F is in "Uden team": possible 18, sick 2 → 11.11 %; persons 1 → too few to show.
    stats = compute_stats(GOLDEN_STAFF, GOLDEN_ROWS, *MARCH, team="Uden team")
    assert stats.persons == 1
    assert stats.too_few_persons
    assert stats.absence_pct == pytest.approx(200 / 18)
    assert stats.by_team == {"Uden team": None}
    alfa = compute_stats(GOLDEN_STAFF, GOLDEN_ROWS, *MARCH, team="Alfa")
    assert alfa.persons == 4
    assert alfa.sick_days == pytest.approx(8.9)


def test_spell_bridging_easter_belongs_to_april() -> None:
    # B's spell 27/3–2/4 bridges skærtorsdag, langfredag, the weekend and 2. påskedag: one
    # spell of 7 days, starting onsdag, ending in April. April's sick days: only 2/4.
    stats = compute_stats(GOLDEN_STAFF[1:2], GOLDEN_ROWS, D(2024, 4, 1), D(2024, 4, 30))
    assert stats.sick_spells == 1
    assert stats.duration_bands["4-14"] == 1
    assert stats.weekday_starts["onsdag"] == 1
    assert stats.sick_days == pytest.approx(0.5)


def test_friday_monday_is_one_spell_but_a_working_day_between_splits() -> None:
    staff = [StaffMember("A")]
    rows = [
        row("A", "Egen sygdom", D(2024, 4, 5), D(2024, 4, 5)),  # Friday
        row("A", "Egen sygdom", D(2024, 4, 8), D(2024, 4, 8)),  # Monday → same spell (4 days)
        row("A", "Egen sygdom", D(2024, 4, 10), D(2024, 4, 10)),  # Wednesday: 9/4 worked
        row("A", "Egen sygdom", D(2024, 4, 15), D(2024, 4, 16)),  # Mon–Tue
        row("A", "Egen sygdom", D(2024, 4, 17), D(2024, 4, 18)),  # touching → one spell of 4
    ]
    stats = compute_stats(staff, rows, D(2024, 4, 1), D(2024, 4, 30))
    assert stats.sick_spells == 3
    assert stats.duration_bands == {"1-3": 1, "4-14": 2, "15-29": 0, "30+": 0}
    assert stats.weekday_starts["fredag"] == 1
    assert stats.weekday_starts["onsdag"] == 1
    assert stats.weekday_starts["mandag"] == 1
    assert stats.sick_days == 7  # 5, 8, 10, 15, 16, 17, 18 April
    # Bradford S=3, D=4+1+4=9 → 81 → "50-99".
    assert stats.bradford_bands["50-99"] == 1


def test_open_row_and_data_end() -> None:
    staff = [StaffMember("A")]
    rows = [row("A", "Egen sygdom", D(2024, 4, 22), None)]  # Monday, still sick
    whole = compute_stats(staff, rows, D(2024, 4, 1), D(2024, 4, 30))
    # 22–26 and 29–30 April = 7 working days; open spell 22–30/4 = 9 days.
    assert whole.sick_days == 7
    assert whole.duration_bands["4-14"] == 1
    capped = compute_stats(staff, rows, D(2024, 4, 1), D(2024, 4, 30), data_end=D(2024, 4, 24))
    assert capped.sick_days == 3  # the export ends on 24/4: 22, 23, 24
    assert capped.duration_bands["1-3"] == 1
    assert capped.possible_days == whole.possible_days == 21  # April 2024: 22 weekdays − 1/4


def test_long_spell_counts_its_whole_length_and_weekend_start() -> None:
    staff = [StaffMember("A", grade=0.5)]
    rows = [row("A", "Egen sygdom", D(2024, 2, 3), D(2024, 3, 5))]  # Saturday 3/2, 32 days
    stats = compute_stats(staff, rows, *MARCH)
    assert stats.duration_bands["30+"] == 1
    assert stats.weekday_starts["lørdag"] == 1
    assert stats.sick_days == pytest.approx(0.5 * 3)  # 1, 4, 5 March
    assert stats.bradford_bands["1-49"] == 1  # 1² × 32


def test_bradford_bands() -> None:
    # Spells of `length` days starting on Tuesdays of separate weeks of 2024.
    def spells(key: str, count: int, length: int) -> list[AbsenceRow]:
        first = D(2024, 1, 2)
        return [
            row(key, "Egen sygdom", first + timedelta(weeks=i),
                first + timedelta(weeks=i, days=length - 1))
            for i in range(count)
        ]
    plan = {  # key: (spells, length) → S² × D
        "p1": (2, 1),  # 4 × 2 = 8 → 1-49
        "p2": (3, 2),  # 9 × 6 = 54 → 50-99
        "p3": (4, 2),  # 16 × 8 = 128 → 100-299
        "p4": (5, 3),  # 25 × 15 = 375 → 300-499
        "p5": (6, 3),  # 36 × 18 = 648 → 500+
    }
    rows = [r for key, (n, length) in plan.items() for r in spells(key, n, length)]
    rows.append(row("p7", "Egen sygdom", D(2024, 5, 1), D(2024, 6, 18)))  # 49 days → 1-49
    rows.append(row("p8", "Egen sygdom", D(2024, 5, 1), D(2024, 6, 19)))  # 50 days → 50-99
    staff = [StaffMember(k) for k in (*plan, "p6", "p7", "p8")]
    stats = compute_stats(staff, rows, D(2024, 1, 1), D(2024, 12, 31))
    assert stats.bradford_bands == {
        "0": 1, "1-49": 2, "50-99": 2, "100-299": 1, "300-499": 1, "500+": 1,
    }
    assert sum(stats.bradford_bands.values()) == stats.persons == 8


def test_suppression_hides_small_groups_and_the_next_smallest() -> None:
    # Z (2 persons) is hidden; alone it could be derived from the total, so the smallest
    # visible group X (5) is hidden too. Y (6) stays.
    staff = (
        [StaffMember(f"x{i}", "X") for i in range(5)]
        + [StaffMember(f"y{i}", "Y") for i in range(6)]
        + [StaffMember(f"z{i}", "Z") for i in range(2)]
    )
    rows = [row("y0", "Egen sygdom", D(2024, 3, 4), D(2024, 3, 4))]
    stats = compute_stats(staff, rows, *MARCH)
    assert stats.by_team == {"X": None, "Y": pytest.approx(100 / (6 * 19)), "Z": None}


def test_suppression_rules_directly() -> None:
    # Two hidden groups protect each other: nothing more is hidden.
    assert suppress_small_groups({"a": (3, 1.0), "b": (4, 2.0), "c": (9, 3.0)}) == {
        "a": None, "b": None, "c": 3.0,
    }
    # One hidden: the next smallest goes, ties broken by label.
    assert suppress_small_groups({"a": (1, 1.0), "c": (7, 2.0), "b": (7, 3.0), "d": (8, 4.0)}) == {
        "a": None, "c": 2.0, "b": None, "d": 4.0,
    }
    # A visible group without possible days (None) cannot reveal anything; skip it.
    assert suppress_small_groups({"a": (1, 1.0), "b": (5, None), "c": (6, 2.0)}) == {
        "a": None, "b": None, "c": None,
    }
    assert suppress_small_groups({"a": (4, 1.0)}) == {"a": None}
    assert suppress_small_groups({"a": (5, 1.0)}) == {"a": 1.0}


def test_age_groups_and_reasons() -> None:
    assert [age_group(a) for a in (None, 18, 29, 30, 39, 40, 59, 60, 67)] == [
        "Ukendt", "under 30", "under 30", "30-39", "30-39", "40-49", "50-59", "60+", "60+",
    ]
    assert normalise_reason(" sygdom ") == "Egen sygdom"
    assert normalise_reason("EGEN SYGDOM") == "Egen sygdom"
    assert normalise_reason("§ 56") == normalise_reason("§56") == "§56"
    assert normalise_reason("barns  sygdom") == "Barns sygdom"
    assert normalise_reason("feriefridag") == "Feriefridag"
    assert normalise_reason("Tjenestefrihed") == normalise_reason("") == "Andet"


def test_empty_and_degenerate_periods() -> None:
    stats = compute_stats([], [], *MARCH)
    assert stats.persons == 0 and stats.absence_pct is None and stats.days_per_fte is None
    weekend = compute_stats([StaffMember("A")], [], D(2024, 3, 2), D(2024, 3, 3))
    assert weekend.persons == 0 and weekend.fte == 0
    with pytest.raises(ValueError):
        compute_stats([], [], D(2024, 3, 2), D(2024, 3, 1))


def test_default_period_is_the_rolling_year() -> None:
    rows = [row("A", "Ferie", D(2023, 1, 2), D(2023, 1, 3)),
            row("A", "Egen sygdom", D(2025, 6, 1), D(2025, 6, 30)),
            row("A", "Egen sygdom", D(2025, 6, 20), None)]
    assert default_period(rows) == (D(2024, 7, 1), D(2025, 6, 30))
    assert default_period([]) is None


# --- a day-by-day reference, compared on random data ---------------------------------------
def _reference(staff, rows, p0, p1):  # type: ignore[no-untyped-def]
    days = [p0 + timedelta(days=i) for i in range((p1 - p0).days + 1)]
    period_wd = [d for d in days if is_working_day(d)]
    out: dict[str, Any] = {"persons": 0, "possible": 0.0, "sick": 0.0, "fte_num": 0.0,
           "by": dict.fromkeys(REASONS, 0.0), "spells": 0}
    for m in staff:
        e_days = {d for d in period_wd
                  if (m.employed_from is None or d >= m.employed_from)
                  and (m.employed_to is None or d <= m.employed_to)}
        if not e_days:
            continue
        out["persons"] += 1
        covered: dict[str, set[date]] = {r: set() for r in REASONS}
        for r in rows:
            if r.key == m.key:
                end = p1 if r.end is None else r.end
                covered[r.reason] |= {d for d in e_days if r.start <= d <= end}
        away = covered["Ferie"] | covered["Feriefridag"] | covered["Omsorgsdag"]
        sick = covered["Egen sygdom"] | covered["§56"] | covered["Arbejdsskade"]
        out["possible"] += m.grade * (len(e_days) - len(away))
        out["sick"] += m.grade * len(sick)
        out["fte_num"] += m.grade * len(e_days)
        for reason in REASONS:
            out["by"][reason] += m.grade * len(covered[reason])
        sick_cal = sorted({r.start + timedelta(days=i) for r in rows
                           if r.key == m.key and r.reason == "Egen sygdom"
                           for i in range(((r.end or r.start) - r.start).days + 1)})
        spells: list[list[date]] = []
        for d in sick_cal:
            if spells and all(not is_working_day(spells[-1][1] + timedelta(days=i))
                              for i in range(1, (d - spells[-1][1]).days)):
                spells[-1][1] = d
            else:
                spells.append([d, d])
        out["spells"] += sum(1 for s, e in spells if p0 <= e <= p1)
    return out


@st.composite
def scenarios(draw):  # type: ignore[no-untyped-def]
    p0 = draw(st.dates(D(2024, 1, 1), D(2024, 11, 30)))
    p1 = p0 + timedelta(days=draw(st.integers(0, 90)))
    near = st.dates(p0 - timedelta(days=40), p1 + timedelta(days=40))
    staff = []
    for i in range(draw(st.integers(1, 6))):
        start = draw(st.none() | near)
        end = draw(st.none() | near)
        if start and end and end < start:
            start, end = end, start
        staff.append(StaffMember(f"k{i}", draw(st.sampled_from(["A", "B", ""])), "", None,
                                 draw(st.sampled_from([0.25, 0.5, 0.8, 1.0])), start, end))
    open_ok = draw(st.booleans())
    rows = []
    for _ in range(draw(st.integers(0, 25))):
        start = draw(near)
        end = None if open_ok and draw(st.integers(0, 9)) == 0 else start + timedelta(
            days=draw(st.integers(0, 20)))
        rows.append(row(f"k{draw(st.integers(0, len(staff)))}", draw(st.sampled_from(REASONS)),
                        start, end))
    return staff, rows, p0, p1


@settings(max_examples=120, deadline=None)
@given(scenarios())
def test_matches_day_by_day_reference(scenario) -> None:  # type: ignore[no-untyped-def]
    staff, rows, p0, p1 = scenario
    stats = compute_stats(staff, rows, p0, p1)
    ref = _reference(staff, rows, p0, p1)
    assert stats.persons == ref["persons"]
    assert stats.possible_days == pytest.approx(ref["possible"])
    assert stats.sick_days == pytest.approx(ref["sick"])
    assert stats.days_by_type == pytest.approx(ref["by"])
    assert sum(stats.sick_days_by_month.values()) == pytest.approx(ref["sick"])
    assert sum(stats.bradford_bands.values()) == stats.persons
    assert sum(stats.duration_bands.values()) == stats.sick_spells
    if all(r.end is not None for r in rows):
        assert stats.sick_spells == ref["spells"]


@settings(max_examples=40, deadline=None)
@given(scenarios())
def test_trend_and_years_agree_with_compute_stats(scenario) -> None:  # type: ignore[no-untyped-def]
    staff, rows, _, _ = scenario
    last = max((r.end or r.start for r in rows), default=None)
    for point in rolling_absence(staff, rows, months=6) + yearly_absence(staff, rows):
        assert last is not None
        stats = compute_stats(staff, rows, point.period_from, point.period_to, data_end=last)
        assert point.persons == stats.persons
        assert point.sick_days == pytest.approx(stats.sick_days)
        assert point.possible_days == pytest.approx(stats.possible_days)


def test_rolling_trend_months() -> None:
    staff = [StaffMember("A")]
    rows = [row("A", "Ferie", D(2022, 1, 3), D(2022, 1, 3)),
            row("A", "Egen sygdom", D(2025, 6, 2), D(2025, 6, 16))]  # data ends mid-June
    points = rolling_absence(staff, rows)
    assert len(points) == 24
    assert points[-1].period_to == D(2025, 5, 31)  # last whole month before the data ends
    assert points[-1].period_from == D(2024, 6, 1)
    assert points[0].period_to == D(2023, 6, 30)
    assert all(p.complete for p in points)
    years = yearly_absence(staff, rows)
    assert [(y.period_from, y.period_to, y.complete) for y in years] == [
        (D(2022, 1, 3), D(2022, 12, 31), False),
        (D(2023, 1, 1), D(2023, 12, 31), True),
        (D(2024, 1, 1), D(2024, 12, 31), True),
        (D(2025, 1, 1), D(2025, 6, 16), False),
    ]
    # 2025 to 16 June: sick 2–6, 10–13 and 16 June (9 June is 2. pinsedag) = 10 days.
    assert years[-1].sick_days == 10
