"""Start the built bundle as IT would, and fail if anything is missing.

    python packaging/bundle_check.py dist/Fremmoedepaletten     (make bundle-check)

Runs on a fresh database in a temporary folder, from another working folder,
with nothing of the checkout on the path:

1. the files the app reads are in the folder (migrations, decks, demo files,
   icon, licences, the DejaVu fonts, Danish Qt translations) and no test tools;
2. the console program: ``demo``, ``list``, ``decks``, ``export-plan``,
   ``cards``, ``export-actions``, ``import-absence``, ``stats``, ``share-export``,
   ``share-import`` into a second database and ``overview``, each exit 0 with
   real PDFs and XLSX files; a shared database on a server that is not there
   ends in the Danish "cannot reach the server" line (so psycopg's libpq and
   everything it imports are in the folder); on Linux, where one executable is
   both programs, the command line loads no Qt library;
3. the window program offscreen with ``--self-test`` (window, database, demo
   meeting, icon, translations, PDF preview, charts).

Prints the folder's size; exits 1 with every problem listed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

WINDOWS = os.name == "nt"
EXE = ".exe" if WINDOWS else ""
LIMIT_MB = 200
MUST_HAVE = [
    "LICENSE",
    "resources/decks/palette.toml",
    "resources/decks/tryghed.toml",
    "resources/decks/aktoerskab.toml",
    "resources/demo/fravaer.csv",
    "resources/demo/medarbejdere.csv",
    "resources/icons/fremmoedepaletten.svg",
    "resources/licenses/THIRD_PARTY_NOTICES.md",
    "resources/licenses/LGPL-3.0.txt",
    "norddjurs_desktop/storage/migrations/env.py",
    "norddjurs_desktop/storage/migrations/versions/0001_palette_screenings_and_actions.py",
    "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
    "PySide6/Qt/translations/qtbase_da.qm",
]
MUST_NOT_HAVE = ["pytest", "hypothesis", "mypy", "_pytest"]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def check_files(bundle: Path) -> list[str]:
    internal = bundle / "_internal"
    problems = [f"mangler {name}" for name in MUST_HAVE if not (internal / name).exists()]
    problems += [f"testværktøj i bundtet: {name}" for name in MUST_NOT_HAVE
                 if (internal / name).exists()]
    for program in ("fremmoedepaletten", "fremmoedepaletten-gui"):
        if not (bundle / f"{program}{EXE}").is_file():
            problems.append(f"mangler programmet {program}{EXE}")
    migrations = list((internal / "norddjurs_desktop/storage/migrations/versions").glob("0*.py"))
    source = Path(__file__).resolve().parents[1] / "norddjurs_desktop/storage/migrations/versions"
    if {p.name for p in migrations} != {p.name for p in source.glob("0*.py")}:
        problems.append("migrationerne i bundtet er ikke de samme som i kildekoden")
    return problems


def run(command: list[str], work: Path, env: dict[str, str], timeout: int = 300) -> str | None:
    """None when the command worked; else a short description of how it failed."""
    try:
        result = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True,
                                timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"{Path(command[0]).name} {command[1]}: ingen svar efter {timeout} s"
    if result.returncode != 0 or "Traceback" in result.stderr:
        tail = (result.stderr.strip() or result.stdout.strip()).splitlines()[-5:]
        return f"{Path(command[0]).name} {command[1]} (exit {result.returncode}): " + \
            " | ".join(tail)
    return None


UNREACHABLE = "Kan ikke få forbindelse til databaseserveren"


def closed_port() -> int:
    """A local TCP port nothing listens on (the OS handed it out, then it was closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def check_server_driver(cli: str, work: Path, env: dict[str, str]) -> list[str]:
    """The shared-database route: the driver loads and a refused connection is one Danish line."""
    address = f"postgresql+psycopg://fremmoede@127.0.0.1:{closed_port()}/fremmoede"
    result = subprocess.run([cli, "list", "--db", address], cwd=work, capture_output=True,
                            text=True, timeout=120, stdin=subprocess.DEVNULL,
                            env={**env, "PGPASSWORD": "x", "PGCONNECT_TIMEOUT": "5"})
    if result.returncode != 2 or UNREACHABLE not in result.stderr or "Traceback" in result.stderr:
        tail = " | ".join(result.stderr.strip().splitlines()[-3:])
        return [f"fremmoedepaletten list --db postgresql+psycopg://… (exit {result.returncode}): "
                f"{tail}"]
    return []


def check_cli_without_qt(cli: str, work: Path, env: dict[str, str]) -> list[str]:
    """Linux: the command line shares the window's executable but must not load Qt."""
    if not sys.platform.startswith("linux"):
        return []
    result = subprocess.run([cli, "decks", "--db", str(work / "uden-qt.sqlite")], cwd=work,
                            capture_output=True, text=True, timeout=120,
                            env={**env, "LD_DEBUG": "files"})
    if result.returncode != 0 or "libQt6Core" in result.stderr:
        return ["kommandolinjen indlæser Qt (eller fejlede)"]
    return []


def check_programs(bundle: Path) -> list[str]:
    cli = str(bundle / f"fremmoedepaletten{EXE}")
    gui = str(bundle / f"fremmoedepaletten-gui{EXE}")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bundle-check-") as temp:
        work = Path(temp)
        env["HOME"] = str(work / "home")  # the GUI's settings go here, not to the user's
        db = work / "ny database.sqlite"
        demo = bundle / "_internal" / "resources" / "demo"
        pdfs = {"plan.pdf": ["export-plan", "--db", str(db), "--screening", "latest"],
                "kort.pdf": ["cards", "--deck", "palette", "--db", str(db)]}
        sheets = {"handlinger.xlsx": ["export-actions", "--db", str(db), "--screening", "latest",
                                      "--out"],
                  "oversigt.xlsx": ["overview", "--db", str(db), "--xlsx"]}
        share = work / "enhed.fremmoede"
        hr = work / "hr.sqlite"
        steps = [
            ["demo", "--db", str(db)],
            ["list", "--db", str(db)],
            ["decks", "--db", str(db)],
            *[[*args, "--out", str(work / name)] for name, args in pdfs.items()],
            *[[*args, str(work / name)] for name, args in sheets.items()],
            ["import-absence", "--db", str(db), "--unit", "Prøveenhed",
             "--staff", str(demo / "medarbejdere.csv"), "--absence", str(demo / "fravaer.csv")],
            ["stats", "--db", str(db), "--unit", "Prøveenhed", "--json"],
            ["share-export", "--db", str(db), "--unit", "Prøveenhed", "--out", str(share)],
            ["share-import", "--db", str(hr), "--file", str(share)],
            ["overview", "--db", str(hr), "--json"],
        ]
        for step in steps:
            failure = run([cli, *step], work, env)
            if failure:
                problems.append(failure)
        problems += check_server_driver(cli, work, env)
        problems += check_cli_without_qt(cli, work, env)
        for name in pdfs:
            pdf = work / name
            if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
                problems.append(f"{name} blev ikke skrevet")
        for name in sheets:
            sheet = work / name
            if not sheet.is_file() or not sheet.read_bytes().startswith(b"PK"):
                problems.append(f"{name} blev ikke skrevet")
        failure = run([gui, "--self-test", "--db", str(work / "vindue.sqlite")], work, env)
        if failure:
            problems.append(failure)
    return problems


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else "dist/Fremmoedepaletten").resolve()
    if not bundle.is_dir():
        print(f"Bundtet {bundle} findes ikke: kør make bundle først.", file=sys.stderr)
        return 1
    problems = check_files(bundle)
    if not problems:
        problems = check_programs(bundle)
    size_mb = folder_size(bundle) / 1e6
    print(f"Bundtet {bundle}: {size_mb:.0f} MB (mål: under {LIMIT_MB} MB)")
    if size_mb > LIMIT_MB:
        # Held on Linux, where CI builds it; the Windows folder carries the modules twice
        # and Qt's full ICU data (packaging/README.md), so there it is a warning.
        if sys.platform.startswith("linux"):
            problems.append(f"bundtet er {size_mb:.0f} MB, over målet på {LIMIT_MB} MB")
        else:
            print(f"Advarsel: bundtet er større end {LIMIT_MB} MB.", file=sys.stderr)
    for problem in problems:
        print(f"FEJL: {problem}", file=sys.stderr)
    if problems:
        return 1
    print("Bundtet virker: kommandolinjen (demo, list, decks, export-plan, cards, export-actions, "
          "import-absence, stats, share-export, share-import, overview, PostgreSQL-driveren) og "
          "vinduet (selvtest).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
