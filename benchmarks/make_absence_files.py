"""Generate a municipality-sized, fully synthetic staff list and absence export.

The pair of CSV files looks like a real export (semicolon-separated, Danish
dates, decimal comma) so the importer and the figures can be timed and tried
on realistic volumes: 5,000 staff in ~40 teams and 8 job groups, part-time
grades, people hired and leaving, three years of absence with many short
sick spells peaking on Mondays, some long ones, child's sickness, holidays,
care and senior days, parental leave and §56. Keys are made up ("M00001");
there is no personal data. Deterministic for a given seed.

    python benchmarks/make_absence_files.py --out /tmp/fravaer --staff 5000 --seed 1 [--xlsx]

With ``--xlsx`` the same rows are also written as medarbejdere.xlsx and
fravaer.xlsx the way an HR system's Excel export holds them: dates as date
cells, ages and grades as numbers (openpyxl, a test dependency, writes them).
"""

from __future__ import annotations

import argparse
import csv
import math
import random
from datetime import date, timedelta
from pathlib import Path

JOB_GROUPS = (
    "Social- og sundhedshjælper", "Social- og sundhedsassistent", "Pædagog",
    "Pædagogmedhjælper", "Sygeplejerske", "Lærer", "Administrativ medarbejder",
    "Teknisk servicemedarbejder",
)
PLACES = ("Solbakken", "Grenaa", "Auning", "Allingåbro", "Ørum", "Glesborg", "Vivild", "Ørsted")
UNITS = ("Plejecenter", "Hjemmepleje", "Børnehus", "Skole", "Administration")
END = date(2025, 6, 30)


def _fmt(day: date | None) -> str:
    return "" if day is None else day.strftime("%d-%m-%Y")


