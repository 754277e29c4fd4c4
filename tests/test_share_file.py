"""Share files: a unit leaves one database as a .fremmoede file and comes into HR's by its ids.

The story of the issue: two units share into HR's database, twice (nothing
doubles), then a newer copy of a screening replaces the older and an older
copy never overwrites a newer; the file holds no person key, name or row; a
forged, damaged, oversized or newer-format file is refused with nothing stored.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from stored_blocks import stored_rows, stored_staff

from norddjurs_desktop.cli import main
from norddjurs_desktop.domain.errors import UserFacingError
from norddjurs_desktop.domain.share_format import CONTENT, FORMAT_VERSION, MANIFEST
from norddjurs_desktop.services import actions, screenings, units
from norddjurs_desktop.services.absence import import_absence_files, unit_stats
from norddjurs_desktop.services.bootstrap import Database, open_app_database
from norddjurs_desktop.services.changes import Kind
from norddjurs_desktop.services.demo import DEMO_UNIT, create_demo
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.services.key_figures import KeyFigureRow, save_key_figure
from norddjurs_desktop.services.rounds import record_votes, set_anonymity, start_round
from norddjurs_desktop.services.share_export import export_unit
from norddjurs_desktop.services.share_import import import_share_file
from norddjurs_desktop.services.share_months import (
    list_shared_months,
    shared_absence_pct_by_unit,
    shared_absence_pct_last_12_months,
)
from norddjurs_desktop.services.unit_area import set_unit_area, unit_area

TABLES = ("unit", "screening", "participant", "theme_assessment", "action", "action_review",
          "follow_up", "vote", "shared_absence_month")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def open_db(
    request: pytest.FixtureRequest, tmp_path: Path, migrated_template: Path
) -> Iterator[Callable[[str], Database]]:
    """Databases by name: SQLite files, or (``postgresql``) databases on the test server."""
    opened: dict[str, Database] = {}

    def make(name: str) -> Database:
        if name in opened:
            return opened[name]
        if request.param == "postgresql":
            database = open_app_database(request.getfixturevalue("pg_server").fresh_database())
        else:
            path = tmp_path / f"{name}.sqlite"
            if not path.exists():
                shutil.copyfile(migrated_template, path)
            database = open_app_database(path)
        opened[name] = database
        return database

    yield make
    for database in opened.values():
        database.close()


def counts(db: Database) -> dict[str, int]:
    return {table: db.read(f"SELECT count(*) FROM {table}")[0][0] for table in TABLES}


def unit_id(db: Database, name: str) -> int:
    found = units.find_unit(db, name)
    assert found is not None
    return found


def second_unit(db: Database) -> int:
    """A home-care unit with one screening, a hidden round and named participants."""
    uid = units.create_unit(db, "Hjemmeplejen Nord")
    set_unit_area(db, uid, "  Sundhed   og Omsorg ")
    sid = screenings.create_screening(db, uid, on=date(2026, 3, 2), forum="MED-udvalg")
    for name, role in (("Birthe Kragh", "Leder"), ("Ole Gram", "TR"), ("Sanne Ry", "Medarbejder")):
        screenings.add_participant(db, sid, name, role)
    set_anonymity(db, sid, "anonym")
    start_round(db, sid, ["culture"])
    record_votes(db, sid, "Birthe Kragh", "Leder", {"culture": 2})
    record_votes(db, sid, "Ole Gram", "TR", {"culture": 4})
    record_votes(db, sid, "Sanne Ry", "Medarbejder", {"culture": 4})
    screenings.set_score(db, sid, "culture", 3)
    screenings.set_notes(db, sid, "culture", resources="Vi hjælper hinanden.", challenges="")
    actions.add_action(db, sid, ActionData(
        id=None, theme_key="culture", problem="", action="Tal om sygefravær på mødet.",
        owner="Birthe Kragh", deadline=date(2026, 4, 1), follow_up=date(2026, 5, 1),
        status="i gang", success="",
    ))
    actions.add_action(db, sid, ActionData(
        id=None, theme_key="culture", problem="", action="Fælles morgenmøde.",
        owner="Hanne fra HR", deadline=None, follow_up=None, status="ikke startet", success="",
    ))
    return uid


def rewrite(source: Path, target: Path, change: Callable[[dict[str, Any]], None],
            *, rehash: bool = True, manifest_change: Callable[[dict[str, Any]], None] | None = None,
            extra: tuple[str, bytes] | None = None) -> Path:
    """A copy of a share file with its content changed (and its hash made to fit, if asked)."""
    with zipfile.ZipFile(source) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        content = json.loads(archive.read(CONTENT))
    change(content)
    body = json.dumps(content, ensure_ascii=False).encode()
    if rehash:
        manifest["sha256"] = hashlib.sha256(body).hexdigest()
    if manifest_change is not None:
        manifest_change(manifest)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest))
        archive.writestr(CONTENT, body)
        if extra is not None:
            archive.writestr(*extra)
    return target


def test_two_units_come_into_hr_once_however_often_their_files_are_brought(
    open_db: Callable[[str], Database], tmp_path: Path
) -> None:
    school, care, hr = open_db("school"), open_db("care"), open_db("hr")
    create_demo(school)
    second_unit(care)
    first = export_unit(school, unit_id(school, DEMO_UNIT), tmp_path / "demo")
    second = export_unit(care, unit_id(care, "Hjemmeplejen Nord"), tmp_path / "care.fremmoede")
    assert first.path.name == "demo.fremmoede"

    added = [import_share_file(hr, first.path), import_share_file(hr, second.path)]
    assert all(result.unit_added and result.changed for result in added)
    assert len(added[0].added) == 2 and len(added[1].added) == 1
    after_first = counts(hr)
    assert after_first["unit"] == 2 and after_first["screening"] == 3
    # the whole cycle came along: the follow-up link, the reviews, the carried actions
    assert after_first["follow_up"] == counts(school)["follow_up"] == 1
    assert after_first["action_review"] == counts(school)["action_review"] > 0
    assert after_first["action"] == counts(school)["action"] + counts(care)["action"]

    again = [import_share_file(hr, first.path), import_share_file(hr, second.path)]
    assert counts(hr) == after_first
    assert not any(result.changed for result in again)
    assert not again[0].changes.kinds
    assert all("den samme udgave findes allerede" in line for line in again[0].kept)
    assert "Intet er ændret" in again[0].lines()[-1]

    # what HR sees is what the unit agreed: scores, notes, the round as counts only
    here = unit_id(hr, "Hjemmeplejen Nord")
    assert unit_area(hr, here) == "Sundhed og Omsorg"
    sid = hr.read("SELECT id FROM screening WHERE unit_id = ?", (here,))[0][0]
    shared = screenings.get_screening(hr, sid)
    culture = next(a for a in shared.assessments if a.theme_key == "culture")
    assert (culture.score, culture.resources) == (3, "Vi hjælper hinanden.")
    assert sorted(p.role for p in shared.participants) == ["Leder", "Medarbejder", "TR"]
    assert hr.read("SELECT voter, voter_role, score FROM vote ORDER BY score") == [
        ("", "", 2), ("", "", 4), ("", "", 4)]
    owners = [a.owner for a in actions.list_actions(hr, sid)]
    assert owners == ["Leder", ""]  # a participant's name became the role; other text left out


def test_a_newer_copy_replaces_an_older_and_an_older_never_overwrites_a_newer(
    open_db: Callable[[str], Database], tmp_path: Path
) -> None:
    school, hr = open_db("school"), open_db("hr")
    create_demo(school)
    demo = unit_id(school, DEMO_UNIT)
    old_file = export_unit(school, demo, tmp_path / "old.fremmoede").path
    import_share_file(hr, old_file)
    before = counts(hr)

    first_id = school.read("SELECT id FROM screening ORDER BY date")[0][0]
    screenings.set_score(school, first_id, "data", 5)
    screenings.set_notes(school, first_id, "data", resources="Tallene hænger på tavlen.",
                         challenges="")
    new_file = export_unit(school, demo, tmp_path / "new.fremmoede").path

    result = import_share_file(hr, new_file)
    assert len(result.updated) == 1 and len(result.kept) == 1 and not result.added
    assert "nyere udgave" in result.updated[0]
    assert any(line.startswith("Opdateret: ") for line in result.lines())
    hr_first = hr.read("SELECT id FROM screening ORDER BY date")[0][0]
    data = next(a for a in screenings.get_screening(hr, hr_first).assessments
                if a.theme_key == "data")
    assert (data.score, data.resources) == (5, "Tallene hænger på tavlen.")
    # replaced wholesale, not added to: and the later screening's reviews of the plan stay
    assert counts(hr) == before
    after_new = counts(hr)

    older = import_share_file(hr, old_file)
    assert not older.changed and not older.updated
    assert any("udgaven her er nyere" in line for line in older.kept)
    assert any(line.startswith("Beholdt: ") for line in older.lines())
    data = next(a for a in screenings.get_screening(hr, hr_first).assessments
                if a.theme_key == "data")
    assert data.score == 5
    assert counts(hr) == after_new

    # edited as often on both sides: neither is newer, the one here stays, and that is said
    screenings.set_score(school, first_id, "culture", 1)
    screenings.set_score(hr, hr_first, "culture", 2)
    both = import_share_file(hr, export_unit(school, demo, tmp_path / "both").path)
    assert any("ændret både her og hos enheden" in line for line in both.kept)
    culture = next(a for a in screenings.get_screening(hr, hr_first).assessments
                   if a.theme_key == "culture")
    assert culture.score == 2


def test_the_share_file_holds_no_person_key_cpr_name_or_person_row(
    open_db: Callable[[str], Database], tmp_path: Path
) -> None:
    school = open_db("school")
    create_demo(school)
    demo = unit_id(school, DEMO_UNIT)
    latest = school.read("SELECT id FROM screening ORDER BY date DESC")[0][0]
    actions.add_action(school, latest, ActionData(
        id=None, theme_key="data", problem="", action="Gennemgå tallene.",
        owner="Mette Sørensen", deadline=None, follow_up=None, status="ikke startet", success="",
    ))
    path = export_unit(school, demo, tmp_path / "demo.fremmoede").path

    keys = {person[0] for person in stored_staff(school)}
    keys |= {row[0] for row in stored_rows(school)}
    names = {n for (n,) in school.read("SELECT name FROM participant")}
    assert len(keys) > 20 and len(names) >= 3
    with zipfile.ZipFile(path) as archive:
        texts = [archive.read(name).decode("utf-8") for name in archive.namelist()]
    texts.append(path.read_bytes().decode("latin-1"))
    for text in texts:
        folded = text.casefold()
        for secret in keys | names:
            assert secret.casefold() not in folded, secret
        assert not re.search(r"\b\d{6}-?\d{4}\b", text)  # nothing shaped like a CPR number
    content = json.loads(texts[1])
    # monthly totals only: no field that could hold a row per person
    assert {tuple(sorted(m)) for m in content["absence_months"]} == {
        ("absence_pct", "fte", "month", "sick_days", "source", "spells")}
    assert all(m["source"] == "fraværsdata" for m in content["absence_months"])


def _write_lists(folder: Path) -> tuple[Path, Path]:
    """Four people from January, two more from March: January and February are too small."""
    staff = ["Medarbejder;Team;Faggruppe;Alder;Beskæftigelsesgrad;Ansat fra;Ansat til"]
    absence = ["Medarbejder;Fraværsårsag;Fra;Til"]
    for n in range(6):
        start = "01-01-2023" if n < 4 else "01-03-2024"
        staff.append(f"KX-48{n}1;Team A;Sosu-assistent;40;1;{start};")
    day = date(2024, 1, 8)
    while day < date(2024, 7, 20):
        person = (day.toordinal() // 7) % (4 if day < date(2024, 3, 1) else 6)
        end = day + timedelta(days=1)
        absence.append(f"KX-48{person}1;Egen sygdom;{day:%d-%m-%Y};{end:%d-%m-%Y}")
        day += timedelta(days=9)
    staff_path, absence_path = folder / "staff.csv", folder / "absence.csv"
    staff_path.write_text("\n".join(staff), encoding="utf-8")
    absence_path.write_text("\n".join(absence), encoding="utf-8")
    return staff_path, absence_path


def test_months_with_fewer_than_five_persons_stay_home(
    open_db: Callable[[str], Database], tmp_path: Path
) -> None:
    source, hr = open_db("source"), open_db("hr")
    uid = units.create_unit(source, "Plejecenter Lyng")
    import_absence_files(source, uid, *_write_lists(tmp_path))
    save_key_figure(source, uid, KeyFigureRow(date(2023, 11, 1), 6.0, 30.0, 3.0))  # < 5 FTE
    save_key_figure(source, uid, KeyFigureRow(date(2023, 12, 1), 5.5, 80.0, 12.0))
    # shared, but older than the twelve months the overview's figure covers
    save_key_figure(source, uid, KeyFigureRow(date(2022, 1, 1), 50.0, 900.0, 10.0))
    january = unit_stats(source, uid, period_from=date(2024, 1, 1), period_to=date(2024, 1, 31))
    march = unit_stats(source, uid, period_from=date(2024, 3, 1), period_to=date(2024, 3, 31))
    assert january is not None and january.persons == 4
    assert march is not None and march.persons == 6

    path = export_unit(source, uid, tmp_path / "lyng.fremmoede").path
    months = json.loads(zipfile.ZipFile(path).read(CONTENT))["absence_months"]
    shared = {m["month"]: m for m in months}
    assert "2024-01" not in shared and "2024-02" not in shared
    assert "2023-11" not in shared  # typed figures with fewer than five FTE stay home too
    assert shared["2023-12"]["source"] == "nøgletal"
    assert {"2024-03", "2024-04", "2024-05", "2024-06"} <= set(shared)
    assert "2024-07" not in shared  # the data end inside July: not a whole month
    assert shared["2024-03"]["absence_pct"] == pytest.approx(march.absence_pct)
    assert shared["2024-03"]["spells"] == march.sick_spells

    import_share_file(hr, path)
    here = unit_id(hr, "Plejecenter Lyng")
    assert [m.month for m in list_shared_months(hr, here)] == sorted(
        date(int(k[:4]), int(k[5:]), 1) for k in shared)
    twelve = shared_absence_pct_last_12_months(hr, here)
    whole = unit_stats(source, uid, period_from=date(2024, 3, 1), period_to=date(2024, 6, 30))
    assert twelve is not None and whole is not None and whole.absence_pct is not None
    # the FTE-weighted months land close to the figure of the same stretch (plus December)
    assert min(5.5, whole.absence_pct) - 0.5 <= twelve <= max(5.5, whole.absence_pct) + 0.5
    assert shared["2022-01"]["absence_pct"] == 50.0
    assert shared_absence_pct_by_unit(hr) == {here: pytest.approx(twelve)}
    assert shared_absence_pct_last_12_months(hr, here + 99) is None


def test_a_different_unit_with_the_same_name_is_not_merged(
    open_db: Callable[[str], Database], tmp_path: Path
) -> None:
    care, hr = open_db("care"), open_db("hr")
    second_unit(care)
    units.create_unit(hr, "hjemmeplejen nord")
    path = export_unit(care, unit_id(care, "Hjemmeplejen Nord"), tmp_path / "c.fremmoede").path
    result = import_share_file(hr, path)
    assert result.unit_added and result.unit_name == "Hjemmeplejen Nord (2)"
    assert "en anden enhed med navnet" in " ".join(result.lines())
    assert counts(hr)["unit"] == 2
    assert not import_share_file(hr, path).changed  # matched by its id from now on


def _refused(hr: Database, path: Path, words: str) -> None:
    before = counts(hr)
    # a file database must be left byte for byte as it was (not even a touched page)
    file_before = None if hr.is_server else hr.path.read_bytes()
    with pytest.raises(UserFacingError) as refused:
        import_share_file(hr, path)
    assert words in str(refused.value)
    assert "Intet er gemt" in str(refused.value)
    assert counts(hr) == before
    if file_before is not None:
        assert hr.path.read_bytes() == file_before


def test_forged_damaged_oversized_and_newer_files_are_refused_with_nothing_stored(
    open_db: Callable[[str], Database], tmp_path: Path
) -> None:
    care, hr = open_db("care"), open_db("hr")
    second_unit(care)
    good = export_unit(care, unit_id(care, "Hjemmeplejen Nord"), tmp_path / "good").path

    def theme(content: dict[str, Any]) -> dict[str, Any]:
        return content["screenings"][0]["themes"][0]

    def edit(**kv: Any) -> Callable[[dict[str, Any]], None]:
        return lambda content: theme(content).update(kv)

    cases: list[tuple[str, Path]] = [
        ("fra 1 til 5", rewrite(good, tmp_path / "score.fremmoede", edit(score=7))),
        ("ukendte værdi", rewrite(good, tmp_path / "key.fremmoede", edit(key="salary"))),
        ("helt tal", rewrite(good, tmp_path / "type.fremmoede", edit(score="3"))),
        ("helt tal", rewrite(good, tmp_path / "bool.fremmoede", edit(score=True))),
        ("højst 20000", rewrite(good, tmp_path / "long.fremmoede", edit(resources="x" * 20_001))),
        ("ukendt felt", rewrite(good, tmp_path / "field.fremmoede", edit(cpr="010190-1234"))),
        ("kontrolsum", rewrite(good, tmp_path / "hash.fremmoede", edit(score=1), rehash=False)),
        ("noget uventet", rewrite(good, tmp_path / "extra.fremmoede", lambda c: None,
                                  extra=("../../evil.sh", b"rm -rf /"))),
        ("manifestet", rewrite(good, tmp_path / "manifest.fremmoede", lambda c: None,
                               manifest_change=lambda m: m.update(format_version="1"))),
        ("ikke gyldig JSON", rewrite(
            good, tmp_path / "nan.fremmoede",
            lambda c: c["screenings"][0]["themes"][0].update(priority=float("nan")))),
        ("samme tema flere gange", rewrite(
            good, tmp_path / "twice.fremmoede",
            lambda c: c["screenings"][0]["themes"].__setitem__(1, dict(theme(c))))),
    ]
    for words, path in cases:
        _refused(hr, path, words)

    newer = rewrite(good, tmp_path / "newer.fremmoede", lambda c: c.update(teams=[]),
                    manifest_change=lambda m: m.update(format_version=FORMAT_VERSION + 1,
                                                       app_version="9.0", signed_by="HR"),
                    extra=("bilag.pdf", b"%PDF-1.7"))
    _refused(hr, newer, "nyere version af Fremmødepaletten")

    damaged = tmp_path / "damaged.fremmoede"
    damaged.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _refused(hr, damaged, "beskadiget")

    oversized = tmp_path / "big.fremmoede"
    shutil.copyfile(good, oversized)
    with oversized.open("r+b") as handle:
        handle.truncate(21 * 1024 * 1024)
    _refused(hr, oversized, "højst fylde 20 MB")

    bomb = tmp_path / "bomb.fremmoede"
    with zipfile.ZipFile(good) as archive:
        manifest = archive.read(MANIFEST)
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest)
        with archive.open(CONTENT, "w", force_zip64=True) as member:
            block = b" " * (1024 * 1024)
            for _ in range(61):
                member.write(block)
    assert bomb.stat().st_size < 1024 * 1024
    _refused(hr, bomb, "for stor udpakket")

    not_zip = tmp_path / "plain.fremmoede"
    not_zip.write_text("hej", encoding="utf-8")
    _refused(hr, not_zip, "beskadiget")
    assert counts(hr)["unit"] == 0
    assert import_share_file(hr, good).unit_added  # the good file itself still comes in


def test_the_area_is_tidied_and_a_long_one_refused(db: Database) -> None:
    uid = units.create_unit(db, "Tandplejen")
    changes = set_unit_area(db, uid, "  Børn   og Familie ")
    assert unit_area(db, uid) == "Børn og Familie"
    assert changes.touches(Kind.UNITS, unit_id=uid)  # the home shows the new area
    assert not set_unit_area(db, uid, "Børn og Familie").kinds  # nothing to change
    with pytest.raises(UserFacingError, match="højst være 120 tegn"):
        set_unit_area(db, uid, "x" * 121)
    assert unit_area(db, uid) == "Børn og Familie"
    set_unit_area(db, uid, "")
    assert unit_area(db, uid) == ""


def test_share_export_and_import_on_the_command_line(
    tmp_path: Path, migrated_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, hr = tmp_path / "source.sqlite", tmp_path / "hr.sqlite"
    shutil.copyfile(migrated_template, source)
    assert main(["demo", "--db", str(source)]) == 0
    assert main(["unit-area", "--db", str(source), "--unit", DEMO_UNIT, "--area", "Dagtilbud"]) == 0
    out = tmp_path / "demo.fremmoede"
    capsys.readouterr()
    assert main(["share-export", "--db", str(source), "--unit", DEMO_UNIT, "--out", str(out)]) == 0
    assert "er delt i" in capsys.readouterr().out

    assert main(["share-import", "--db", str(hr), "--file", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.count("Tilføjet: screeningen") == 2 and "er tilføjet" in printed
    assert main(["share-import", "--db", str(hr), "--file", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.count("Beholdt: screeningen") == 2 and "Intet er ændret" in printed
    assert main(["list", "--db", str(hr)]) == 0
    assert capsys.readouterr().out.count("Screening ") == 2

    broken = tmp_path / "broken.fremmoede"
    broken.write_bytes(out.read_bytes()[:100])
    assert main(["share-import", "--db", str(hr), "--file", str(broken)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("Fejl: Den delte fil kan ikke hentes") and error.count("\n") == 1
    assert main(["share-export", "--db", str(source), "--unit", "Findes ikke",
                 "--out", str(out)]) == 2
    assert "ingen enhed med navnet" in capsys.readouterr().err


def test_a_screening_of_another_unit_here_stops_the_whole_import(
    open_db: Callable[[str], Database], tmp_path: Path
) -> None:
    """One transaction: the new unit made before the clash is not left behind."""
    care, hr = open_db("care"), open_db("hr")
    second_unit(care)
    good = export_unit(care, unit_id(care, "Hjemmeplejen Nord"), tmp_path / "good").path
    import_share_file(hr, good)

    def other_unit(content: dict[str, Any]) -> None:
        content["unit"].update(uid="0" * 32, name="Hjemmeplejen Syd")

    _refused(hr, rewrite(good, tmp_path / "other.fremmoede", other_unit),
             "hører til en anden enhed")
    assert units.find_unit(hr, "Hjemmeplejen Syd") is None


def test_a_full_disk_half_way_stores_nothing(
    open_db: Callable[[str], Database], tmp_path: Path, migrated_template: Path
) -> None:
    """The import is one transaction: a disk that fills up leaves HR's file as it was."""
    import sqlite3
    from contextlib import closing

    from sqlalchemy import event

    from norddjurs_desktop.storage.database import open_database

    care = open_db("care")
    uid = second_unit(care)
    sid = care.read("SELECT id FROM screening")[0][0]
    for key in ("handling", "data", "prevention", "leadership"):
        screenings.set_notes(care, sid, key, resources="r" * 19_000, challenges="c" * 19_000)
    path = export_unit(care, uid, tmp_path / "care").path

    hr_path = tmp_path / "full.sqlite"
    shutil.copyfile(migrated_template, hr_path)
    hr = open_database(hr_path)
    try:
        with hr.reader() as conn:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
        event.listen(hr.engine, "connect",
                     lambda c, _r: c.execute(f"PRAGMA max_page_count={pages}"))
        before = counts(hr)
        with pytest.raises(UserFacingError, match="Disken er fuld"):
            import_share_file(hr, path)
        assert counts(hr) == before
    finally:
        hr.close()
    with closing(sqlite3.connect(hr_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM unit").fetchone()[0] == 0
