"""kill -9 at random moments: an edit loop and an absence import, then the file examined.

Each trial starts a child process that writes through the real services and
reports each commit on stdout the moment the service returns; the parent
kills it with SIGKILL after a random delay. Then:

- the ``.sqlite`` file ALONE (copied without any ``-journal``) must pass
  ``integrity_check`` and hold every edit the child reported committed;
- the file as SQLite opens it (hot journal beside it, rolled back) must be
  whole too and hold no half import.

The fault tests run a handful of trials; run many from here:

    PYTHONPATH=. python benchmarks/kill_trials.py --edits 200 --imports 50
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EDIT_CHILD = """
import sys
from pathlib import Path
from norddjurs_desktop.services import screenings
from norddjurs_desktop.storage.database import open_database
db = open_database(Path(sys.argv[1]))
screening_id = int(sys.argv[2])
i = 0
while True:
    screenings.add_participant(db, screening_id, f"Deltager {i}", "Medarbejder")
    screenings.set_notes(db, screening_id, "handling", challenges=f"note {i}")
    print(i, flush=True)
    i += 1
"""

IMPORT_CHILD = """
import sys
from pathlib import Path
from norddjurs_desktop.services.absence_import import import_absence_files
from norddjurs_desktop.storage.database import open_database
db = open_database(Path(sys.argv[1]))
print("start", flush=True)
info = import_absence_files(db, int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
print("done", info.staff_rows, info.absence_rows, flush=True)
"""


@dataclass
class Trial:
    kind: str
    reported: int  # edits reported committed (imports: 1 if reported done)
    journal_left: bool  # a -journal was beside the file: killed inside a transaction
    alone_ok: bool  # the .sqlite alone: integrity_check ok
    alone_has_all: bool  # … and holds every reported commit (imports: nothing half)
    opened_ok: bool  # opened as SQLite does (journal rolled back): whole, nothing half

    @property
    def survived(self) -> bool:
        return self.alone_ok and self.alone_has_all and self.opened_ok


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _app_opens(path: Path) -> bool:
    """The app's own opening (hot journal rolled back, quick_check) accepts the file."""
    from norddjurs_desktop.storage.database import open_database
    from norddjurs_desktop.storage.errors import StorageError

    try:
        open_database(path).close()
    except StorageError:
        return False
    return True


def _integrity(path: Path) -> bool:
    try:
        with closing(sqlite3.connect(path)) as conn:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False


def _kill_after(child: subprocess.Popen[str], first_line: str | None, delay: float) -> list[str]:
    """Wait for the child to start writing, sleep, kill -9; the lines it printed."""
    assert child.stdout is not None
    lines: list[str] = []
    if first_line is not None:
        lines.append(child.stdout.readline().strip())
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    lines += [line.strip() for line in child.stdout.read().splitlines()]
    return lines


def prepare_database(path: Path) -> tuple[int, int]:
    """A database with one unit and one screening (ids returned)."""
    from norddjurs_desktop.services import screenings, units
    from norddjurs_desktop.services.bootstrap import open_app_database

    db = open_app_database(path)
    try:
        unit_id = units.create_unit(db, "Hjemmeplejen Syd")
        from datetime import date

        return unit_id, screenings.create_screening(db, unit_id, on=date(2025, 5, 6))
    finally:
        db.close()


def edit_trial(folder: Path, rng: random.Random) -> Trial:
    path = folder / "redigering.sqlite"
    _unit_id, screening_id = prepare_database(path)
    child = subprocess.Popen(
        [sys.executable, "-c", EDIT_CHILD, str(path), str(screening_id)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, env=_env(),
    )
    lines = _kill_after(child, "0", rng.uniform(0.0, 0.5))
    assert lines and lines[0] == "0", "the edit loop did not start"
    reported = [int(line) for line in lines if line.isdigit()]
    last = max(reported, default=-1)
    journal_left = path.with_name(path.name + "-journal").exists()
    alone = folder / "alene.sqlite"
    shutil.copyfile(path, alone)  # the .sqlite only, as a user copies it
    alone_ok = _integrity(alone)
    alone_has_all = alone_ok and _holds_edits(alone, screening_id, last)
    opened_ok = _app_opens(path) and _integrity(path) and _holds_edits(path, screening_id, last)
    return Trial("edit", last + 1, journal_left, alone_ok, alone_has_all, opened_ok)


def _holds_edits(path: Path, screening_id: int, last: int) -> bool:
    with closing(sqlite3.connect(path)) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM participant")}
        note = conn.execute(
            "SELECT challenges FROM theme_assessment WHERE screening_id=? AND theme_key='handling'",
            (screening_id,),
        ).fetchone()
    if any(f"Deltager {i}" not in names for i in range(last + 1)):
        return False
    if last < 0:
        return True
    number = int(note[0].split()[1]) if note and note[0] else -1
    return number >= last


def import_trial(
    folder: Path, rng: random.Random, files: tuple[Path, Path], max_delay: float = 3.0
) -> Trial:
    path = folder / "import.sqlite"
    unit_id, _screening_id = prepare_database(path)
    child = subprocess.Popen(
        [sys.executable, "-c", IMPORT_CHILD, str(path), str(unit_id), *map(str, files)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, env=_env(),
    )
    lines = _kill_after(child, "start", rng.uniform(0.0, max_delay))
    assert lines and lines[0] == "start", "the import did not start"
    done = [line for line in lines if line.startswith("done")]
    journal_left = path.with_name(path.name + "-journal").exists()
    alone = folder / "alene.sqlite"
    shutil.copyfile(path, alone)
    alone_ok = _integrity(alone)
    alone_whole = alone_ok and _import_whole(alone, bool(done))
    opened_ok = _app_opens(path) and _integrity(path) and _import_whole(path, bool(done))
    return Trial("import", len(done), journal_left, alone_ok, alone_whole, opened_ok)


def _import_whole(path: Path, reported_done: bool) -> bool:
    """No half import: either none, or one whose staff and absence blocks are whole and hold
    what the import says."""
    from norddjurs_desktop.storage.absence_block import DamagedBlockError, decode_block
    from norddjurs_desktop.storage.staff_block import decode_staff

    with closing(sqlite3.connect(path)) as conn:
        imports = conn.execute("SELECT id, staff_rows, absence_rows FROM absence_import").fetchall()
        if not imports:
            return not reported_done
        (import_id, staff_rows, absence_rows), = imports
        blocks = [conn.execute(
            f"SELECT format_version, row_count, data FROM {table} WHERE import_id=?",
            (import_id,),
        ).fetchone() for table in ("staff_block", "absence_block")]
    if None in blocks:
        return False
    (staff_version, staff_count, staff_data), (version, count, data) = blocks
    try:  # whole, not merely present: every row decodes
        staff = decode_staff(staff_data, version=staff_version, rows=staff_count).rows
        absence = decode_block(data, version=version, rows=count).rows
    except DamagedBlockError:
        return False
    return (staff, absence) == (staff_rows, absence_rows)


def absence_files(folder: Path, staff: int = 400) -> tuple[Path, Path]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_absence_files import make_files

    return make_files(folder, staff_count=staff, seed=7)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=50, help="kills of the edit loop")
    parser.add_argument("--imports", type=int, default=20, help="kills of an import")
    parser.add_argument("--staff", type=int, default=1500, help="persons in the import")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--max-delay", type=float, default=3.0,
        help="longest wait before killing an import (seconds after it starts; cover its length)",
    )
    args = parser.parse_args()
    import tempfile

    rng = random.Random(args.seed)
    trials: list[Trial] = []
    with tempfile.TemporaryDirectory() as tmp:
        files = absence_files(Path(tmp) / "filer", args.staff)
        for n in range(args.edits + args.imports):
            folder = Path(tmp) / f"forsoeg-{n}"
            folder.mkdir()
            if n < args.edits:
                trials.append(edit_trial(folder, rng))
            else:
                trials.append(import_trial(folder, rng, files, args.max_delay))
            shutil.rmtree(folder)
    for kind in ("edit", "import"):
        mine = [t for t in trials if t.kind == kind]
        print(json.dumps({
            "kind": kind,
            "kills": len(mine),
            "survived": sum(t.survived for t in mine),
            "killed_inside_a_transaction": sum(t.journal_left for t in mine),
            "alone_whole": sum(t.alone_ok and t.alone_has_all for t in mine),
            "opened_whole": sum(t.opened_ok for t in mine),
            "commits_reported": sum(t.reported for t in mine),
        }))
    failed = [asdict(t) for t in trials if not t.survived]
    if failed:
        print(json.dumps(failed, indent=1))


if __name__ == "__main__":
    main()
