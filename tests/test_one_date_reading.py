"""One reading of a date for the whole app: the CLI options and the imported files agree.

`01/02/2024` is the case that once differed (accepted by the CLI, refused by the
importer): it is 1 February 2024 everywhere, day first as Danish is written.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from norddjurs_desktop.cli import main
from norddjurs_desktop.domain.dates import parse_danish_date
from norddjurs_desktop.importing.absence_export import read_export
from norddjurs_desktop.importing.values import parse_date

ACCEPTED = {
    "01-02-2024": date(2024, 2, 1),
    "1-2-2024": date(2024, 2, 1),
    "01.02.2024": date(2024, 2, 1),
    "01/02/2024": date(2024, 2, 1),
    "1/2/2024": date(2024, 2, 1),
    "2024-02-01": date(2024, 2, 1),
    " 01-02-2024 ": date(2024, 2, 1),
    "01-02-2024 00:00:00": date(2024, 2, 1),
    "01/02/2024 08.15": date(2024, 2, 1),
    "2024-02-01T00:00:00": date(2024, 2, 1),
    "31-12-2024": date(2024, 12, 31),
}
REFUSED = ["02/30/2024", "2024/02/01", "1 februar 2024", "01-02-24", "20240201", "i går",
           "29-02-2023", "31/04/2024"]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED.items())
def test_every_accepted_form_means_the_same_day_in_the_cli_and_the_import(
        text: str, expected: date) -> None:
    assert parse_danish_date(text) == expected
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", REFUSED)
def test_what_one_refuses_the_other_refuses_too(text: str) -> None:
    with pytest.raises(ValueError) as cli:
        parse_danish_date(text)
    with pytest.raises(ValueError) as imported:
        parse_date(text)
    assert str(cli.value) == str(imported.value)
    assert "dd-mm-åååå" in str(cli.value) or "findes ikke i kalenderen" in str(cli.value)


def test_slashes_in_a_file_and_on_the_command_line_give_the_same_period(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    staff = tmp_path / "s.csv"
    staff.write_text("Medarbejder;Team\r\n" + "".join(f"K{i};Alfa\r\n" for i in range(6)),
                     encoding="utf-8")
    absence = tmp_path / "a.csv"
    absence.write_text("Medarbejder;Fraværsårsag;Fra;Til\r\n"
                       "K1;Sygdom;01/02/2024;02/02/2024\r\n"
                       "K2;Sygdom;05/03/2024;05/03/2024\r\n", encoding="utf-8")
    data = read_export(staff, absence)
    assert (data.absences[0].start, data.absences[0].end) == (date(2024, 2, 1), date(2024, 2, 2))

    db = tmp_path / "f.sqlite"
    assert main(["import-absence", "--db", str(db), "--unit", "Alfa", "--staff", str(staff),
                 "--absence", str(absence)]) == 0
    capsys.readouterr()
    assert main(["stats", "--db", str(db), "--unit", "Alfa", "--from", "01/02/2024",
                 "--to", "2024-02-29", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["period"] == {"from": "2024-02-01", "to": "2024-02-29"}
