"""`import-absence` and `stats` on the command line, and the demo unit's data."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

from norddjurs_desktop.cli import main
from norddjurs_desktop.domain.absence import compute_stats, default_period
from norddjurs_desktop.importing.absence_export import read_export
from norddjurs_desktop.paths import DEMO

STAFF, ABSENCE = DEMO / "medarbejdere.csv", DEMO / "fravaer.csv"
KEYS = {
    "period", "persons", "fte", "possible_days", "sick_days", "absence_pct", "days_per_fte",
    "days_by_type", "sick_spells", "duration_bands", "weekday_starts", "by_team",
    "by_job_group", "by_age_group", "bradford_bands", "contact_milestones",
}


def rows(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("unit", "absence_import", "staff_block", "absence_block")
        }


def import_demo_files(db: Path, unit: str = "Børnehuset") -> int:
    return main(["import-absence", "--db", str(db), "--unit", unit,
                 "--staff", str(STAFF), "--absence", str(ABSENCE)])


def test_import_then_stats_as_json(tmp_path: Path, capsys) -> None:
    db = tmp_path / "f.sqlite"
    assert import_demo_files(db) == 0
    out = capsys.readouterr().out
    data = read_export(STAFF, ABSENCE)
    assert "Børnehuset" in out and f"{len(data.staff)} personer" in out
    assert f"{data.period_from:%d-%m-%Y} – 30-09-2026" in out

    assert main(["stats", "--db", str(db), "--unit", "Børnehuset", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) == KEYS
    period = default_period(data.absences)
    assert period is not None
    expected = compute_stats(data.staff, data.absences, *period, data_end=data.period_to)
    assert figures["persons"] == expected.persons
    assert figures["sick_days"] == expected.sick_days
    assert figures["period"] == {"from": period[0].isoformat(), "to": period[1].isoformat()}
    assert set(figures["weekday_starts"]) == {
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    }

    args = ["stats", "--db", str(db), "--unit", "Børnehuset", "--from", "01-01-2024",
            "--to", "2024-12-31", "--team", "Humlebien", "--json"]
    assert main(args) == 0
    team = json.loads(capsys.readouterr().out)
    expected = compute_stats(data.staff, data.absences, date(2024, 1, 1), date(2024, 12, 31),
                             team="Humlebien", data_end=data.period_to)
    team.pop("contact_milestones")  # checked in test_contact_cli
    assert team == json.loads(json.dumps(expected.to_json_dict()))
    assert list(team["by_team"]) == ["Humlebien"]

    assert main(["stats", "--db", str(db), "--unit", "Børnehuset"]) == 0
    table = capsys.readouterr().out
    assert "Fraværsprocent" in table and "%" in table and "Humlebien" in table


def test_reimport_replaces(tmp_path: Path, capsys) -> None:
    db = tmp_path / "f.sqlite"
    assert import_demo_files(db) == 0
    before = rows(db)
    assert import_demo_files(db) == 0
    assert "erstatter" in capsys.readouterr().out
    assert rows(db) == before


def one_error_line(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fejl: ")
    return lines[0]


def test_a_bad_file_exits_2_and_stores_nothing(tmp_path: Path, capsys) -> None:
    db = tmp_path / "f.sqlite"
    bad = tmp_path / "fravaer.csv"
    bad.write_text("Medarbejder;Fraværsårsag;Fra;Til\nXX-1;Sygdom;05-02-2024;06-02-2024\n",
                   encoding="utf-8")
    args = ["import-absence", "--db", str(db), "--unit", "Ny enhed", "--staff", str(STAFF),
            "--absence", str(bad)]
    assert main(args) == 2
    line = one_error_line(capsys)
    assert "fravaer.csv" in line and "række 2" in line and "XX-1" in line
    assert rows(db) == dict.fromkeys(("unit", "absence_import", "staff_block",
                                      "absence_block"), 0)

    assert import_demo_files(db) == 0
    capsys.readouterr()
    before = rows(db)
    args[4] = "Børnehuset"
    assert main(args) == 2
    one_error_line(capsys)
    assert rows(db) == before


def test_stats_errors_are_one_danish_line(tmp_path: Path, capsys) -> None:
    db = tmp_path / "f.sqlite"
    assert main(["stats", "--db", str(db), "--unit", "X", "--json"]) == 2
    assert "findes ikke" in one_error_line(capsys)
    assert not db.exists()
    assert main(["list", "--db", str(db)]) == 0  # creates an empty database
    assert main(["import-absence", "--db", str(db), "--unit", "Tom", "--staff", str(STAFF),
                 "--absence", str(ABSENCE)]) == 0
    capsys.readouterr()
    for args, words in (
        (["--unit", "Ukendt"], "ingen enhed"),
        (["--unit", "Tom", "--from", "31-02-2024"], "gyldig dato"),
        (["--unit", "Tom", "--team", "Ingen"], "Ingen"),
    ):
        assert main(["stats", "--db", str(db), *args, "--json"]) == 2
        assert words in one_error_line(capsys)
    from norddjurs_desktop.services.bootstrap import open_app_database
    from norddjurs_desktop.services.units import create_unit

    database = open_app_database(db)
    try:
        create_unit(database, "Uden data")
    finally:
        database.close()
    assert main(["stats", "--db", str(db), "--unit", "Uden data", "--json"]) == 2
    assert "ingen importerede fraværsdata" in one_error_line(capsys)


def test_the_demo_unit_has_data_and_an_action_from_it(tmp_path: Path, capsys) -> None:
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["stats", "--db", str(db), "--unit", "Eksempel: Børnehuset Æblehaven",
                 "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["persons"] >= 40 and 5 < figures["absence_pct"] < 9
    monday = round(figures["weekday_starts"]["mandag"] / figures["sick_spells"] * 100)
    with closing(sqlite3.connect(db)) as conn:
        references = [r[0] for r in conn.execute(
            "SELECT data_reference FROM action WHERE data_reference IS NOT NULL")]
    assert len(references) == 1
    reference = json.loads(references[0])
    assert reference["chart"] == "Ugedag for første sygedag"
    assert reference["figure"] == f"{monday} % af forløbene starter mandag"


def test_the_import_summary_counts_in_danish(tmp_path: Path, capsys) -> None:
    staff = tmp_path / "medarbejdere.csv"
    absence = tmp_path / "fravaer.csv"
    rows = [f"P{i:04d};Team {i % 3};Pædagog;40;1;;" for i in range(1200)]
    staff.write_text("Medarbejder;Team;Faggruppe;Alder;Beskæftigelsesgrad;Ansat fra;Ansat til\n"
                     + "\n".join(rows) + "\n", encoding="utf-8")
    absence.write_text("Medarbejder;Fraværsårsag;Fra;Til\nP0001;Egen sygdom;03-03-2025;"
                       "04-03-2025\n", encoding="utf-8")
    assert main(["import-absence", "--db", str(tmp_path / "f.sqlite"), "--unit", "Stor",
                 "--staff", str(staff), "--absence", str(absence)]) == 0
    out = capsys.readouterr().out
    assert "1.200 personer, 1 fraværsrække, perioden" in out
