"""What a fresh database costs a test: migrating one, or copying a migrated template.

Run: `.venv/bin/python benchmarks/bench_test_fixture.py` (median of 15 each).
tests/conftest.py copies one template per test run instead of migrating per test.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from norddjurs_desktop.services.bootstrap import open_app_database

RUNS = 15


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    template = folder / "template.sqlite"
    open_app_database(template).close()

    def migrated(i: int) -> float:
        start = time.perf_counter()
        open_app_database(folder / f"fresh{i}.sqlite").close()
        return time.perf_counter() - start

    def copied(i: int) -> float:
        start = time.perf_counter()
        target = folder / f"copy{i}.sqlite"
        shutil.copyfile(template, target)
        open_app_database(target).close()
        return time.perf_counter() - start

    fresh = statistics.median(migrated(i) for i in range(RUNS)) * 1000
    copy = statistics.median(copied(i) for i in range(RUNS)) * 1000
    print(f"migrate per test: {fresh:.0f} ms; copy the template: {copy:.0f} ms (median of {RUNS})")


if __name__ == "__main__":
    main()
