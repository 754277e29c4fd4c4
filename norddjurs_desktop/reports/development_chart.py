"""'Udvikling' as a picture: each theme's agreed score across the unit's screenings.

Small multiples, one panel per theme, so no line has to be told apart by its
colour: every point carries its number, the dates stand under the axis, and a
round's spread (lowest–highest) is drawn as a grey bar behind the point.

matplotlib is imported inside the function (Agg, no pyplot state).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from norddjurs_desktop.domain.plan import ScoreSpread
from norddjurs_desktop.reports.mpl_loading import load_matplotlib


def development_png(
    themes: Sequence[tuple[str, str]],  # (key, title)
    dates: Sequence[date],
    scores: dict[str, Sequence[int | None]],
    spreads: dict[str, Sequence[ScoreSpread | None]] | None = None,
    dpi: int = 100,
) -> bytes:
    load_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 4.8), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.subplots(2, 4, sharey=True)
    labels = [d.strftime("%d-%m-%Y") for d in dates]
    xs = list(range(len(dates)))
    for ax, (key, title) in zip(axes.flat, themes, strict=False):
        values = scores.get(key, [])
        for x, spread in zip(xs, (spreads or {}).get(key, []), strict=False):
            if spread is not None and spread.scores:
                ax.plot([x, x], [min(spread.scores), max(spread.scores)], color="#bbbbbb",
                        linewidth=7, solid_capstyle="butt", zorder=1)
        points = [(x, v) for x, v in zip(xs, values, strict=False) if v is not None]
        if points:
            ax.plot([p[0] for p in points], [p[1] for p in points], color="#1f1f1f",
                    marker="o", markersize=6, linewidth=1.5, zorder=2)
            for x, v in points:
                ax.annotate(str(v), (x, v), textcoords="offset points", xytext=(0, 7),
                            ha="center", fontsize=9, fontweight="bold")
        ax.set_title(title, fontsize=9.5)
        ax.set_ylim(0.5, 6.0)
        ax.set_yticks([1, 2, 3, 4, 5])
        ax.set_xlim(-0.5, max(len(xs) - 0.5, 0.5))
        ax.set_xticks(xs)
        ax.set_xticklabels(labels, fontsize=7, rotation=30, ha="right")
        ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
    figure.text(0.01, 0.01, "Punkt og tal: fælles score (1–5). Grå bjælke: laveste–højeste "
                "i den skjulte runde.", fontsize=8)
    figure.tight_layout(rect=(0, 0.04, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
