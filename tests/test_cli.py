"""The command line: demo, list and export-plan, and the one-line Danish errors."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from pypdf import PdfReader

from norddjurs_desktop.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m norddjurs_desktop` as a user would, in a fresh process."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    return subprocess.run(
        [sys.executable, "-m", "norddjurs_desktop", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_help_lists_the_commands() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("demo", "export-plan", "list"):
        assert command in result.stdout


def test_demo_then_list_then_export_the_latest_plan(tmp_path: Path, capsys) -> None:
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["list", "--db", str(db)]) == 0
    listing = capsys.readouterr().out
    assert "Eksempel: Børnehuset Æblehaven" in listing
    import re

    count = re.search(r"Screening 1: .* (\d+) handlinger", listing)
    assert count is not None and int(count.group(1)) >= 5

    out = tmp_path / "plan.pdf"
    assert main(["export-plan", "--db", str(db), "--screening", "latest", "--out", str(out)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Handlingsplan" in text and "Æblehaven" in text


def test_the_cli_imports_no_qt(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    code = (
        "import sys; from norddjurs_desktop.cli import main; "
        f"main(['demo', '--db', r'{db}']); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--screening", "99"], "ingen screening med id 99"),
        (["--screening", "nogle"], "skal være et tal eller 'latest'"),
    ],
)
def test_export_errors_are_one_danish_line_and_exit_2(
    tmp_path: Path, capsys, args: list[str], expected: str
) -> None:
    db = tmp_path / "demo.sqlite"
    main(["demo", "--db", str(db)])
    capsys.readouterr()
    code = main(["export-plan", "--db", str(db), *args, "--out", str(tmp_path / "p.pdf")])
    err = capsys.readouterr().err
    assert code == 2
    assert expected in err and len(err.strip().splitlines()) == 1


def test_an_unwritable_path_gives_a_danish_message(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    run_cli("demo", "--db", str(db))
    result = run_cli(
        "export-plan",
        "--db",
        str(db),
        "--screening",
        "latest",
        "--out",
        str(tmp_path / "findes-ikke" / "plan.pdf"),
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Fejl: Kan ikke skrive")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.sqlite"
    run_cli("demo", "--db", str(db))
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
        conn.commit()
    result = run_cli("list", "--db", str(db))
    assert result.returncode == 2
    assert "nyere version af Fremmødepaletten" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_usage_error_is_danish_too() -> None:
    result = run_cli("export-plan", "--db", "x.sqlite")
    assert result.returncode == 2
    assert result.stderr.startswith("Fejl: forkert brug")


def test_help_and_usage_errors_are_danish(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["list", "--help"])
    out = capsys.readouterr().out
    assert "tilvalg:" in out and "vis denne hjælp og afslut" in out
    assert "options" not in out and "show this help" not in out
    with pytest.raises(SystemExit) as exit_info:
        main(["list"])
    assert exit_info.value.code == 2
    assert "disse argumenter mangler: --db" in capsys.readouterr().err
