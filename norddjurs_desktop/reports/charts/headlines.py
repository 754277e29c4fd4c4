"""Each chart's main figure as one Danish sentence, for an action's data reference.

An action in the plan records why it was chosen; the sentence is what the
meeting saw in the chart, written out so the plan reads without the chart.
It follows the charts' rules: hidden groups stay hidden ("færre end 5"),
planned leave is not counted as absence to act on.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from norddjurs_desktop.domain.absence import (
    AGE_GROUP,
    JOB_GROUP,
    MIN_GROUP_SIZE,
    SICK_REASONS,
    TEAM,
    AbsenceStats,
)
from norddjurs_desktop.domain.dates import danish_date, format_number
from norddjurs_desktop.reports.charts.distribution_charts import LEAVE_REASONS
from norddjurs_desktop.reports.charts.drawing import (
    HIDDEN_LABEL,
    MONTH_NAMES,
    days_text,
    elide,
    pct_text,
    share,
    year_label,
)
from norddjurs_desktop.reports.charts.group_charts import protecting
from norddjurs_desktop.reports.charts.inputs import ChartExtra, visible_pct, visible_points


def headline(chart_key: str, stats: AbsenceStats, extra: ChartExtra | None = None) -> str:
    """The chart's main figure as one Danish sentence, for an action's data reference."""
    extra = extra or ChartExtra()
    ambition = f"ambition {format_number(extra.ambition, 0)} %"
    make = _HEADLINES.get(chart_key)
    if make is None:
        raise KeyError(chart_key)
    return make(stats, extra, ambition)


def _h_rolling(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    points = [p for p in visible_points(extra.rolling) if p.absence_pct is not None]
    if points:
        last = points[-1]
        assert last.absence_pct is not None
        return (
            f"Sygefravær {pct_text(last.absence_pct)} ({ambition}) i 12 måneder til "
            f"{danish_date(last.period_to)}"
        )
    return _h_total(stats, extra, ambition)


def _h_total(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    if stats.absence_pct is None:
        return "Intet sygefravær at beregne i perioden"
    return f"Sygefravær {pct_text(stats.absence_pct)} ({ambition})"


def _h_reasons(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    parts = [
        f"{r} {days_text(stats.days_by_type.get(r, 0.0))}"
        for r in ("Egen sygdom", "§56", "Arbejdsskade")
    ]
    others = sorted(
        (
            (v, r)
            for r, v in stats.days_by_type.items()
            if r not in SICK_REASONS and r not in LEAVE_REASONS and v > 0
        ),
        reverse=True,
    )
    text = f"{days_text(stats.sick_days)} sygedage ({', '.join(parts)})"
    if others:
        value, reason = others[0]
        text += f"; mest andet fravær: {reason} {days_text(value)} dage"
    return text


def _h_counts(values: Mapping[str, int], unit: str, phrase: Callable[[str], str]) -> str:
    total = sum(values.values())
    if not total:
        return f"Ingen {unit} i perioden"
    label, count = max(values.items(), key=lambda item: item[1])
    return f"{share(count, total)} af {unit} {phrase(label)} ({count} af {total})"


def _h_durations(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    return _h_counts(stats.duration_bands, "forløbene", lambda b: f"varer {b} dage")


def _h_weekdays(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    return _h_counts(stats.weekday_starts, "forløbene", lambda d: f"starter {d}")


def _h_months(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    total = sum(stats.sick_days_by_month.values())
    if not total:
        return "Ingen sygedage i perioden"
    month, days = max(stats.sick_days_by_month.items(), key=lambda item: item[1])
    return (
        f"Flest sygedage i {MONTH_NAMES[month - 1]}: {days_text(days)} dage "
        f"({share(days, total)} af periodens sygedage)"
    )


def _h_groups(
    groups: Mapping[str, float | None],
    noun: str,
    ambition_pct: float,
    ambition: str,
    protected: Collection[str] = (),
) -> str:
    shown = {k: v for k, v in groups.items() if v is not None}
    guards = sum(1 for k in groups if k in protected)
    hidden = len(groups) - len(shown) - guards
    if not shown:
        return f"Ingen {noun} med mindst {MIN_GROUP_SIZE} personer"
    label, value = max(shown.items(), key=lambda item: item[1])
    over = sum(1 for v in shown.values() if v > ambition_pct)
    text = (
        f"Højest: {elide(label)} {pct_text(value)} ({ambition}); "
        f"{over} af {len(shown)} viste {noun} over ambitionen"
    )
    text += f"; {hidden} skjult ({HIDDEN_LABEL})" if hidden else ""
    return text + (f"; {guards} skjult for at beskytte dem" if guards else "")


def _h_bradford(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    bands = stats.bradford_bands
    high = bands.get("500+", 0)
    mid = bands.get("300-499", 0)
    total = sum(bands.values())
    return (
        f"{high} af {total} personer har en Bradford-faktor på 500 eller mere, "
        f"{mid} mellem 300 og 499"
    )


def _h_yearly(stats: AbsenceStats, extra: ChartExtra, ambition: str) -> str:
    parts = []
    for point in extra.yearly:
        value = visible_pct(point)
        label = year_label(point).replace("\n", " ")
        parts.append(f"{label}: {pct_text(value) if value is not None else HIDDEN_LABEL}")
    if not parts:
        return _h_total(stats, extra, ambition)
    return f"Sygefravær {', '.join(parts)} ({ambition})"


_HEADLINES: dict[str, Callable[[AbsenceStats, ChartExtra, str], str]] = {
    "rolling": _h_rolling,
    "total": _h_total,
    "reasons": _h_reasons,
    "durations": _h_durations,
    "weekdays": _h_weekdays,
    "months": _h_months,
    "teams": lambda s, e, a: _h_groups(
        s.by_team, "teams", e.ambition, a, protecting(s, TEAM)),
    "job_groups": lambda s, e, a: _h_groups(
        s.by_job_group, "faggrupper", e.ambition, a, protecting(s, JOB_GROUP)),
    "age_groups": lambda s, e, a: _h_groups(
        s.by_age_group, "aldersgrupper", e.ambition, a, protecting(s, AGE_GROUP)),
    "bradford": _h_bradford,
    "yearly": _h_yearly,
}
