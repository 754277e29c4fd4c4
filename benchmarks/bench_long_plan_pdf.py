"""Time the plan export when every kind of field is 5,000 characters long somewhere.

Run: .venv/bin/python benchmarks/bench_long_plan_pdf.py

Uses the plan of tests/test_plan_long_fields.py (one long field per row; 23
long fields in all, a unit name of 5,000 characters in every footer) and
reports the median of 3 exports after a warm-up, plus the page count.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

RUNS = 3


def main() -> None:
    from pypdf import PdfReader
    from test_plan_long_fields import long_plan

    from norddjurs_desktop.reports.plan_pdf import write_action_plan

    plan = long_plan({})
    times = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "lang.pdf"
        write_action_plan(plan, out)  # warm-up: matplotlib import, font registration
        for _ in range(RUNS):
            start = time.perf_counter()
            write_action_plan(plan, out)
            times.append(time.perf_counter() - start)
        pages = len(PdfReader(out).pages)
    print(f"median of {RUNS} exports: {statistics.median(times):.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}); {pages} pages")


if __name__ == "__main__":
    main()
