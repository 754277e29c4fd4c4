"""Absence data through the services: import, replace, delete, load, figures, key figures."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from stored_blocks import stored_count

from norddjurs_desktop.domain.absence import compute_stats, default_period
from norddjurs_desktop.importing.absence_export import read_export
from norddjurs_desktop.importing.errors import ImportFileError
from norddjurs_desktop.paths import DEMO
from norddjurs_desktop.services import units
from norddjurs_desktop.services.absence import (
    delete_import,
    import_absence_files,
    list_imports,
    load_dataset,
    remembered_mapping,
    unit_stats,
)
from norddjurs_desktop.services.absence_stats import forget_dataset
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.services.key_figures import (
    KeyFigureRow,
    delete_key_figure,
    list_key_figures,
    save_key_figure,
)

STAFF, ABSENCE = DEMO / "medarbejdere.csv", DEMO / "fravaer.csv"
TABLES = ("unit", "absence_import", "staff_block", "absence_block", "column_mapping")


def counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def small_files(folder: Path) -> tuple[Path, Path]:
    staff = write(
        folder / "personer.csv",
        "Medarbejder;Team;Faggruppe;Alder;Beskæftigelsesgrad",
        *(f"K{n};{'A' if n < 6 else ''};Pædagog;{30 + n};1" for n in range(1, 9)),
    )
    absence = write(
        folder / "sygdom.csv",
        "Medarbejder;Fraværsårsag;Fra;Til",
        "K1;Sygdom;05-02-2024;06-02-2024",
        "K2;Egen sygdom;09-02-2024;12-02-2024",
        "K7;Barns sygdom;14-02-2024;14-02-2024",
    )
    return staff, absence


def test_import_stores_everything_and_the_figures_equal_the_domain(db, db_path) -> None:
    unit_id = units.create_unit(db, "Børnehuset")
    seen: list[tuple[int, str]] = []
    info = import_absence_files(
        db, unit_id, STAFF, ABSENCE, progress=lambda p, text: seen.append((p, text))
    )
    data = read_export(STAFF, ABSENCE)
    assert (info.staff_rows, info.absence_rows) == (len(data.staff), len(data.absences))
    assert (info.period_from, info.period_to) == (data.period_from, data.period_to)
    assert (info.staff_file, info.absence_file) == ("medarbejdere.csv", "fravaer.csv")
    assert [p for p, _ in seen] == sorted(p for p, _ in seen) and seen[-1][0] == 100
    assert all(text for _, text in seen)
    assert counts(db_path)["absence_block"] == 1
    assert stored_count(db_path) == len(data.absences)

    dataset = load_dataset(db, unit_id)
    assert dataset is not None and dataset.info == list_imports(db, unit_id)[0]
    assert dataset.staff == data.staff and dataset.absences == data.absences
    assert dataset.teams == ["Græshoppen", "Humlebien", "Mariehønen", "Sommerfuglen"]
    assert dataset.years == [2023, 2024, 2025, 2026]
    assert load_dataset(db, unit_id) is dataset  # cached

    period = default_period(data.absences)
    assert period is not None
    expected = compute_stats(data.staff, data.absences, *period, data_end=data.period_to)
    assert unit_stats(db, unit_id) == expected
    team = compute_stats(
        data.staff, data.absences, date(2024, 1, 1), date(2024, 12, 31),
        team="Humlebien", data_end=data.period_to,
    )
    def humlebien():
        return unit_stats(db, unit_id, period_from=date(2024, 1, 1), period_to=date(2024, 12, 31),
                          team="Humlebien")

    assert humlebien() == team  # from the cached dataset
    forget_dataset(db)
    assert humlebien() == team  # cold: only the team's rows are read
    assert unit_stats(db, unit_id, team="Humlebien") == compute_stats(
        data.staff, data.absences, *period, team="Humlebien", data_end=data.period_to
    )
    with pytest.raises(ValidationError, match="Ukendt|findes ikke"):
        unit_stats(db, unit_id, team="Ingen")
    with pytest.raises(ValidationError, match="før"):
        unit_stats(db, unit_id, period_from=date(2025, 1, 2), period_to=date(2025, 1, 1))


@pytest.mark.parametrize(
    "absence_lines",
    [
        ("Medarbejder;Fraværsårsag;Fra;Til", "K1;Sygdom;05-02-2024;06-02-2024",
         "K99;Sygdom;05-02-2024;06-02-2024"),
        ("Medarbejder;Fraværsårsag;Fra;Til;CPR", "K1;Sygdom;05-02-2024;06-02-2024;010203-1234"),
        ("Medarbejder;Fraværsårsag;Fra;Til", "K1;Sygdom;06-02-2024;05-02-2024"),
    ],
    ids=["unknown-key", "cpr-column", "til-before-fra"],
)
def test_a_bad_file_stores_nothing(db, db_path, tmp_path, absence_lines) -> None:
    unit_id = units.create_unit(db, "Børnehuset")
    staff, absence = small_files(tmp_path)
    import_absence_files(db, unit_id, staff, absence, absence_mapping={"Til": "Til"})
    before = counts(db_path)
    bad = write(tmp_path / "sygdom.csv", *absence_lines)  # same names: would replace
    with pytest.raises(ImportFileError) as caught:
        import_absence_files(db, unit_id, staff, bad, absence_mapping={"Til": "Til"})
    assert "sygdom.csv" in caught.value.message
    assert "010203" not in caught.value.message
    assert counts(db_path) == before
    assert len(list_imports(db, unit_id)) == 1


def test_importing_the_same_files_again_replaces_the_import(db, db_path, tmp_path) -> None:
    unit_id = units.create_unit(db, "Børnehuset")
    staff, absence = small_files(tmp_path)
    first = import_absence_files(db, unit_id, staff, absence)
    before = counts(db_path)
    assert unit_stats(db, unit_id) is not None
    write(absence, "Medarbejder;Fraværsårsag;Fra;Til", "K3;Sygdom;01-03-2024;04-03-2024",
          "K4;Sygdom;05-03-2024;05-03-2024", "K5;Ferie;06-03-2024;08-03-2024")
    second = import_absence_files(db, unit_id, staff, absence)
    assert counts(db_path) == before
    assert [i.id for i in list_imports(db, unit_id)] == [second.id]
    dataset = load_dataset(db, unit_id)
    assert dataset is not None and {a.key for a in dataset.absences} == {"K3", "K4", "K5"}
    assert second.period_from == date(2024, 3, 1) != first.period_from

    other = write(tmp_path / "andet.csv", "Medarbejder;Fraværsårsag;Fra;Til",
                  "K1;Sygdom;01-04-2024;02-04-2024")
    newest = import_absence_files(db, unit_id, staff, other)
    assert [i.id for i in list_imports(db, unit_id)] == [newest.id, second.id]
    dataset = load_dataset(db, unit_id)  # the newest import only
    assert dataset is not None and [a.key for a in dataset.absences] == ["K1"]


def test_deleting_an_import_removes_its_rows(db, db_path, tmp_path) -> None:
    unit_id = units.create_unit(db, "Børnehuset")
    staff, absence = small_files(tmp_path)
    info = import_absence_files(db, unit_id, staff, absence)
    assert load_dataset(db, unit_id) is not None
    delete_import(db, info.id)
    assert {t: n for t, n in counts(db_path).items() if t != "unit"} == dict.fromkeys(
        ("absence_import", "staff_block", "absence_block", "column_mapping"), 0
    )
    assert load_dataset(db, unit_id) is None and unit_stats(db, unit_id) is None
    with pytest.raises(NotFoundError):
        delete_import(db, info.id)
    import_absence_files(db, unit_id, staff, absence)
    units.delete_unit(db, unit_id)  # the unit's imports go with it
    assert counts(db_path)["staff_block"] == 0


def test_a_mapping_is_remembered_for_files_with_the_same_headers(db, tmp_path) -> None:
    unit_id = units.create_unit(db, "Børnehuset")
    staff = write(tmp_path / "hr.csv", "Løbenr;Navn;Afdeling", "K1;Anna;A", "K2;Bo;A")
    absence = write(tmp_path / "fra.csv", "Nr;Årsag;Startdato;Slutdato",
                    "K1;Sygdom;05-02-2024;06-02-2024")
    staff_mapping = {"Medarbejder": "Løbenr", "Team": "Afdeling"}
    absence_mapping = {"Medarbejder": "Nr", "Fraværsårsag": "Årsag", "Fra": "Startdato",
                       "Til": "Slutdato"}
    assert remembered_mapping(db, "staff", ["Løbenr", "Navn", "Afdeling"]) is None
    import_absence_files(db, unit_id, staff, absence, staff_mapping=staff_mapping,
                         absence_mapping=absence_mapping)
    assert remembered_mapping(db, "staff", [" LØBENR", "navn", "Afdeling "]) == staff_mapping
    assert remembered_mapping(db, "absence", ["Nr", "Årsag", "Startdato", "Slutdato"]) == (
        absence_mapping
    )
    assert remembered_mapping(db, "absence", ["Løbenr", "Navn", "Afdeling"]) is None
    dataset = load_dataset(db, unit_id)
    assert dataset is not None and dataset.teams == ["A"]  # the name column was dropped
    changed = {**staff_mapping, "Team": None}
    import_absence_files(db, unit_id, staff, absence, staff_mapping=changed,
                         absence_mapping=absence_mapping)
    assert remembered_mapping(db, "staff", ["Løbenr", "Navn", "Afdeling"]) == changed


def test_key_figures_are_validated_and_upserted_by_month(db) -> None:
    unit_id = units.create_unit(db, "Børnehuset")
    save_key_figure(db, unit_id, KeyFigureRow(date(2025, 3, 17), 6.5, 120.0, 40.0))
    save_key_figure(db, unit_id, KeyFigureRow(date(2025, 1, 1), 7.5, None, None))
    save_key_figure(db, unit_id, KeyFigureRow(date(2025, 3, 1), 6.8, 125.5, 40.0))
    assert list_key_figures(db, unit_id) == [
        KeyFigureRow(date(2025, 1, 1), 7.5, None, None),
        KeyFigureRow(date(2025, 3, 1), 6.8, 125.5, 40.0),
    ]
    for bad, words in (
        (KeyFigureRow(date(2025, 4, 1), 100.5, None, None), "0 og 100"),
        (KeyFigureRow(date(2025, 4, 1), -1.0, None, None), "0 og 100"),
        (KeyFigureRow(date(2025, 4, 1), None, -3.0, None), "negativ"),
        (KeyFigureRow(date(2025, 4, 1), None, None, 0.0), "større end 0"),
        (KeyFigureRow(date(2025, 4, 1), None, None, None), "mindst ét"),
        (KeyFigureRow(date(2025, 4, 1), float("nan"), None, None), "tal"),
    ):
        with pytest.raises(ValidationError, match=words):
            save_key_figure(db, unit_id, bad)
    assert len(list_key_figures(db, unit_id)) == 2
    delete_key_figure(db, unit_id, date(2025, 3, 31))
    assert [r.month for r in list_key_figures(db, unit_id)] == [date(2025, 1, 1)]
    with pytest.raises(NotFoundError):
        delete_key_figure(db, unit_id, date(2025, 3, 1))
    with pytest.raises(NotFoundError):
        save_key_figure(db, unit_id + 99, KeyFigureRow(date(2025, 4, 1), 5.0, None, None))


def test_figures_are_remembered_per_selection_and_renewed_by_a_new_import(
    db, tmp_path
) -> None:
    unit_id = units.create_unit(db, "Børnehuset")
    staff, absence = small_files(tmp_path)
    import_absence_files(db, unit_id, staff, absence)
    first = unit_stats(db, unit_id)
    assert first is not None and unit_stats(db, unit_id) is first  # back to it: no recount
    write(absence, "Medarbejder;Fraværsårsag;Fra;Til", "K3;Sygdom;01-03-2024;04-03-2024")
    import_absence_files(db, unit_id, staff, absence)
    renewed = unit_stats(db, unit_id)
    assert renewed is not None and renewed is not first
    assert renewed.sick_spells == 1
