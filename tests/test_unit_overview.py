"""HR's overview of every unit tells each unit's own story: the same scores, trend,
follow-up, actions and absence as the unit's own history, due list and data view —
on screen, on the command line, in the spreadsheet and in the HU's PDF."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from norddjurs_desktop.cli import main
from norddjurs_desktop.domain.due import KIND_DEADLINE, is_overdue
from norddjurs_desktop.domain.palette import PALETTE_KEYS
from norddjurs_desktop.domain.unit_overview import (
    absence_words,
    follow_up_words,
    needs_support,
)
from norddjurs_desktop.paths import DEMO
from norddjurs_desktop.services import screenings, units
from norddjurs_desktop.services.absence import import_absence_files, unit_stats
from norddjurs_desktop.services.actions import add_action
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.services.due_overview import due_overview
from norddjurs_desktop.services.followup import carry_over, start_follow_up
from norddjurs_desktop.services.history import score_changes, unit_history
from norddjurs_desktop.services.unit_overview import build_unit_overview, export_unit_overview
from norddjurs_desktop.services.unit_status import unit_status
from norddjurs_desktop.storage.models import Unit

TODAY = date(2026, 12, 1)
JSON_KEYS = {"unit", "area", "latest_screening", "scores", "previous_scores", "next_follow_up",
             "open_actions", "overdue_actions", "absence_pct"}


def _action(text: str, status: str, deadline: date | None) -> ActionData:
    return ActionData(id=None, theme_key="data", problem="", action=text, owner="Leder",
                      deadline=deadline, follow_up=None, status=status, success="")


def _set_area(db, unit_id: int, area: str) -> None:
    with db.session() as session:
        unit = session.get(Unit, unit_id)
        unit.area = area
        session.add(unit)


def build_three_units(db) -> dict[str, int]:
    """Three units with two screenings each (and one without any), through the services."""
    plans = {
        # unit: (first scores, second scores, area)
        "Børnehuset Solsikken": ([2, 2, 3, 4, 3, 3, 1, 4], [3, 2, 3, 3, 3, 4, 2, 4], "Børn"),
        "Hjemmeplejen Nord": ([4, 1, 2, 2, 5, 3, 3, 3], [4, 4, 1, None, 5, 2, 3, 3], "Omsorg"),
        "Ærø Skole": ([5, 5, 5, 5, 5, 5, 5, 5], [1, 3, 4, 5, 2, 3, 4, 5], "Børn"),
    }
    ids: dict[str, int] = {}
    for n, (name, (first, second, area)) in enumerate(plans.items()):
        unit_id = units.create_unit(db, name)
        _set_area(db, unit_id, area)
        ids[name] = unit_id
        day = date(2026, 2, 1) + timedelta(days=7 * n)
        sid = screenings.create_screening(db, unit_id, on=day)
        for key, score in zip(PALETTE_KEYS, first, strict=True):
            screenings.set_score(db, sid, key, score)
        kept = add_action(db, sid, _action("Fast plan for dækning", "i gang",
                                           day + timedelta(days=40)))
        add_action(db, sid, _action("Fraværssamtaler", "gennemført", day + timedelta(days=30)))
        add_action(db, sid, _action("Tal om fravær i MED", "ikke startet", None))
        follow = start_follow_up(db, unit_id, on=day + timedelta(days=180))
        for key, score in zip(PALETTE_KEYS, second, strict=True):
            screenings.set_score(db, follow, key, score)
        if n != 1:  # carried on: the copy in the new plan stands for it
            carry_over(db, follow, kept.value.id)
        add_action(db, follow, _action("Velkomst efter sygdom", "i gang",
                                       TODAY + timedelta(days=10 * (n - 1))))
        screenings.update_preparation(db, follow,
                                      next_follow_up=TODAY + timedelta(days=20 - 15 * n))
    ids["Tom enhed"] = units.create_unit(db, "Tom enhed")
    return ids


@pytest.mark.both_databases
def test_each_row_equals_the_units_own_history(db) -> None:
    ids = build_three_units(db)
    overview = build_unit_overview(db, TODAY)
    rows = {row.unit: row for row in overview.rows}
    assert set(rows) == set(ids)
    for name, unit_id in ids.items():
        row, history = rows[name], unit_history(db, unit_id)
        if not history:
            assert row.latest_screening is None and row.next_follow_up is None
            assert set(row.scores.values()) == {None} == set(row.previous_scores.values())
            continue
        latest, previous = history[-1], history[-2]
        assert (row.latest_screening, row.previous_screening) == (latest.date, previous.date)
        assert row.scores == latest.scores
        assert row.previous_scores == previous.scores
        assert row.next_follow_up == screenings.get_screening(db, latest.id).next_follow_up
        # the trend is the arrow the unit's own follow-up meeting shows
        for change in score_changes(db, latest.id):
            assert row.trend(change.key) == change.arrow
    assert rows["Hjemmeplejen Nord"].area == "Omsorg" and rows["Tom enhed"].area == ""
    # Danish alphabetical order: Æ after the rest
    assert [r.unit for r in overview.rows][-1] == "Ærø Skole"


@pytest.mark.both_databases
def test_open_and_overdue_actions_equal_the_due_list_and_the_home(db) -> None:
    ids = build_three_units(db)
    rows = {row.unit: row for row in build_unit_overview(db, TODAY).rows}
    due = [item for item in due_overview(db) if item.kind == KIND_DEADLINE]
    for name, unit_id in ids.items():
        status = unit_status(db, unit_id, TODAY)
        assert status is not None
        assert (rows[name].open_actions, rows[name].overdue_actions) == (
            status.open_actions, status.overdue_actions)
        late = {i.action_id for i in due if i.unit_name == name and is_overdue(i.day, TODAY)}
        assert rows[name].overdue_actions == len(late)
    # a carried action counts once (its copy), a finished one never
    assert rows["Børnehuset Solsikken"].open_actions == 3
    assert rows["Hjemmeplejen Nord"].open_actions == 3
    assert rows["Tom enhed"].open_actions == 0


@pytest.mark.both_databases
def test_an_overdue_follow_up_is_said_in_words(db) -> None:
    ids = build_three_units(db)
    rows = {row.unit: row for row in build_unit_overview(db, TODAY).rows}
    late = rows["Ærø Skole"]  # follow-up set 10 days before TODAY
    assert late.next_follow_up == TODAY - timedelta(days=10)
    assert late.follow_up_overdue(TODAY)
    assert follow_up_words(late.next_follow_up, TODAY) == "overskredet med 10 dage"
    soon = rows["Børnehuset Solsikken"]
    assert not soon.follow_up_overdue(TODAY)
    assert follow_up_words(soon.next_follow_up, TODAY) == "om 20 dage"
    assert follow_up_words(TODAY - timedelta(days=1), TODAY) == "overskredet med 1 dag"
    assert ids  # every unit was built


@pytest.mark.both_databases
def test_per_theme_the_units_that_score_1_or_2(db) -> None:
    build_three_units(db)
    overview = build_unit_overview(db, TODAY)
    for key in PALETTE_KEYS:
        latest = [row.scores[key] for row in overview.rows]
        assert overview.support[key] == sum(1 for s in latest if s is not None and s <= 2)
    # handling: 3, 4, 1 → one unit; data: 2, 4, 3 → one; the earlier 1 of Hjemmeplejen
    # (data) no longer counts; an unscored theme asks for nothing
    assert overview.support["handling"] == 1
    assert overview.support["data"] == 1
    assert overview.support["ownership"] == 1
    assert not needs_support(None) and needs_support(2) and not needs_support(3)


@pytest.mark.both_databases
def test_absence_follows_the_data_view_and_hides_small_units(db, tmp_path: Path) -> None:
    big = units.create_unit(db, "Stor enhed")
    import_absence_files(db, big, DEMO / "medarbejdere.csv", DEMO / "fravaer.csv")
    small = units.create_unit(db, "Lille enhed")
    staff = tmp_path / "personer.csv"
    staff.write_text("Medarbejder;Team\nK1;A\nK2;A\nK3;A\n", encoding="utf-8")
    absence = tmp_path / "sygdom.csv"
    absence.write_text("Medarbejder;Fraværsårsag;Fra;Til\nK1;Sygdom;05-02-2024;06-02-2024\n",
                       encoding="utf-8")
    import_absence_files(db, small, staff, absence)
    rows = {row.unit_id: row for row in build_unit_overview(db, TODAY).rows}
    stats = unit_stats(db, big)
    assert stats is not None and stats.absence_pct is not None
    assert rows[big].absence_pct == pytest.approx(stats.absence_pct)
    assert rows[small].absence_pct is None  # three persons: the 5-person rule hides it
    assert absence_words(6.14) == "6,1 % (over 5 %)"
    assert absence_words(4.2) == "4,2 % (under 5 %)"
    assert absence_words(None) == "ingen tal"
    # without the slow step the column is simply empty
    assert build_unit_overview(db, TODAY, with_absence=False).rows[0].absence_pct is None


def test_the_command_can_leave_the_absence_out(db, db_path: Path, capsys) -> None:
    big = units.create_unit(db, "Stor enhed")
    import_absence_files(db, big, DEMO / "medarbejdere.csv", DEMO / "fravaer.csv")
    capsys.readouterr()
    assert main(["overview", "--db", str(db_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["absence_pct"] is not None
    assert main(["overview", "--db", str(db_path), "--json", "--no-absence"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["absence_pct"] is None


def test_json_has_exactly_the_keys_and_the_figures(db, db_path: Path, capsys) -> None:
    build_three_units(db)
    capsys.readouterr()
    assert main(["overview", "--db", str(db_path), "--json", "--today", "01-12-2026"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert all(set(unit) == JSON_KEYS for unit in printed)
    expected = build_unit_overview(db, TODAY)
    assert printed == [row.as_json() for row in expected.rows]
    one = next(u for u in printed if u["unit"] == "Ærø Skole")
    assert one["latest_screening"] == one["latest_screening"][:10]  # ISO date
    assert set(one["scores"]) == set(PALETTE_KEYS)
    empty = next(u for u in printed if u["unit"] == "Tom enhed")
    assert empty["latest_screening"] is None and empty["absence_pct"] is None


def test_the_table_is_danish_and_errors_are_one_line(db, db_path: Path, tmp_path: Path,
                                                    capsys) -> None:
    build_three_units(db)
    capsys.readouterr()
    assert main(["overview", "--db", str(db_path), "--today", "01-12-2026"]) == 0
    out = capsys.readouterr().out
    assert "Børn:" in out and "Omsorg:" in out and "Uden område:" in out
    assert "overskredet med 10 dage" in out and "ingen screeninger endnu" in out
    assert main(["overview", "--db", str(db_path), "--xlsx", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fejl: --xlsx") and err.count("\n") == 1
    assert main(["overview", "--db", str(db_path), "--today", "32-13-2026"]) == 2
    assert not (tmp_path / "x.pdf").exists()


def test_the_spreadsheet_reads_back_with_the_same_numbers(db, tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    build_three_units(db)
    out = export_unit_overview(db, tmp_path / "oversigt.xlsx", TODAY)
    book = CalamineWorkbook.from_path(str(out))
    sheet = book.get_sheet_by_name("Oversigt").to_python()
    header, *body = sheet
    overview = build_unit_overview(db, TODAY)
    by_name = {row.unit: row for row in overview.rows}
    units_rows, support_row = body[:-1], body[-1]
    assert len(units_rows) == len(overview.rows)
    theme_at = {key: 3 + i for i, key in enumerate(PALETTE_KEYS)}
    for line in units_rows:
        row = by_name[line[1]]
        for key, column in theme_at.items():
            value = line[column]
            assert (None if value == "" else int(value)) == row.scores[key]
        assert line[header.index("Åbne handlinger")] == row.open_actions
        assert line[header.index("Overskredne handlinger")] == row.overdue_actions
        screened = line[2]
        assert (screened or None) == row.latest_screening
    assert [int(support_row[c]) for c in theme_at.values()] == [
        overview.support[k] for k in PALETTE_KEYS]
    # grouped by area: Børn's units together, the unit without an area last
    assert [line[0] for line in units_rows] == ["Børn", "Børn", "Omsorg", "Uden område"]
    previous = book.get_sheet_by_name("Forrige screening").to_python()
    assert len(previous) == len(overview.rows) + 1


def test_the_pdf_is_a4_landscape_and_names_every_unit(db, tmp_path: Path) -> None:
    from pypdf import PdfReader

    build_three_units(db)
    out = export_unit_overview(db, tmp_path / "oversigt.pdf", TODAY)
    reader = PdfReader(str(out))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in reader.pages}
    assert sizes == {(842, 595)}  # A4, landscape, on every page
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for name in ("Børnehuset Solsikken", "Hjemmeplejen Nord", "Ærø Skole", "Tom enhed"):
        assert name in text
    assert "Enheder med score 1–2" in text and "overskredet med 10 dage" in text


def test_an_export_with_a_wrong_ending_changes_nothing(db, tmp_path: Path) -> None:
    from norddjurs_desktop.services.errors import ValidationError

    with pytest.raises(ValidationError, match="xlsx eller .pdf"):
        export_unit_overview(db, tmp_path / "oversigt.docx", TODAY)
    assert not (tmp_path / "oversigt.docx").exists()


@pytest.mark.both_databases
def test_a_unit_known_only_from_its_share_file_shows_its_shared_absence(
    db, tmp_path: Path
) -> None:
    """HR's database holds no person rows: the rate comes from the shared monthly figures."""
    from norddjurs_desktop.services.bootstrap import open_app_database
    from norddjurs_desktop.services.demo import DEMO_UNIT, create_demo
    from norddjurs_desktop.services.share_export import export_unit
    from norddjurs_desktop.services.share_import import import_share_file
    from norddjurs_desktop.services.share_months import shared_absence_pct_last_12_months

    create_demo(db)
    home = units.find_unit(db, DEMO_UNIT)
    assert home is not None
    share = tmp_path / "demo.fremmoede"
    export_unit(db, home, share)
    origin = build_unit_overview(db, date(2026, 12, 1)).rows[0].absence_pct

    hr = open_app_database(tmp_path / "hr.sqlite")  # HR's own, empty database
    try:
        import_share_file(hr, share)
        assert hr.read("SELECT count(*) FROM absence_block")[0][0] == 0
        (row,) = build_unit_overview(hr, date(2026, 12, 1)).rows
        shared = shared_absence_pct_last_12_months(hr, row.unit_id)
        assert shared is not None and row.absence_pct == shared
        assert origin is not None and abs(row.absence_pct - origin) < 1.0
    finally:
        hr.close()