def _grade(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return "1" if rng.random() < 0.8 else ""
    hours = rng.choice((18.5, 20, 24, 25, 28, 30, 32, 34, 35))
    return f"{hours / 37:.2f}".replace(".", ",")


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method; the means here are small."""
    limit, product, count = math.exp(-mean), rng.random(), 0
    while product > limit:
        product *= rng.random()
        count += 1
    return count


def _weekday_start(rng: random.Random, first: date, last: date, monday_bias: float) -> date:
    """A random working-week day, with extra weight on Mondays."""
    while True:
        day = first + timedelta(days=rng.randrange((last - first).days + 1))
        if day.weekday() >= 5:
            continue
        if day.weekday() == 0 or rng.random() > monday_bias:
            return day


def make_files(
    out: Path, staff_count: int = 5000, seed: int = 1, years: int = 3
) -> tuple[Path, Path]:
    """Write medarbejdere.csv and fravaer.csv into ``out``; return their paths."""
    rng = random.Random(seed)
    first = date(END.year - years, END.month, END.day) + timedelta(days=1)
    teams = [f"{unit} {place}" for unit in UNITS for place in PLACES][:40]
    out.mkdir(parents=True, exist_ok=True)
    staff_path, absence_path = out / "medarbejdere.csv", out / "fravaer.csv"
    absences: list[tuple[str, str, date, date | None]] = []
    with staff_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Medarbejder", "Team", "Faggruppe", "Alder", "Beskæftigelsesgrad",
                         "Ansat fra", "Ansat til"])
        for n in range(1, staff_count + 1):
            key = f"M{n:05d}"
            age = rng.randint(20, 67)
            hired = (first + timedelta(days=rng.randrange(years * 365))
                     if rng.random() < 0.18 else None)
            if hired is None and rng.random() < 0.5:
                hired = first - timedelta(days=rng.randrange(30, 8000))
            left = (first + timedelta(days=rng.randrange(years * 365))
                    if rng.random() < 0.14 else None)
            if hired and left and left < hired:
                hired, left = left, hired
            writer.writerow([key, rng.choice(teams), rng.choice(JOB_GROUPS), age, _grade(rng),
                             _fmt(hired), _fmt(left)])
            _absences(rng, key, age, max(first, hired or first), min(END, left or END), absences)
    with absence_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Medarbejder", "Fraværsårsag", "Fra", "Til"])
        for key, reason, start, end in absences:
            writer.writerow([key, reason, _fmt(start), _fmt(end)])
    return staff_path, absence_path


def make_xlsx(staff_csv: Path, absence_csv: Path) -> tuple[Path, Path]:
    """The same data as the CSV pair, as two workbooks with typed cells."""
    from datetime import datetime

    from openpyxl import Workbook

    def typed(text: str) -> object:
        if len(text) == 10 and text[2] == "-" and text[5] == "-":
            return datetime.strptime(text, "%d-%m-%Y")
        if text.isdigit():
            return int(text)
        if text.replace(",", "", 1).isdigit():
            return float(text.replace(",", "."))
        return text or None

    written = []
    for source in (staff_csv, absence_csv):
        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        with source.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle, delimiter=";")
            sheet.append(next(rows))
            for row in rows:
                sheet.append([typed(cell) for cell in row])
        target = source.with_suffix(".xlsx")
        book.save(target)
        written.append(target)
    return written[0], written[1]


def _absences(
    rng: random.Random, key: str, age: int, first: date, last: date,
    into: list[tuple[str, str, date, date | None]],
) -> None:
    if last <= first:
        return
    years = (last - first).days / 365
    proneness = rng.gammavariate(1.6, 1 / 1.6)  # a few people have most short spells

    def add(reason: str, start: date, days: int, may_be_open: bool = False) -> None:
        if start > last:
            return
        end = start + timedelta(days=days - 1)
        if end > last:
            end = last
            if may_be_open:
                into.append((key, reason, start, None))
                return
        into.append((key, reason, start, end))

    for _ in range(_poisson(rng, 5.0 * proneness * years)):
        start = _weekday_start(rng, first, last, monday_bias=0.35)
        if rng.random() < 0.04:
            add("Egen sygdom", start, rng.randint(15, 200), may_be_open=True)
            continue
        length = min(rng.choice((1, 1, 1, 2, 2, 3, 3, 4, 5, 7, 10)), 14)
        if length > 3 and rng.random() < 0.3:  # reported as two rows, e.g. split over a weekend
            add("Sygdom", start, 2)
            add("Egen sygdom", start + timedelta(days=2), length - 2)
        else:
            add("Egen sygdom", start, length)
    for _ in range(round(1.8 * years * rng.random() * 2 if age < 50 else 0.2 * years)):
        add("Barns sygdom", _weekday_start(rng, first, last, 0.2), 1)
    for year in range(first.year, last.year + 1):
        summer = date(year, 7, 1) + timedelta(days=rng.randrange(40))
        if first <= summer <= last:
            add("Ferie", summer, 21)
        for _ in range(2):
            day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
            if first <= day <= last:
                add("Ferie", day, rng.choice((1, 3, 5, 7)))
        for _ in range(rng.choice((0, 1, 2))):
            day = _weekday_start(rng, date(year, 1, 1), date(year, 12, 31), 0)
            if first <= day <= last:
                add("Feriefridag", day, 1)
        if age < 45 and rng.random() < 0.3:
            day = _weekday_start(rng, date(year, 1, 1), date(year, 12, 31), 0)
            if first <= day <= last:
                add("Omsorgsdag", day, 1)
        if age >= 58:
            for _ in range(2):
                day = _weekday_start(rng, date(year, 1, 1), date(year, 12, 31), 0)
                if first <= day <= last:
                    add("Seniordag", day, 1)
    if age < 42 and rng.random() < 0.06:
        add("Barsel", _weekday_start(rng, first, last, 0), rng.randint(120, 330), may_be_open=True)
    if rng.random() < 0.02:
        for _ in range(rng.randint(2, 8)):
            add("§ 56", _weekday_start(rng, first, last, 0), 1)
    if rng.random() < 0.005:
        add("Arbejdsskade", _weekday_start(rng, first, last, 0), rng.randint(2, 30))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--staff", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--xlsx", action="store_true", help="also write the pair as XLSX")
    args = parser.parse_args()
    staff_path, absence_path = make_files(args.out, args.staff, args.seed)
    if args.xlsx:
        print("\n".join(str(p) for p in make_xlsx(staff_path, absence_path)))
    with absence_path.open(encoding="utf-8") as handle:
        rows = sum(1 for _ in handle) - 1
    print(f"{staff_path} ({args.staff} medarbejdere)\n{absence_path} ({rows} fraværsrækker)")


if __name__ == "__main__":
    main()
