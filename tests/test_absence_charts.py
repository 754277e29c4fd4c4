"""Every chart of the data view builds from real figures and can be read without colour."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from norddjurs_desktop.domain.absence import (
    AbsenceRow,
    AbsenceStats,
    StaffMember,
    compute_stats,
    rolling_absence,
    yearly_absence,
)
from norddjurs_desktop.reports.absence_charts import CHARTS
from norddjurs_desktop.reports.charts.drawing import HIDDEN_LABEL, PROTECTING_LABEL
from norddjurs_desktop.reports.charts.headlines import headline
from norddjurs_desktop.reports.charts.inputs import ChartExtra
from norddjurs_desktop.reports.charts.trend_charts import key_figures_chart

TEAMS = {"Team Nord": 6, "Team Syd": 6, "Team Øst": 3}


def _staff() -> list[StaffMember]:
    staff = []
    for team, size in TEAMS.items():
        for n in range(size):
            staff.append(StaffMember(f"{team[5]}{n}", team, "Pædagog" if n % 2 else "Medhjælper",
                                     25 + 7 * n, 1.0 if n % 3 else 0.8))
    return staff


def _absences() -> list[AbsenceRow]:
    rows = [
        ("N0", "Egen sygdom", date(2023, 1, 9), date(2023, 1, 13)),
        ("N1", "Egen sygdom", date(2024, 1, 8), date(2024, 1, 12)),  # Monday to Friday
        ("N2", "Egen sygdom", date(2024, 3, 4), date(2024, 3, 5)),
        ("N2", "Egen sygdom", date(2024, 5, 6), date(2024, 5, 6)),
        ("S0", "Egen sygdom", date(2024, 2, 5), date(2024, 3, 20)),  # a long spell
        ("S1", "§56", date(2024, 6, 3), date(2024, 6, 3)),
        ("S2", "Barns sygdom", date(2024, 4, 8), date(2024, 4, 8)),
        ("Ø0", "Egen sygdom", date(2024, 9, 2), date(2024, 9, 4)),
        ("N3", "Ferie", date(2024, 7, 1), date(2024, 7, 19)),
        ("N4", "Egen sygdom", date(2024, 12, 30), date(2024, 12, 31)),
    ]
    return [AbsenceRow(*row) for row in rows]


@pytest.fixture(scope="module")
def figures() -> tuple[AbsenceStats, ChartExtra]:
    staff, absences = _staff(), _absences()
    stats = compute_stats(staff, absences, date(2024, 1, 1), date(2024, 12, 31))
    extra = ChartExtra(
        tuple(rolling_absence(staff, absences)), tuple(yearly_absence(staff, absences))
    )
    return stats, extra


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


@pytest.mark.parametrize("spec", CHARTS, ids=[spec.key for spec in CHARTS])
def test_every_chart_builds_draws_and_has_a_headline(spec, figures) -> None:
    stats, extra = figures
    fig = spec.builder(stats, extra, 80)
    assert isinstance(fig, Figure)
    buffer = io.BytesIO()
    FigureCanvasAgg(fig).print_png(buffer)
    assert buffer.getvalue().startswith(b"\x89PNG")
    assert fig.axes[0].get_xlabel() or fig.axes[0].get_ylabel()  # Danish axis label
    sentence = headline(spec.key, stats, extra)
    assert sentence and not re.search(r"\d\.\d+ %", sentence)  # no decimal point


def test_hidden_groups_are_outlined_and_labelled(figures) -> None:
    stats, extra = figures
    hidden = [team for team, value in stats.by_team.items() if value is None]
    # Team Øst has three persons, and the second suppression hides one more team
    assert "Team Øst" in hidden and len(hidden) == 2
    spec = next(s for s in CHARTS if s.key == "teams")
    texts = _texts(spec.builder(stats, extra, 80))
    # Øst is too small; the team hidden to protect it has five or more and says so.
    assert texts.count(HIDDEN_LABEL) == 1 and texts.count(PROTECTING_LABEL) == 1
    assert len(hidden) == 2
    assert HIDDEN_LABEL == "færre end 5"
    sentence = headline("teams", stats, extra)
    assert "1 skjult (færre end 5); 1 skjult for at beskytte dem" in sentence


def test_values_on_bars_use_a_decimal_comma(figures) -> None:
    stats, extra = figures
    for key in ("job_groups", "age_groups", "yearly"):
        spec = next(s for s in CHARTS if s.key == key)
        texts = _texts(spec.builder(stats, extra, 80))
        percents = [t for t in texts if t.endswith(" %") and not t.startswith("Ambition")]
        assert percents, key
        assert all(re.fullmatch(r"\d+,\d %", t) for t in percents), (key, percents)
    reasons = _texts(next(s for s in CHARTS if s.key == "reasons").builder(stats, extra, 80))
    assert "Ambition 5 %" not in reasons and any("," in t for t in reasons)


def test_rolling_chart_has_the_dashed_ambition_line(figures) -> None:
    stats, extra = figures
    fig = next(s for s in CHARTS if s.key == "rolling").builder(stats, extra, 80)
    ax = fig.axes[0]
    dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert dashed and list(dashed[0].get_ydata()) == [5.0, 5.0]  # type: ignore[arg-type]
    assert "Ambition 5 %" in _texts(fig)
    assert len(extra.rolling) <= 24


def test_headlines_read_as_danish_sentences(figures) -> None:
    stats, extra = figures
    mondays = stats.weekday_starts["mandag"]
    share = round(100 * mondays / sum(stats.weekday_starts.values()))
    assert headline("weekdays", stats, extra).startswith(f"{share} % af forløbene starter mandag")
    total = headline("total", stats, extra)
    assert total.startswith("Sygefravær ") and total.endswith("(ambition 5 %)")
    assert "," in total


def test_typed_key_figures_chart() -> None:
    points = [(date(2024, m, 1), 4.0 + m / 2) for m in range(1, 13)]
    fig = key_figures_chart(points)
    texts = _texts(fig)
    assert "4,5 %" in texts and "Ambition 5 %" in texts
    assert "Ingen nøgletal" in _texts(key_figures_chart([]))[0]


def test_358_teams_show_the_ten_highest_and_lowest_and_the_rest_in_words() -> None:
    from norddjurs_desktop.reports.charts.group_charts import summarised_groups

    groups: dict[str, float | None] = {f"Team {n:03d}": n / 10 for n in range(1, 359)}
    groups["Lille team"] = None  # fewer than five persons: counted, never shown
    shown, rest = summarised_groups(groups)
    assert len(shown) == 20
    assert list(shown)[:2] == ["Team 358", "Team 357"]  # the highest first
    assert "Team 001" in shown and "Team 011" not in shown  # the ten lowest
    assert "Lille team" not in shown
    assert rest.startswith("339 teams mere") and "1 med færre end 5" in rest
    few = {"A": 4.0, "B": None, "C": 6.5}
    assert summarised_groups(few) == (few, "")  # a short list is drawn whole


def test_the_teams_table_sorts_by_the_figure(qtbot) -> None:
    from PySide6.QtCore import Qt

    from norddjurs_desktop.ui.data.group_table import GroupTableDialog

    dialog = GroupTableDialog("Sygefravær efter team", {"A": 4.0, "B": None, "C": 12.5, "D": 9.0})
    qtbot.addWidget(dialog)
    table = dialog.table
    order = [table.item(r, 0).text() for r in range(4)]
    assert order == ["C", "D", "A", "B"]  # highest first, the hidden team last
    assert table.item(3, 1).text() == "færre end 5"
    table.sortItems(1, Qt.SortOrder.AscendingOrder)
    assert [table.item(r, 0).text() for r in range(4)] == ["B", "A", "D", "C"]
