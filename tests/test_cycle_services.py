"""From meeting to meeting: the follow-up reviews the last plan, carries actions on,
shows what changed, and the actions leave the app as XLSX, CSV and a calendar file."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from norddjurs_desktop.services import actions, screenings, units
from norddjurs_desktop.services.action_exports import export_actions, export_calendar
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.services.errors import ValidationError
from norddjurs_desktop.services.followup import (
    carried_origins,
    carry_over,
    list_reviews,
    review_action,
    start_follow_up,
)
from norddjurs_desktop.services.history import score_changes, unit_history
from norddjurs_desktop.services.plan import build_action_plan, export_plan

# Every use case here runs on a SQLite file and on the PostgreSQL test server.
pytestmark = pytest.mark.both_databases

FIRST = date(2026, 1, 12)
LATER = date(2026, 7, 6)
WHAT = ("Fraværstal på hvert TRIO-møde", "Fast plan for dækning om mandagen",
        "Velkomstsamtale efter langt fravær")


def _action(what: str, deadline: date, status: str = "ikke startet") -> ActionData:
    return ActionData(id=None, theme_key="data", problem="Vi ser ikke tallene.", action=what,
                      owner="Leder", deadline=deadline, follow_up=date(2026, 6, 1),
                      status=status, success="Tallene er vist tre gange.")


@pytest.fixture
def unit(db) -> tuple[int, int]:
    unit_id = units.create_unit(db, "Plejecentret Åbo")
    first = screenings.create_screening(db, unit_id, on=FIRST, forum="MED-udvalg")
    screenings.add_participant(db, first, "Søren Ærø", "Leder")
    screenings.add_participant(db, first, "Bodil Ås", "AMR")
    screenings.set_score(db, first, "data", 2)
    screenings.set_score(db, first, "culture", 4)
    for index, what in enumerate(WHAT):
        actions.add_action(db, first, _action(what, date(2026, 2, 1 + index), "i gang"))
    screenings.update_preparation(db, first, next_follow_up=date(2026, 7, 1))
    return unit_id, first


def test_a_follow_up_reviews_the_last_plan_and_carries_an_action_on(
    db, unit: tuple[int, int], tmp_path: Path
) -> None:
    unit_id, first = unit
    new = start_follow_up(db, unit_id, on=LATER)
    data = screenings.get_screening(db, new)
    assert data.forum == "MED-udvalg" and data.date == LATER
    assert [(p.name, p.role) for p in data.participants] == [("Søren Ærø", "Leder"),
                                                           ("Bodil Ås", "AMR")]
    reviews = list_reviews(db, new)
    assert [r.action.action for r in reviews] == list(WHAT)
    done, carried, dropped = (r.action.id for r in reviews)
    assert done and carried and dropped
    review_action(db, new, done, status="gennemført", effect="ja", comment="Virker fint.")
    review_action(db, new, dropped, status="opgivet", effect="nej")
    copy = carry_over(db, new, carried).value
    assert carry_over(db, new, carried).value.id == copy.id  # twice gives the same copy

    # the previous plan shows the new statuses; the new plan has the carried action
    assert [a.status for a in actions.list_actions(db, first)] == [
        "gennemført", "i gang", "opgivet"]
    assert [a.action for a in actions.list_actions(db, new)] == [WHAT[1]]
    assert carried_origins(db, new) == {copy.id: FIRST}
    with pytest.raises(ValidationError):
        carry_over(db, new, done)  # a finished action is not carried on
    with pytest.raises(ValidationError):
        review_action(db, new, done, effect="måske")

    screenings.set_score(db, new, "data", 3)
    screenings.set_score(db, new, "culture", 4)
    text = " ".join(
        " ".join((p.extract_text() or "").split())
        for p in __import__("pypdf").PdfReader(export_plan(db, new, tmp_path / "p.pdf")).pages
    )
    assert "Opfølgning på sidste handlingsplan" in text and "Udvikling siden sidst" in text
    assert text.index("Udvikling siden sidst") < text.index("Paletten – overblik")
    assert "Virker fint." in text and "videreført fra 12-01-2026" in text
    assert re.search(r"Brug af data 2 3 ↑ bedre", text)
    assert re.search(r"Kultur for fravær 4 4 = uændret", text)


def test_bad_follow_ups_are_refused_and_change_nothing(db, unit: tuple[int, int]) -> None:
    unit_id, _first = unit
    with pytest.raises(ValidationError, match="kan ikke ligge før"):
        start_follow_up(db, unit_id, on=date(2025, 12, 1))
    empty = units.create_unit(db, "Tom enhed")
    with pytest.raises(ValidationError, match="intet at følge op på"):
        start_follow_up(db, empty, on=LATER)
    assert len(unit_history(db, unit_id)) == 1


def test_history_and_changes_across_screenings(db, unit: tuple[int, int]) -> None:
    unit_id, first = unit
    new = start_follow_up(db, unit_id, on=LATER)
    screenings.set_score(db, new, "data", 4)
    review_action(db, new, actions.list_actions(db, first)[0].id or 0, status="gennemført")
    history = unit_history(db, unit_id)
    assert [h.id for h in history] == [first, new]
    assert history[0].as_json()["date"] == "2026-01-12"
    assert history[0].scores["data"] == 2 and history[0].scores["handling"] is None
    assert (history[0].actions_open, history[0].actions_done) == (2, 1)
    change = next(c for c in score_changes(db, new) if c.key == "data")
    assert (change.previous, change.current, change.arrow) == (2, 4, "↑")


def test_xlsx_read_back_equals_the_plan(db, unit: tuple[int, int], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _unit_id, first = unit
    out = export_actions(db, first, tmp_path / "handlinger.xlsx")
    sheet = load_workbook(out)["Handlinger"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:8] == ("Tema", "Problem (hvorfor)", "Handling (hvad)", "Ansvarlig",
                           "Deadline", "Opfølgning", "Status", "Succes-kriterium")
    plan = build_action_plan(db, first)
    assert len(rows) == 1 + len(plan.actions)
    for row, action in zip(rows[1:], plan.actions, strict=True):
        assert row[0] == action.theme_title and row[2] == action.action
        assert row[1] == action.problem and row[3] == action.owner
        assert row[4].date() == action.deadline and row[5].date() == action.follow_up
        assert row[6] == action.status and row[7] == action.success
    assert sheet["E2"].number_format == "dd-mm-yyyy"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet["C2"].alignment.wrap_text


def test_csv_opens_in_a_danish_excel(db, unit: tuple[int, int], tmp_path: Path) -> None:
    _unit_id, first = unit
    raw = export_actions(db, first, tmp_path / "handlinger.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][1] == "Problem (hvorfor)" and rows[1][2] == WHAT[0]
    assert rows[1][4] == "01-02-2026"
    with pytest.raises(ValidationError):
        export_actions(db, first, tmp_path / "handlinger.txt")


def test_calendar_has_one_event_per_date_and_is_stable(
    db, unit: tuple[int, int], tmp_path: Path
) -> None:
    from icalendar import Calendar

    unit_id, first = unit
    one, _ = export_calendar(db, unit_id, tmp_path / "a.ics")
    two, count = export_calendar(db, unit_id, tmp_path / "b.ics")
    assert one.read_bytes() == two.read_bytes()  # DTSTAMP is the plan's last change
    events = list(Calendar.from_ical(one.read_bytes()).walk("VEVENT"))
    # three open actions × (deadline, follow-up) + the next follow-up meeting
    assert count == len(events) == 7
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert f"Deadline: {WHAT[0]}" in summaries and f"Opfølgning: {WHAT[2]}" in summaries
    assert "Opfølgningsmøde: Plejecentret Åbo" in summaries
    starts = [e.decoded("DTSTART") for e in events]
    assert all(type(d) is date for d in starts)  # all-day events, not a time of day
    assert len({str(e["UID"]) for e in events}) == 7
    # a finished action leaves the calendar; the others keep their UIDs
    first_action = actions.list_actions(db, first)[0]
    actions.update_action(db, ActionData(**{**first_action.__dict__, "status": "gennemført"}))
    three, count = export_calendar(db, unit_id, tmp_path / "c.ics")
    later = {str(e["UID"]) for e in Calendar.from_ical(three.read_bytes()).walk("VEVENT")}
    assert count == 5 and later < {str(e["UID"]) for e in events}
    assert b"S\xc3\xb8ren" not in three.read_bytes()  # participants never go in
