"""No user text is read as markup: charts show dollars, PDFs show tags, labels show HTML as typed.

A team called ``$\\frac{1}{0$`` broke matplotlib (mathtext); the same in a theme
title crashed export-plan; card text was rich text in the card viewer, so
``<img src=…>`` loaded a local image. Every text that reaches a chart, a label
or a PDF is tried here with markup in it.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from norddjurs_desktop.cli import main  # noqa: E402
from norddjurs_desktop.domain.absence import AbsenceRow, StaffMember, compute_stats  # noqa: E402
from norddjurs_desktop.domain.decks import Card  # noqa: E402
from norddjurs_desktop.domain.plan import PlanTheme  # noqa: E402
from norddjurs_desktop.reports.absence_charts import CHARTS, ChartExtra  # noqa: E402
from norddjurs_desktop.reports.charts.drawing import LABEL_CHARS  # noqa: E402
from norddjurs_desktop.reports.charts.trend_charts import key_figures_chart  # noqa: E402
from norddjurs_desktop.reports.palette_figure import palette_figure_png  # noqa: E402

MATH = "$\\frac{1}{0$"
MARKUP = [MATH, "$x^2$ & <b>fed</b>", "<img src='file:///etc/passwd'>", "50 $ & 100 $"]
PERIOD = (date(2024, 1, 1), date(2024, 12, 31))


def _stats_with_names(names: list[str]):
    staff, rows = [], []
    for t, name in enumerate(names):
        for n in range(6):
            key = f"k{t}-{n}"
            staff.append(StaffMember(key, team=name, job_group=name, age=30 + n))
            rows.append(AbsenceRow(key, "Egen sygdom", date(2024, 3, 4 + n), date(2024, 3, 6 + n)))
    return compute_stats(staff, rows, *PERIOD)


def _draw(fig) -> list[str]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    FigureCanvasAgg(fig).draw()  # mathtext would raise here
    texts = fig.findobj(Text)
    assert all(not text.get_parse_math() for text in texts)
    return [text.get_text() for text in texts]


def test_mathtext_would_break_without_the_guard() -> None:
    from matplotlib.figure import Figure

    fig = Figure()
    fig.text(0.5, 0.5, MATH)
    with pytest.raises(ValueError):
        _draw_unguarded(fig)


def _draw_unguarded(fig) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig).draw()


@pytest.mark.parametrize("spec", CHARTS, ids=lambda spec: spec.key)
def test_every_chart_shows_markup_in_group_names_literally(spec) -> None:
    stats = _stats_with_names(MARKUP)
    texts = _draw(spec.builder(stats, ChartExtra(), 80))
    if spec.key in ("teams", "job_groups"):
        for name in MARKUP:
            assert name in texts


def test_key_figures_chart_and_a_rcparams_left_as_found() -> None:
    import matplotlib

    before = matplotlib.rcParams["text.parse_math"]
    points = [(date(2024, month, 1), 4.0 + month / 10) for month in range(1, 13)]
    _draw(key_figures_chart(points))
    assert matplotlib.rcParams["text.parse_math"] == before


def test_a_very_long_stored_team_name_is_cut_on_the_chart() -> None:
    long = "Team " + "x" * 100_000
    stats = _stats_with_names([long, "Kort"])
    texts = _draw(next(s for s in CHARTS if s.key == "teams").builder(stats, ChartExtra(), 80))
    cut = [t for t in texts if t.startswith("Team x")]
    assert cut and all(len(t) <= LABEL_CHARS and t.endswith("…") for t in cut)


def test_palette_figure_shows_markup_in_theme_titles() -> None:
    themes = [PlanTheme(f"k{n}", title, "#4477aa", "circle", 3, priority=1)
              for n, title in enumerate(MARKUP)]
    png = palette_figure_png(themes, dpi=60)
    assert png.startswith(b"\x89PNG")


# -- PDFs -----------------------------------------------------------------------------------
def test_export_plan_with_markup_in_titles_actions_and_unit(tmp_path: Path, capsys) -> None:
    from norddjurs_desktop.services import actions, units
    from norddjurs_desktop.services.bootstrap import open_app_database
    from norddjurs_desktop.services.decks import editing as deck_editing
    from norddjurs_desktop.services.decks.library import get_deck
    from norddjurs_desktop.services.demo import DEMO_UNIT

    db_path = tmp_path / "f.sqlite"
    assert main(["demo", "--db", str(db_path)]) == 0
    db = open_app_database(db_path)
    try:
        palette = get_deck(db, "palette")
        deck_editing.edit_theme(db, "palette", palette.themes[1].key, title=f"Data {MATH} <b>&")
        unit_id = units.find_unit(db, DEMO_UNIT)
        assert unit_id is not None
        units.rename_unit(db, unit_id, "Enhed <i>& co</i> $5$")
        from norddjurs_desktop.services.screenings import latest_screening_id

        screening_id = latest_screening_id(db)
        assert screening_id is not None
        first = actions.list_actions(db, screening_id)[0]
        actions.update_action(db, replace(
            first, action=f"Gør {MATH} & <b>mere</b>", success="<img src='x'> & $y$",
            follow_up=first.deadline + timedelta(days=1) if first.deadline else None))
    finally:
        db.close()
    capsys.readouterr()
    pdf = tmp_path / "plan.pdf"
    assert main(["export-plan", "--db", str(db_path), "--screening", "latest",
                 "--out", str(pdf)]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    for literal in ("Data $\\frac{1}{0$ <b>&", "<b>mere</b>", "<img src='x'> & $y$",
                    "Enhed <i>& co</i> $5$"):
        assert literal in flat, literal


# -- Qt labels --------------------------------------------------------------------------------
def test_card_text_is_plain_text_in_the_card_viewer(qtbot) -> None:
    from PySide6.QtCore import Qt

    from norddjurs_desktop.ui.widgets.card_viewer import CardViewer

    viewer = CardViewer()
    qtbot.addWidget(viewer)
    text = "<img src='file:///etc/hosts'> <b>fed</b> & $x$"
    viewer.set_cards([Card("a", text)], set(), "#4477aa")
    viewer.show()
    assert viewer.text.textFormat() == Qt.TextFormat.PlainText
    assert viewer.text.text() == text


def test_theme_title_and_unit_name_are_escaped_in_rich_labels(qtbot, tmp_path: Path) -> None:
    from html import escape

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QUndoStack

    from norddjurs_desktop.services import screenings, units
    from norddjurs_desktop.services.bootstrap import open_app_database
    from norddjurs_desktop.services.decks import editing as deck_editing
    from norddjurs_desktop.services.decks.library import get_deck
    from norddjurs_desktop.ui.screening.screening_page import ScreeningPage

    db = open_app_database(tmp_path / "f.sqlite")
    try:
        title = "<img src='x'>Tema & $1$"
        key = get_deck(db, "palette").themes[0].key
        deck_editing.edit_theme(db, "palette", key, title=title,
                                description="<b>ikke fed</b>")
        unit_id = units.create_unit(db, "<h1>Stor</h1> & co")
        screening_id = screenings.create_screening(db, unit_id, on=date(2025, 3, 10),
                                                   forum="TRIO")
        screenings.add_participant(db, screening_id, "<b>Anne</b>", "Leder")
        page = ScreeningPage(db, screening_id, QUndoStack())
        qtbot.addWidget(page)
        assert escape("<h1>Stor</h1> & co") in page.header.text()
        assert escape("<b>Anne</b>") in page.header.text() and "<h1>" not in page.header.text()
        view = page.mapping.theme_view
        view.show_theme(key)
        assert escape(title) in view.header.text() and "<img" not in view.header.text()
        assert view.description.text() == "<b>ikke fed</b>"
        assert view.description.textFormat() == Qt.TextFormat.PlainText
    finally:
        db.close()


def test_a_refused_team_is_greyed_out_with_the_reason_and_its_name_is_plain(
    qtbot, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItemModel

    from norddjurs_desktop.services import units
    from norddjurs_desktop.services.absence import import_absence_files
    from norddjurs_desktop.services.bootstrap import open_app_database
    from norddjurs_desktop.ui.data.data_view import DataView

    small = "<b>Lille</b> $x$"
    staff = ["Medarbejder;Team"] + [f"A{n};Store" for n in range(7)] + ["B0;" + small]
    absence = ["Medarbejder;Fraværsårsag;Fra;Til"] + [
        f"A{n};Sygdom;0{n + 1}-03-2024;0{n + 2}-03-2024" for n in range(7)
    ] + ["B0;Sygdom;04-03-2024;05-03-2024"]
    (tmp_path / "s.csv").write_text("\n".join(staff) + "\n", encoding="utf-8")
    (tmp_path / "a.csv").write_text("\n".join(absence) + "\n", encoding="utf-8")
    db = open_app_database(tmp_path / "f.sqlite")
    try:
        unit_id = units.create_unit(db, "E")
        import_absence_files(db, unit_id, tmp_path / "s.csv", tmp_path / "a.csv")
        view = DataView(db, unit_id, None)
        qtbot.addWidget(view)
        qtbot.waitUntil(lambda: view.figures is not None, timeout=10_000)
        combo = view.team_combo
        model = combo.model()
        assert isinstance(model, QStandardItemModel)
        for team in ("Store", small):  # the small one, and the one hidden to protect it
            index = combo.findData(team)
            item = model.item(index)
            assert item is not None and not item.isEnabled()
            tip = combo.itemData(index, Qt.ItemDataRole.ToolTipRole)
            assert f"'{team}' kan ikke vælges" in tip and "privatliv" in tip
        with qtbot.waitSignal(view.figuresShown, timeout=10_000):
            view.set_team("Store")
        assert view.charts.isHidden() and "'Store' kan ikke vælges" in view.message.text()
        assert "beskytte en mindre gruppe" in view.message.text()
        with qtbot.waitSignal(view.figuresShown, timeout=10_000):
            view.set_team(small)
        assert view.message.textFormat() == Qt.TextFormat.PlainText
        assert small in view.message.text()
    finally:
        db.close()


def test_deck_editor_messages_quote_file_contents_as_text(qtbot, db, tmp_path: Path,
                                                         monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from norddjurs_desktop.paths import DECKS
    from norddjurs_desktop.ui.decks.editor_dialog import DeckEditorDialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a, **_k: shown.append(text))
    dialog = DeckEditorDialog(db, decks_folder=DECKS)
    qtbot.addWidget(dialog)
    img = "<img src='file:///etc/x.png'>"
    good = tmp_path / "godt.toml"
    good.write_text(f'key = "eget"\ntitle = "{img} Dæk"\n[[themes]]\nkey = "t"\ntitle = "T"\n'
                    'colour = "#4477aa"\n', encoding="utf-8")
    assert dialog.import_file(good) == "eget"
    assert "&lt;img src=" in dialog.status.text() and "<img" not in dialog.status.text()
    bad = tmp_path / "forkert.toml"
    bad.write_text(good.read_text(encoding="utf-8") + f'[[themes.cards]]\nid = "{img}"\n'
                   'text = "?"\nhidden = "false"\n', encoding="utf-8")
    assert dialog.import_file(bad) is None
    assert shown and "&lt;img src=" in shown[-1] and "<img" not in shown[-1]
    assert "feltet 'hidden' skal være true eller false" in shown[-1]
