"""The data view's charts by key: which charts there are, in which order, under which title.

The GUI lists :data:`CHARTS` and asks :func:`build_chart` for a figure; an
action's data reference asks :func:`headline` for the same figure as a
sentence. The builders live in :mod:`norddjurs_desktop.reports.charts`
(one module per kind of chart); this module only names them, so adding a
chart is one line here. Each builder takes an :class:`AbsenceStats` plus
the trends in a :class:`ChartExtra` and returns a fresh matplotlib figure
that the GUI embeds and a test or a report renders with Agg.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from norddjurs_desktop.domain.absence import AbsenceStats
from norddjurs_desktop.reports.charts.distribution_charts import (
    bradford_chart,
    durations_chart,
    months_chart,
    reasons_chart,
    weekdays_chart,
)
from norddjurs_desktop.reports.charts.drawing import HIDDEN_LABEL, MONTHS, SCREEN_DPI
from norddjurs_desktop.reports.charts.group_charts import (
    age_groups_chart,
    job_groups_chart,
    teams_chart,
)
from norddjurs_desktop.reports.charts.headlines import headline
from norddjurs_desktop.reports.charts.inputs import AMBITION_PCT, ChartExtra
from norddjurs_desktop.reports.charts.trend_charts import (
    key_figures_chart,
    rolling_chart,
    yearly_chart,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "AMBITION_PCT",
    "CHARTS",
    "HIDDEN_LABEL",
    "MONTHS",
    "SCREEN_DPI",
    "ChartExtra",
    "ChartSpec",
    "build_chart",
    "chart_by_key",
    "headline",
    "key_figures_chart",
]

Builder = Callable[[AbsenceStats, ChartExtra, int], "Figure"]


class ChartSpec(NamedTuple):
    key: str
    title: str
    builder: Builder


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("rolling", "Sygefravær, rullende 12 måneder", rolling_chart),
    ChartSpec("reasons", "Fraværsdage efter årsag", reasons_chart),
    ChartSpec("durations", "Sygeforløbenes længde", durations_chart),
    ChartSpec("weekdays", "Ugedag for første sygedag", weekdays_chart),
    ChartSpec("months", "Sygedage efter måned", months_chart),
    ChartSpec("teams", "Sygefravær efter team", teams_chart),
    ChartSpec("job_groups", "Sygefravær efter faggruppe", job_groups_chart),
    ChartSpec("age_groups", "Sygefravær efter aldersgruppe", age_groups_chart),
    ChartSpec("bradford", "Bradford-faktor (antal personer)", bradford_chart),
    ChartSpec("yearly", "Sygefravær år for år", yearly_chart),
)


def chart_by_key(key: str) -> ChartSpec:
    for spec in CHARTS:
        if spec.key == key:
            return spec
    raise KeyError(key)


def build_chart(key: str, stats: AbsenceStats, extra: ChartExtra, dpi: int = SCREEN_DPI) -> Figure:
    """The figure of the chart ``key`` (see :data:`CHARTS`)."""
    return chart_by_key(key).builder(stats, extra, dpi)
