"""The contact model from the command line and on paper: JSON, .ics, PDF, poster, stats."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from norddjurs_desktop.cli import main
from norddjurs_desktop.domain.contact_milestones import count_milestones
from norddjurs_desktop.importing.absence_export import read_export
from norddjurs_desktop.paths import DEMO
from norddjurs_desktop.services import contact
from norddjurs_desktop.storage.database import open_database, upgrade_to

A4_POINTS = (595.28, 841.89)
A3_POINTS = (841.89, 1190.55)


def run_json(capsys, *args: str) -> dict:
    assert main(["contact-plan", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_contact_plan_json_has_the_fixed_shape(capsys) -> None:
    data = run_json(capsys, "--first-day", "2026-04-02")
    assert set(data) == {"contacts", "alerts"}
    assert [c["day"] for c in data["contacts"]] == [1, 3, 10]
    assert data["contacts"][1] == {
        "day": 3, "date": "2026-04-04", "planned": "2026-04-07",
        "text": data["contacts"][1]["text"],
    }
    assert all(c["text"] for c in data["contacts"])
    labels = [a["label"] for a in data["alerts"]]
    assert labels[:5] == ["3 dage", "10 dage", "28 dage", "2 måneder", "3 måneder"]
    assert labels[-1] == "12 måneder"
    dates = [a["date"] for a in data["alerts"]]
    assert dates == sorted(dates) and dates[-1] == "2027-04-02"
    assert set(data["alerts"][0]) == {"label", "date", "text"}


def test_own_days_on_the_command_line(capsys) -> None:
    data = run_json(capsys, "--first-day", "06-03-2026", "--days", "1,5,14")
    assert [(c["day"], c["planned"]) for c in data["contacts"]] == [
        (1, "2026-03-06"), (5, "2026-03-10"), (14, "2026-03-19"),
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["--first-day", "2026-02-30"],
        ["--first-day", "i morgen"],
        ["--first-day", "2026-03-02", "--days", "1,tre,10"],
        ["--first-day", "2026-03-02", "--days", "0,3"],
        ["--first-day", "2026-03-02", "--days", ""],
    ],
)
def test_a_bad_date_or_day_list_is_one_danish_line_and_exit_2(capsys, args) -> None:
    assert main(["contact-plan", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fejl:")
    assert "Traceback" not in captured.err


def test_the_calendar_file_has_one_reminder_at_nine_on_each_date(tmp_path: Path, capsys) -> None:
    from icalendar import Calendar

    out = tmp_path / "plan.ics"
    assert main(["contact-plan", "--first-day", "2026-04-02", "--ics", str(out)]) == 0
    assert "Kalenderfilen er gemt" in capsys.readouterr().out
    calendar = Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    plan = contact.contact_plan(None, date(2026, 4, 2))
    expected = {c.planned for c in plan.contacts} | {a.date for a in plan.alerts}
    starts = [event.decoded("dtstart") for event in events]
    assert sorted(starts) == sorted(expected)  # one event per date, none twice
    for event in events:
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert alarms[0].decoded("trigger").total_seconds() == 9 * 3600  # 9:00 that day
    # day 1 and day 3 are both planned on Tuesday 7 April: one event names both
    tuesday = next(e for e in events if e.decoded("dtstart") == date(2026, 4, 7))
    assert "dag 1" in str(tuesday.get("summary")) and "dag 3" in str(tuesday.get("summary"))


def test_the_plan_pdf_is_one_a4_page_with_the_label(tmp_path: Path, capsys) -> None:
    out = tmp_path / "plan.pdf"
    args = ["contact-plan", "--first-day", "2026-04-02", "--pdf", str(out), "--label", "Team Syd"]
    assert main(args) == 0
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == A4_POINTS
    text = reader.pages[0].extract_text()
    assert "Team Syd" in text and "13-04-2026" in text and "12 måneder" in text


@pytest.mark.parametrize(("size", "points"), [("A4", A4_POINTS), ("A3", A3_POINTS)])
def test_the_poster_is_one_portrait_page_of_the_size_asked_for(tmp_path, capsys, size, points):
    out = tmp_path / f"plakat-{size}.pdf"
    assert main(["poster", "--size", size, "--out", str(out)]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == points
    text = reader.pages[0].extract_text()
    for words in ("1-3-10", "DAG", "28 dage", "3 måneder", "Hver måned"):
        assert words in text


def test_a_poster_size_that_does_not_exist_is_refused(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["poster", "--size", "A5", "--out", str(tmp_path / "x.pdf")])
    assert stop.value.code == 2
    assert capsys.readouterr().err.startswith("Fejl:")
    assert not (tmp_path / "x.pdf").exists()


def test_the_chosen_model_survives_reopening_and_reaches_plan_and_poster(
    tmp_path: Path, capsys
) -> None:
    path = tmp_path / "valg.sqlite"
    db = open_database(path)
    assert contact.get_model_choice(db).key == "1-3-10"
    contact.set_model_choice(db, "1-5-14")
    db.close()
    db = open_database(path)
    assert contact.get_model_choice(db) == contact.ModelChoice("1-5-14")
    contact.set_model_choice(db, "egne", [1, 4, 12])
    db.close()
    db = open_database(path)
    assert contact.get_model_choice(db) == contact.ModelChoice("egne", (1, 4, 12))
    with pytest.raises(contact.ValidationError):
        contact.set_model_choice(db, "egne", [0, 4])
    with pytest.raises(contact.ValidationError):
        contact.set_model_choice(db, "1-2-3")
    assert contact.get_model_choice(db).days == (1, 4, 12)  # a refusal changes nothing
    db.close()

    before = path.read_bytes()
    data = run_json(capsys, "--first-day", "2026-03-02", "--db", str(path), "--label", "X")
    assert [c["day"] for c in data["contacts"]] == [1, 4, 12]
    assert path.read_bytes() == before  # a plan stores nothing
    out = tmp_path / "plakat.pdf"
    assert main(["poster", "--size", "A4", "--out", str(out), "--db", str(path)]) == 0
    assert "1-4-12" in PdfReader(out).pages[0].extract_text()


def test_a_file_from_before_the_setting_is_upgraded_to_hold_it(tmp_path: Path) -> None:
    path = tmp_path / "gammel.sqlite"
    upgrade_to(path, "0002")
    db = open_database(path)
    try:
        assert db.backup is not None
        assert contact.get_model_choice(db).key == "1-3-10"
        contact.set_model_choice(db, "2-6-14")
        assert contact.chosen_model(db).days == (2, 6, 14)
    finally:
        db.close()


def test_stats_json_counts_the_spells_that_reached_each_step(tmp_path: Path, capsys) -> None:
    db = tmp_path / "f.sqlite"
    staff, absence = DEMO / "medarbejdere.csv", DEMO / "fravaer.csv"
    assert main(["import-absence", "--db", str(db), "--unit", "Børnehuset",
                 "--staff", str(staff), "--absence", str(absence)]) == 0
    capsys.readouterr()
    args = ["stats", "--db", str(db), "--unit", "Børnehuset", "--from", "2025-01-01",
            "--to", "2025-12-31", "--json"]
    assert main(args) == 0
    figures = json.loads(capsys.readouterr().out)
    found = figures["contact_milestones"]
    assert list(found) == ["dag 3", "dag 10", "dag 28", "2 måneder", "3 måneder"]
    data = read_export(staff, absence)
    expected = count_milestones(data.staff, data.absences, date(2025, 1, 1),
                                date(2025, 12, 31), data_end=data.period_to)
    assert found == expected.reached
    assert found["dag 3"] >= found["dag 10"] >= found["dag 28"] >= found["2 måneder"] > 0
    assert found["dag 3"] <= figures["sick_spells"]


def test_a_file_that_cannot_be_written_is_one_danish_line(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "findes-ikke" / "plan.ics"
    assert main(["contact-plan", "--first-day", "2026-03-02", "--ics", str(missing)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Fejl: Kan ikke skrive kalenderfilen")
    assert main(["poster", "--size", "A4", "--out", str(tmp_path / "nej" / "p.pdf")]) == 2
    assert capsys.readouterr().err.startswith("Fejl: Kan ikke skrive plakaten")
    assert main(["contact-plan", "--first-day", "2026-03-02", "--db",
                 str(tmp_path / "ingen.sqlite")]) == 2
    assert "findes ikke" in capsys.readouterr().err
    assert not (tmp_path / "ingen.sqlite").exists()
