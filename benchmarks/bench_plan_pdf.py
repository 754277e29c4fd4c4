"""Time the action-plan export: 8 scored themes, 30 actions, median of 5 runs.

Run: .venv/bin/python benchmarks/bench_plan_pdf.py   (aim: under 1 s per export)
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from norddjurs_desktop.domain.palette import PALETTE_THEMES
from norddjurs_desktop.domain.plan import (
    ActionPlan,
    DataReference,
    PlanAction,
    PlanParticipant,
    PlanTheme,
    ScoreSpread,
)

RUNS = 5
COLOURS = ("#1f5fa8", "#e07b1a", "#3a8f3a", "#b8322a", "#7a4fa0", "#8a5a3c", "#c8509b", "#1a9aa8")
SYMBOLS = ("circle", "square", "triangle", "diamond", "star", "hexagon", "cross", "ring")


def sample_plan() -> ActionPlan:
    themes = tuple(
        PlanTheme(key, title, COLOURS[i], SYMBOLS[i], score=i % 5 + 1,
                  resources="Vi hjælper hinanden, og lederen er synlig i hverdagen. " * 2,
                  challenges="Få kender reglerne for § 56 og fastholdelsesplanen. " * 2,
                  priority={3: 1, 0: 2}.get(i),
                  spread=ScoreSpread((2, 3, 3, 4, 5, 5), passes=1))
        for i, (key, title) in enumerate(PALETTE_THEMES)
    )
    reference = DataReference("Fravær pr. ugedag", "2024", "Team Solsikken",
                              "38 % mandage", "Mandage skiller sig ud.")
    actions = tuple(
        PlanAction(
            theme_title=PALETTE_THEMES[n % 8][1],
            problem=f"Observation {n}: sygemeldinger på mandage håndteres forskelligt. " * 2,
            action=f"Handling {n}: fast procedure for 1-3-10-kontakten på én side. " * 2,
            owner=f"Søren Ærø {n}",
            deadline=date(2025, 3, 1) + timedelta(days=7 * n),
            follow_up=date(2025, 4, 1) + timedelta(days=7 * n),
            status="i gang",
            success="Alle sygemeldte er kontaktet på dag 1, 3 og 10.",
            data_reference=reference if n % 10 == 0 else None,
        )
        for n in range(1, 31)
    )
    return ActionPlan(
        unit_name="Børnehuset Æblegården", screening_date=date(2025, 2, 14), forum="TRIO",
        purpose="Årlig selvscreening.",
        participants=(PlanParticipant("Åse Kjærgård", "Leder"),
                      PlanParticipant("Bjørn Læssøe", "TR"),
                      PlanParticipant("Mette Højbjerg", "AMR")),
        themes=themes, actions=actions, next_follow_up=date(2025, 6, 2),
    )


def main() -> None:
    started = time.perf_counter()
    from norddjurs_desktop.reports.plan_pdf import write_action_plan

    import_seconds = time.perf_counter() - started
    plan = sample_plan()
    times = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "plan.pdf"
        first = time.perf_counter()
        write_action_plan(plan, out)  # warm-up: matplotlib import, font registration
        first_seconds = time.perf_counter() - first
        for _ in range(RUNS):
            start = time.perf_counter()
            write_action_plan(plan, out)
            times.append(time.perf_counter() - start)
        size = out.stat().st_size
    print(f"import of reports.plan_pdf: {import_seconds:.3f} s")
    print(f"first export (cold):        {first_seconds:.3f} s")
    print(f"median of {RUNS} exports:       {statistics.median(times):.3f} s "
          f"(min {min(times):.3f}, max {max(times):.3f}); PDF {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
