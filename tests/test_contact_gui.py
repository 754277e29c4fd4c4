"""A leader plans the contacts for a sick employee; HR chooses the model; the data view counts.

Through the real widgets: typing the first sick day, the Udskriv / Gem som PDF /
Gem i kalender buttons, the model dialog's radio buttons and Gem, the
Værktøjer menu, and "Opret handling ud fra dette" under "Kontaktmodellen i tal".
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QRadioButton,
)

from norddjurs_desktop.domain.plan import DataReference  # noqa: E402
from norddjurs_desktop.services import absence as absence_service  # noqa: E402
from norddjurs_desktop.services import contact, units  # noqa: E402
from norddjurs_desktop.storage.database import open_database  # noqa: E402
from norddjurs_desktop.ui.data.data_view import DataView  # noqa: E402
from norddjurs_desktop.ui.printing.pdf_preview import PdfPreviewDialog  # noqa: E402
from norddjurs_desktop.ui.tools.contact_model_settings import ContactModelDialog  # noqa: E402
from norddjurs_desktop.ui.tools.contact_plan_dialog import ContactPlanDialog  # noqa: E402


def click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def plan_dialog(qtbot, db):
    dialog = ContactPlanDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_leader_types_maundy_thursday_and_sees_both_dates_of_moved_contacts(
    qtbot, plan_dialog
) -> None:
    dialog = plan_dialog
    assert dialog.table.rowCount() == 0 and not dialog.pdf_button.isEnabled()
    qtbot.keyClicks(dialog.first_day_edit, "02-04-2026")
    assert dialog.table.rowCount() == 3 + 14  # 3 contacts, alerts 3/10/28 days + 2..12 months
    assert dialog.cell(1, 0) == "Kontakt dag 3"
    assert dialog.cell(1, 1) == "lørdag 04-04-2026"  # the day the model names …
    assert "tirsdag 07-04-2026" in dialog.cell(1, 2)  # … and the day to call
    assert "flyttet" in dialog.cell(1, 2) and "⚠" in dialog.cell(1, 2)
    assert "Skærtorsdag".lower() in dialog.cell(0, 2)
    assert dialog.cell(3, 0) == "Advis 3 dage"
    assert dialog.cell(3, 1) == "lørdag 04-04-2026" and dialog.cell(3, 2) == "flyttes ikke"
    assert dialog.cell(16, 0) == "Advis 12 måneder" and dialog.cell(16, 1).endswith("02-04-2027")
    assert "3 kontakter er flyttet" in dialog.message.text()


def test_a_date_that_does_not_exist_gets_a_danish_message_and_no_plan(qtbot, plan_dialog) -> None:
    qtbot.keyClicks(plan_dialog.first_day_edit, "31-02-2026")
    assert plan_dialog.table.rowCount() == 0
    assert "ikke en gyldig dato" in plan_dialog.message.text()
    assert not plan_dialog.pdf_button.isEnabled() and not plan_dialog.ics_button.isEnabled()


def test_save_pdf_and_calendar_and_print_store_nothing(
    qtbot, db, plan_dialog, tmp_path: Path, monkeypatch
) -> None:
    from icalendar import Calendar

    dialog = plan_dialog
    qtbot.keyClicks(dialog.first_day_edit, "2026-12-23")
    qtbot.keyClicks(dialog.label_edit, "Team Syd")
    before = db.path.read_bytes()
    targets = iter([tmp_path / "plan", tmp_path / "plan.ics"])
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(next(targets)), ""))
    )
    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        click(qtbot, dialog.pdf_button)
    pdf = saved.args[0]
    assert pdf == tmp_path / "plan.pdf"  # the suffix is added
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Team Syd" in text and "28-12-2026" in text and "04-01-2027" in text

    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        click(qtbot, dialog.ics_button)
    calendar = Calendar.from_ical(Path(saved.args[0]).read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert all(len(event.walk("VALARM")) == 1 for event in events)
    assert b"Team Syd" not in Path(saved.args[0]).read_bytes()  # the label is for paper only

    click(qtbot, dialog.print_button)

    def preview() -> PdfPreviewDialog | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, PdfPreviewDialog) and widget.isVisible():
                return widget
        return None

    qtbot.waitUntil(lambda: preview() is not None, timeout=20_000)
    shown = preview()
    assert shown is not None and shown.page_count() == 1
    shown.reject()

    assert db.path.read_bytes() == before  # nothing about the plan was stored
    settings = QSettings()
    assert all("Team Syd" not in str(settings.value(key)) for key in settings.allKeys())


def test_hr_chooses_a_model_and_the_choice_survives_reopening(qtbot, db_path: Path) -> None:
    db = open_database(db_path)
    dialog = ContactModelDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QRadioButton, "model_1-3-10").isChecked()
    dialog.findChild(QRadioButton, "model_1-5-14").click()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    click(qtbot, ok)
    assert dialog.result() == dialog.DialogCode.Accepted
    db.close()

    db = open_database(db_path)
    assert contact.get_model_choice(db).key == "1-5-14"
    dialog = ContactModelDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QRadioButton, "model_1-5-14").isChecked()
    days = dialog.findChild(QLineEdit, "ownDaysEdit")
    qtbot.keyClicks(days, "1,,4")  # typing selects "Egne kontaktdage"
    assert dialog.findChild(QRadioButton, "model_own").isChecked()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    click(qtbot, ok)
    assert "1,3,10" in dialog.error.text()  # refused, and says how to write it
    assert contact.get_model_choice(db).key == "1-5-14"  # nothing changed
    days.clear()
    qtbot.keyClicks(days, "1,4,12")
    click(qtbot, ok)
    assert contact.get_model_choice(db) == contact.ModelChoice("egne", (1, 4, 12))

    plan = ContactPlanDialog(db)  # the plan follows the choice
    qtbot.addWidget(plan)
    qtbot.keyClicks(plan.first_day_edit, "02-03-2026")
    assert [plan.cell(r, 0) for r in range(3)] == ["Kontakt dag 1", "Kontakt dag 4",
                                                  "Kontakt dag 12"]
    db.close()


STAFF = ["Medarbejder;Team;Faggruppe;Alder;Beskæftigelsesgrad;Ansat fra;Ansat til"] + [
    f"P{n};Team A;Pædagog;{30 + n};1;;" for n in range(6)
]
ABSENCE = [
    "Medarbejder;Fraværsårsag;Fra;Til",
    "P0;Egen sygdom;04-03-2024;31-03-2024",  # exactly 28 days: day 3, 10 and 28
    "P1;Egen sygdom;06-05-2024;08-05-2024",  # 3 days
    "P2;Egen sygdom;06-09-2024;06-09-2024",  # Friday …
    "P2;Egen sygdom;09-09-2024;10-09-2024",  # … and Monday–Tuesday: one spell of 5 days
    "P3;Egen sygdom;08-01-2024;08-01-2024",  # 1 day
]


def test_kontaktmodellen_i_tal_shows_counts_a_chart_and_creates_an_action(
    qtbot, db, tmp_path: Path
) -> None:
    staff, absence = tmp_path / "staff.csv", tmp_path / "absence.csv"
    staff.write_text("\n".join(STAFF) + "\n", encoding="utf-8")
    absence.write_text("\n".join(ABSENCE) + "\n", encoding="utf-8")
    unit_id = units.create_unit(db, "Børnehuset")
    absence_service.import_absence_files(db, unit_id, staff, absence)

    created: list[tuple[DataReference, str]] = []
    view = DataView(db, unit_id, lambda ref, text: created.append((ref, text)))
    qtbot.addWidget(view)
    view.resize(1300, 850)
    view.show()
    qtbot.waitUntil(lambda: view.figures is not None, timeout=20_000)
    panel = view.contact_panel
    items = [view.chart_list.item(i).text() for i in range(view.chart_list.count())]
    assert items[-1] == "Kontaktmodellen i tal"
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        view.chart_list.setCurrentRow(len(items) - 1)
    # 4 spells ended in the rolling year (the Friday–Tuesday spell counted once)
    assert "4" in panel.status.text()
    assert panel.card_texts() == [
        "3 forløb nåede dag 3 — 75 % af forløbene",
        "1 forløb nåede dag 10 — 25 % af forløbene",
        "1 forløb nåede dag 28 — 25 % af forløbene",
        "0 forløb nåede 2 måneder — 0 % af forløbene",
        "0 forløb nåede 3 måneder — 0 % af forløbene",
    ]
    assert panel.canvas is not None

    click(qtbot, panel.create_button)
    observation = view.observation_dialog
    assert observation is not None and observation.isVisible()
    assert "nåede dag 3: 3 (75 %)" in observation.observation()
    qtbot.mouseClick(
        observation.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert len(created) == 1 and created[0][0].chart == "Kontaktmodellen i tal"

    # HR switches to 1-5-14 in the model dialog: the open section counts that model's days,
    # and an open contact plan follows too
    plan = ContactPlanDialog(db)
    qtbot.addWidget(plan)
    qtbot.keyClicks(plan.first_day_edit, "02-03-2026")
    assert plan.cell(1, 0) == "Kontakt dag 3"
    dialog = ContactModelDialog(db)
    qtbot.addWidget(dialog)
    dialog.findChild(QRadioButton, "model_1-5-14").click()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        click(qtbot, ok)
    assert plan.cell(1, 0) == "Kontakt dag 5"
    assert [t.split(" — ")[0] for t in panel.card_texts()][:2] == [
        "2 forløb nåede dag 5", "1 forløb nåede dag 14",
    ]


def test_too_few_persons_show_no_counts(qtbot, db, tmp_path: Path) -> None:
    staff, absence = tmp_path / "staff.csv", tmp_path / "absence.csv"
    staff.write_text("\n".join(STAFF[:5]) + "\n", encoding="utf-8")  # four persons
    absence.write_text("\n".join(ABSENCE[:3]) + "\n", encoding="utf-8")
    unit_id = units.create_unit(db, "Lille enhed")
    absence_service.import_absence_files(db, unit_id, staff, absence)
    view = DataView(db, unit_id, None)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.figures is not None, timeout=20_000)
    panel = view.contact_panel
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        panel.show_figures(view.figures)  # even if asked directly, it shows nothing
        if not panel.isVisible():
            panel.recount()
    assert panel.card_texts() == [] and "Færre end 5" in panel.status.text()
    assert panel.canvas is None


def test_the_tools_menu_opens_plan_model_and_poster(qtbot, tmp_path: Path) -> None:
    from norddjurs_desktop.ui.shell.main_window import MainWindow

    window = MainWindow(tmp_path / "menu.sqlite")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=20_000):
        window.open_database()
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Værktøjer" in titles
    a = window.app_actions
    assert [x.text() for x in (a.contact_plan, a.contact_poster, a.contact_model)] == [
        "&Kontaktplan …", "&Plakat: Kontaktmodellen …", "Kontakt&model …",
    ]
    assert a.contact_plan.isEnabled()
    a.contact_plan.trigger()
    dialog = window.findChild(ContactPlanDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_the_poster_is_previewed_in_the_size_chosen(qtbot, db) -> None:
    from PySide6.QtCore import QTimer

    from norddjurs_desktop.ui.tools.poster_flow import PosterDialog, print_poster

    def choose_a4() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PosterDialog) and dialog.a3.isChecked()  # A3 by default
        dialog.a4.setChecked(True)
        dialog.accept()

    for size, expected, choose in (("A3", (842, 1191), None), (None, (595, 842), choose_a4)):
        previews: list[PdfPreviewDialog] = []
        if choose is not None:
            QTimer.singleShot(0, choose)
        print_poster(None, db, previews.append, size=size)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda previews=previews: bool(previews), timeout=20_000)
        points = previews[0].document.pagePointSize(0)
        assert (round(points.width()), round(points.height())) == expected  # portrait
        previews[0].reject()


def test_the_handling_theme_offers_the_contact_plan(qtbot, db) -> None:
    from PySide6.QtGui import QUndoStack

    from norddjurs_desktop.services import screenings
    from norddjurs_desktop.ui.screening.screening_page import ScreeningPage

    unit_id = units.create_unit(db, "Enhed")
    screening_id = screenings.create_screening(db, unit_id, on=date(2026, 3, 2), forum="TRIO")
    page = ScreeningPage(db, screening_id, QUndoStack())
    qtbot.addWidget(page)
    page.show()
    view = page.findChild(QPushButton, "contactPlanButton").parentWidget()
    view.show_theme("handling")
    button = page.findChild(QPushButton, "contactPlanButton")
    assert button.isVisibleTo(view)
    view.show_theme("data")
    assert not button.isVisibleTo(view)
