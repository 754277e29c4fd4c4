"""Write the demo unit's fictional export files: resources/demo/medarbejdere.csv and fravaer.csv.

A made-up children's house ("Børnehuset Æblehaven") with 45 persons in four
teams and four job groups, 1 October 2023 to 30 September 2026, exported the
way Danish Excel saves CSV (semicolons, dd-mm-åååå, decimal comma, UTF-8 with
BOM). The data shows the patterns the data view is meant to reveal: sick
spells peaking on Mondays, one team (the nursery, "Humlebien") with more short
absence, a couple of long spells, one person absent under §56, child's
sickness, parental leave, holidays. Keys are invented; there is no personal
data. Deterministic, so tests can rely on the figures.

    .venv/bin/python benchmarks/make_demo_files.py          # writes resources/demo/
    .venv/bin/python benchmarks/make_demo_files.py --check  # and prints the figures
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST, LAST = date(2023, 10, 1), date(2026, 9, 30)
TEAMS = (("Mariehønen", 12), ("Sommerfuglen", 11), ("Humlebien", 12), ("Græshoppen", 10))
SHORT_ABSENCE_TEAM = "Humlebien"  # the nursery: more infections, more short spells
JOB_GROUPS = (
    ("Pædagog", 18), ("Pædagogmedhjælper", 14), ("Pædagogisk assistent", 8),
    ("Køkken og service", 5),
)
GRADES = ("1", "1", "1", "", "0,95", "0,86", "0,81", "0,76", "0,70")

Row = tuple[str, str, date, date | None]


def _fmt(day: date | None) -> str:
    return "" if day is None else day.strftime("%d-%m-%Y")


def _workday(rng: random.Random, first: date, last: date, monday_bias: float = 0.0) -> date:
    """A random Monday–Friday in [first, last]; ``monday_bias`` adds weight to Mondays."""
    while True:
        day = first + timedelta(days=rng.randrange((last - first).days + 1))
        if day.weekday() < 5 and (day.weekday() == 0 or rng.random() >= monday_bias):
            return day


def _people(rng: random.Random) -> list[dict[str, object]]:
    teams = [team for team, size in TEAMS for _ in range(size)]
    groups = [group for group, size in JOB_GROUPS for _ in range(size)]
    rng.shuffle(groups)
    people: list[dict[str, object]] = []
    for n, (team, group) in enumerate(zip(teams, groups, strict=True)):
        hired = date(2016, 1, 1) + timedelta(days=rng.randrange(2500))
        left = None
        if n % 11 == 4:  # four left during the period and were replaced ...
            left = date(2024, 3, 1) + timedelta(days=rng.randrange(700))
        if n % 11 == 5:  # ... by people hired during it
            hired = date(2024, 2, 1) + timedelta(days=rng.randrange(700))
        people.append({
            "key": f"AE-{1001 + n}", "team": team, "group": group,
            "age": rng.randint(23, 64), "grade": rng.choice(GRADES),
            "from": hired, "to": left,
        })
    return people


def _absences(rng: random.Random, person: dict[str, object], into: list[Row]) -> None:
    key, team, age = str(person["key"]), str(person["team"]), int(person["age"])  # type: ignore[call-overload]
    first = max(FIRST, person["from"])  # type: ignore[type-var]
    last = min(LAST, person["to"] or LAST)  # type: ignore[type-var]
    if last <= first:
        return
    years = ((last - first).days + 1) / 365

    taken: list[tuple[date, date]] = []

    def add(reason: str, start: date, days: int) -> None:
        end = min(last, start + timedelta(days=days - 1))
        if first <= start <= last and not any(s <= end and start <= e for s, e in taken):
            taken.append((start, end))
            into.append((key, reason, start, end))

    rate = 5.5 * rng.gammavariate(2.0, 0.5) * (2.0 if team == SHORT_ABSENCE_TEAM else 1.0)
    for _ in range(round(rate * years)):
        start = _workday(rng, first, last, monday_bias=0.45)
        length = rng.choice((1, 1, 1, 2, 2, 3, 3, 4, 5, 7))
        if rng.random() < 0.04:
            length = rng.randint(15, 26)
        add("Sygdom" if rng.random() < 0.2 else "Egen sygdom", start, length)
    if age < 45:
        for _ in range(round(2.5 * years)):
            add("Barns sygdom", _workday(rng, first, last), rng.choice((1, 1, 2)))
        for _ in range(round(1.5 * years)):
            add("Omsorgsdag", _workday(rng, first, last), 1)
    if age >= 58:
        for _ in range(round(2 * years)):
            add("Seniordag", _workday(rng, first, last), 1)
    for year in range(first.year, last.year + 1):
        monday = date(year, 7, 1) + timedelta(days=(7 - date(year, 7, 1).weekday()) % 7)
        add("Ferie", monday + timedelta(days=7 * rng.randrange(4)), 19)
        autumn = date(year, 10, 13) + timedelta(days=(7 - date(year, 10, 13).weekday()) % 7)
        if rng.random() < 0.6:
            add("Ferie", autumn, 5)
        add("Ferie", date(year, 12, 27), 5)
        for _ in range(rng.choice((1, 2, 3))):
            add("Feriefridag", _workday(rng, date(year, 1, 1), date(year, 12, 31)), 1)


def _special(people: list[dict[str, object]], into: list[Row]) -> None:
    """The few spells a meeting would talk about: long ones, §56, a work injury, parental leave."""
    key = {i: str(p["key"]) for i, p in enumerate(people)}
    into += [
        (key[1], "Egen sygdom", date(2025, 1, 13), date(2025, 3, 16)),    # 9 weeks, stress
        (key[1], "Egen sygdom", date(2025, 3, 17), date(2025, 4, 27)),    # reported as a 2nd row
        (key[26], "Egen sygdom", date(2024, 9, 2), date(2024, 11, 29)),   # knee operation
        (key[30], "Egen sygdom", date(2026, 8, 24), None),                # still sick at export
        (key[17], "Arbejdsskade", date(2025, 5, 5), date(2025, 5, 16)),   # fall on the playground
        (key[8], "Barsel", date(2024, 4, 1), date(2025, 1, 31)),
        (key[39], "Barsel", date(2025, 10, 6), date(2026, 6, 30)),
    ]
    # A chronic illness under §56: single days, a few a year.
    for day in (
        date(2023, 11, 6), date(2024, 1, 22), date(2024, 3, 4), date(2024, 6, 10),
        date(2024, 10, 7), date(2025, 1, 27), date(2025, 4, 7), date(2025, 8, 25),
        date(2025, 11, 3), date(2026, 2, 2), date(2026, 5, 4), date(2026, 9, 7),
    ):
        into.append((key[12], "§56" if day.month % 2 else "§ 56", day, day))


def make_demo_files(out: Path, seed: int = 56) -> tuple[Path, Path]:
    rng = random.Random(seed)
    people = _people(rng)
    rows: list[Row] = []
    for person in people:
        _absences(rng, person, rows)
    _special(people, rows)
    rows.sort(key=lambda r: (r[2], r[0]))
    out.mkdir(parents=True, exist_ok=True)
    staff_path, absence_path = out / "medarbejdere.csv", out / "fravaer.csv"
    with staff_path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(["Medarbejder", "Team", "Faggruppe", "Alder", "Beskæftigelsesgrad",
                         "Ansat fra", "Ansat til"])
        for p in people:
            writer.writerow([p["key"], p["team"], p["group"], p["age"], p["grade"],
                             _fmt(p["from"]), _fmt(p["to"])])  # type: ignore[arg-type]
    with absence_path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(["Medarbejder", "Fraværsårsag", "Fra", "Til"])
        for key, reason, start, end in rows:
            writer.writerow([key, reason, _fmt(start), _fmt(end)])
    return staff_path, absence_path


def _check(staff_path: Path, absence_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from norddjurs_desktop.domain.absence import compute_stats, yearly_absence
    from norddjurs_desktop.importing.absence_export import read_export

    data = read_export(staff_path, absence_path)
    for start, end in ((date(2023, 10, 1), date(2024, 9, 30)), (date(2024, 10, 1),
                       date(2025, 9, 30)), (date(2025, 10, 1), date(2026, 9, 30))):
        s = compute_stats(data.staff, data.absences, start, end, data_end=data.period_to)
        monday = s.weekday_starts["mandag"] / s.sick_spells * 100
        print(f"{start}–{end}: {s.persons} pers, {s.absence_pct:.2f} %, {s.sick_spells} forløb, "
              f"mandag {monday:.0f} %, bands {s.duration_bands}")
        print("   teams", {k: None if v is None else round(v, 1) for k, v in s.by_team.items()})
        print("   faggrupper", {k: None if v is None else round(v, 1)
                                for k, v in s.by_job_group.items()})
    print([round(y.absence_pct or 0, 2) for y in yearly_absence(data.staff, data.absences)])
    print(f"{data.staff_rows} medarbejdere, {data.absence_rows} fraværsrækker")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "demo")
    parser.add_argument("--seed", type=int, default=56)
    parser.add_argument("--check", action="store_true", help="print the figures afterwards")
    args = parser.parse_args()
    staff_path, absence_path = make_demo_files(args.out, args.seed)
    print(f"{staff_path}\n{absence_path}")
    if args.check:
        _check(staff_path, absence_path)


if __name__ == "__main__":
    main()
