"""A TRIO imports its unit's absence files, reads the figures and acts on a chart.

Through the real widgets: the import dialog's Importér button, the team
filter, a chart's "Opret handling ud fra dette", the observation dialog and
the action form's Gem button; then the plan PDF carries the data reference.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Sequence  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TypeVar  # noqa: E402

import pytest  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import QObject, Qt  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QTableWidget  # noqa: E402

from norddjurs_desktop.domain.dates import format_percent  # noqa: E402
from norddjurs_desktop.services import absence as absence_service  # noqa: E402
from norddjurs_desktop.services import actions as action_service  # noqa: E402
from norddjurs_desktop.services import key_figures, screenings, units  # noqa: E402
from norddjurs_desktop.services.plan import export_plan  # noqa: E402
from norddjurs_desktop.ui.data.data_view import SMALL_GROUP_TEXT, DataView  # noqa: E402
from norddjurs_desktop.ui.data.import_dialog import ImportDialog  # noqa: E402
from norddjurs_desktop.ui.data.key_figures_editor import KeyFiguresDialog  # noqa: E402
from norddjurs_desktop.ui.screening.screening_page import ScreeningPage  # noqa: E402

TEAMS = {"Team Nord": 6, "Team Syd": 6, "Team Øst": 3}
OBSERVATION = "Mandagene skiller sig ud hos os"
STAFF_HEADER = "Medarbejder;Navn;Team;Faggruppe;Alder;Beskæftigelsesgrad;Ansat fra;Ansat til"
ABSENCE_ROWS = [
    ("N1", "Egen sygdom", "02-01-2023", "03-01-2023"),
    ("N1", "Egen sygdom", "08-01-2024", "12-01-2024"),
    ("N2", "Sygdom", "04-03-2024", "05-03-2024"),
    ("N2", "Egen sygdom", "06-05-2024", "06-05-2024"),
    ("N3", "Egen sygdom", "02-09-2024", "02-09-2024"),
    ("S0", "Egen sygdom", "05-02-2024", "20-02-2024"),
    ("S1", "§ 56", "03-06-2024", "03-06-2024"),
    ("S2", "Barns sygdom", "08-04-2024", "08-04-2024"),
    ("Ø0", "Egen sygdom", "02-09-2024", "04-09-2024"),
    ("N4", "Ferie", "01-07-2024", "19-07-2024"),
    ("N5", "Egen sygdom", "30-12-2024", "31-12-2024"),
]


C = TypeVar("C", bound=QObject)


def child(parent: QObject, cls: type[C], name: str) -> C:
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def header(table: QTableWidget, column: int) -> str:
    item = table.horizontalHeaderItem(column)
    assert item is not None
    return item.text()


def write_files(
    folder: Path, extra_absence: Sequence[tuple[str, ...]] = ()
) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    staff = [STAFF_HEADER]
    for team, size in TEAMS.items():
        for n in range(size):
            grade = "0,8" if n % 3 == 0 else "1"
            staff.append(f"{team[5]}{n};Person {team[5]}{n};{team};Pædagog;{30 + 5 * n};{grade};;")
    absence = ["Medarbejder;Fraværsårsag;Fra;Til"]
    absence += [";".join(row) for row in [*ABSENCE_ROWS, *extra_absence]]
    staff_path, absence_path = folder / "medarbejdere.csv", folder / "fravaer.csv"
    staff_path.write_text("\n".join(staff) + "\n", encoding="utf-8-sig")
    absence_path.write_text("\n".join(absence) + "\n", encoding="utf-8")
    return staff_path, absence_path


@pytest.fixture
def page(qtbot, db):
    unit_id = units.create_unit(db, "Børnehuset Æblegården")
    screening_id = screenings.create_screening(db, unit_id, on=date(2025, 1, 20), forum="TRIO")
    widget = ScreeningPage(db, screening_id, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    return widget


def open_data_step(qtbot, page: ScreeningPage) -> DataView:
    page.go_to_step(2)
    assert page.nav.currentItem().text() == "3. Data"
    view = page.data_step.view
    assert view is not None
    qtbot.waitUntil(lambda: view.task is not None and view.task.finished, timeout=10_000)
    return view


def import_through_dialog(qtbot, view: DataView, staff: Path, absence: Path) -> ImportDialog:
    dialog = view.open_import_dialog()
    assert isinstance(dialog, ImportDialog)
    dialog.set_paths(staff, absence)
    preview = child(dialog, QTableWidget, "staffPreview")
    assert preview.rowCount() == 5 and header(preview, 1) == "Navn"
    button = child(dialog, QPushButton, "importButton")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.task is not None
    qtbot.waitUntil(lambda: dialog.task.finished, timeout=20_000)
    return dialog


def card(view: DataView, key: str) -> str:
    return view.cards.value_text(key)


def test_import_figures_filter_and_an_action_from_a_chart(qtbot, db, page, tmp_path) -> None:
    view = open_data_step(qtbot, page)
    assert view.pages.currentWidget() is view.empty  # no data yet: the empty state
    assert view.empty.import_button.text() == "Importér filer …"

    staff, absence = write_files(tmp_path / "filer")
    with qtbot.waitSignal(view.figuresShown, timeout=20_000):
        dialog = import_through_dialog(qtbot, view, staff, absence)
    assert dialog.info is not None and dialog.info.absence_rows == len(ABSENCE_ROWS)

    # The cards show the same absence % as the service, with a decimal comma
    unit_id = page.store.data.unit_id
    stats = absence_service.unit_stats(db, unit_id)
    assert stats is not None and stats.absence_pct is not None
    expected = format_percent(stats.absence_pct, 1)
    assert "," in expected
    assert card(view, "absence_pct") == expected
    assert card(view, "persons") == "15"
    qtbot.waitUntil(lambda: view.figures is not None and view.figures.previous is not None,
                    timeout=10_000)
    before = absence_service.unit_stats(
        db, unit_id, period_from=date(2023, 1, 2), period_to=date(2024, 1, 1)
    )
    assert before is not None and before.absence_pct is not None
    previous_text = view.cards.cards["absence_pct"].previous.text()
    assert previous_text.startswith(f"Forrige periode: {format_percent(before.absence_pct, 1)}")
    assert view.period_combo.currentText() == "Rullende år"
    assert [view.team_combo.itemText(i) for i in range(view.team_combo.count())] == [
        "Alle teams", "Team Nord", "Team Syd", "Team Øst",
    ]

    # A team filter changes the figures (Team Nord protects Team Øst: greyed out, see below)
    with qtbot.waitSignal(view.figuresShown, timeout=10_000):
        view.set_team("Team Syd")
    syd = absence_service.unit_stats(db, unit_id, team="Team Syd")
    assert syd is not None and syd.absence_pct is not None
    assert card(view, "absence_pct") == format_percent(syd.absence_pct, 1)
    assert card(view, "persons") == "6"

    # A team of three shows no figures, and says why
    with qtbot.waitSignal(view.figuresShown, timeout=10_000):
        view.set_team("Team Øst")
    assert card(view, "absence_pct") == "–" and card(view, "persons") == "–"
    assert "Team Øst" in view.message.text() and "færre end 5" in view.message.text()
    assert SMALL_GROUP_TEXT not in view.message.text()
    assert view.charts.isHidden()

    with qtbot.waitSignal(view.figuresShown, timeout=10_000):
        view.set_team(None)
    assert card(view, "absence_pct") == expected

    # A chart, its headline and "Opret handling ud fra dette"
    panel = view.select_chart("weekdays")
    qtbot.waitUntil(lambda: panel.canvas is not None, timeout=10_000)
    assert "af forløbene starter" in panel.headline.text()
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    observation = view.observation_dialog
    assert observation is not None and observation.isVisible()
    assert "af forløbene starter" in observation.observation()  # prefilled with the headline
    observation.observation_edit.setPlainText("")
    qtbot.keyClicks(observation.observation_edit, OBSERVATION)
    qtbot.mouseClick(
        observation.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )

    # The action form opens on the action plan step, carrying the reference
    assert page.steps.currentWidget() is page.action_step
    form = page.action_step.current_dialog
    assert form is not None and form.isVisible()
    assert "Ugedag for første sygedag" in child(form, QLabel, "referenceLabel").text()
    qtbot.keyClicks(form.action_edit, "Tal om mandagene på næste personalemøde")
    qtbot.mouseClick(
        form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    stored = action_service.list_actions(db, page.store.screening_id)
    assert len(stored) == 1
    reference = stored[0].data_reference
    assert reference is not None
    assert reference.chart == "Ugedag for første sygedag"
    assert reference.period == "02-01-2024 – 31-12-2024"
    assert reference.filter == "" and reference.observation == OBSERVATION
    assert "starter" in reference.figure and stored[0].problem == OBSERVATION
    assert stored[0].theme_key == "data"

    # ... and the plan PDF prints it
    out = export_plan(db, page.store.screening_id, tmp_path / "plan.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Baggrund i data" in text and OBSERVATION in text
    assert "Ugedag for første sygedag" in text


def test_a_bad_file_names_the_row_and_stores_nothing(qtbot, db, page, tmp_path) -> None:
    view = open_data_step(qtbot, page)
    staff, absence = write_files(
        tmp_path / "fejl", [("X99", "Egen sygdom", "01-10-2024", "02-10-2024")]
    )
    dialog = import_through_dialog(qtbot, view, staff, absence)
    message = dialog.error_label.text()
    assert dialog.isVisible() and not dialog.error_label.isHidden()
    assert "fravaer.csv" in message and f"række {len(ABSENCE_ROWS) + 2}" in message
    assert "Medarbejder" in message and "intet er gemt" in message
    assert absence_service.list_imports(db, page.store.data.unit_id) == []
    assert view.pages.currentWidget() is view.empty


def test_unknown_headers_are_mapped_and_cpr_columns_flagged(qtbot, db, page, tmp_path) -> None:
    view = open_data_step(qtbot, page)
    staff, absence = write_files(tmp_path / "map")
    text = staff.read_text(encoding="utf-8-sig").replace("Medarbejder;", "Lønnr;", 1)
    staff.write_text(text, encoding="utf-8")
    cpr = tmp_path / "map" / "cpr.csv"
    cpr.write_text("Medarbejder;CPR\nN0;010190-1234\n", encoding="utf-8")

    dialog = view.open_import_dialog()
    assert isinstance(dialog, ImportDialog)
    dialog.set_path("staff", cpr)
    warning = child(dialog, QLabel, "staffCprWarning")
    assert not warning.isHidden() and "⚠" in warning.text() and "'CPR'" in warning.text()
    table = child(dialog, QTableWidget, "staffPreview")
    cells = [item.text() for c in range(table.columnCount()) if (item := table.item(0, c))]
    assert len(cells) == 2 and "010190-1234" not in " ".join(cells)
    assert header(table, 1).startswith("⚠")

    dialog.set_paths(staff, absence)
    form = dialog.mapping_form("staff")
    assert form is not None and form.missing_required() == ["Medarbejder"]
    form.choose("Medarbejder", "Lønnr")
    qtbot.mouseClick(child(dialog, QPushButton, "importButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.finished, timeout=20_000)
    assert dialog.info is not None and dialog.info.staff_rows == 15
    headers = text.splitlines()[0].split(";")
    remembered = absence_service.remembered_mapping(db, "staff", headers)
    assert remembered is not None and remembered["Medarbejder"] == "Lønnr"


def test_typed_key_figures_show_as_a_trend(qtbot, db, page) -> None:
    view = open_data_step(qtbot, page)
    dialog = view.open_key_figures()
    assert isinstance(dialog, KeyFiguresDialog)
    editor = dialog.editor
    editor.set_row(0, "01-2025", "6,4", "120,5", "41,2")
    editor.set_row(1, "13-2025", "5")
    assert "Række 2" in editor.message.text() and "mm-åååå" in editor.message.text()
    editor.set_row(1, "02-2025")  # the month fixed: the row (5 %) is saved
    editor.set_row(1, "02-2025", "syv")
    assert "ikke et tal" in editor.message.text()  # ... and a bad value is not
    rows = key_figures.list_key_figures(db, page.store.data.unit_id)
    assert [(r.month, r.absence_pct, r.sick_days, r.fte) for r in rows] == [
        (date(2025, 1, 1), 6.4, 120.5, 41.2),
        (date(2025, 2, 1), 5.0, None, None),
    ]
    with qtbot.waitSignal(view.figuresShown, timeout=10_000):
        dialog.reject()
    assert view.empty.canvas is not None and "2 måneder" in view.empty.trend_title.text()


def test_home_page_opens_the_data_view_without_action_buttons(qtbot, db) -> None:
    from norddjurs_desktop.ui.home.home_page import HomePage

    units.create_unit(db, "Hjemmeplejen Syd")
    home = HomePage(db)
    qtbot.addWidget(home)
    button = child(home, QPushButton, "dataButton")
    unit_item = home.tree.topLevelItem(0)
    assert home.tree.currentItem() is unit_item  # preselected: a unit without screenings
    assert unit_item is not None
    home.tree.setCurrentItem(unit_item)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = home.data_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    view = dialog.findChild(DataView)
    assert view is not None
    qtbot.waitUntil(lambda: view.task is not None and view.task.finished, timeout=10_000)
    assert all(not panel.create_button.isEnabled() for panel in view.panels.values())
    dialog.close()
