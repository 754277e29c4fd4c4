"""A TRIO writes its action plan: add, check, undo, delete and reorder actions, then close.

Everything goes through the real widgets: the dialog is filled in field by
field and its real Gem button is pressed.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TypeVar  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QDate, QObject, Qt  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
)

from norddjurs_desktop.domain.plan import DataReference  # noqa: E402
from norddjurs_desktop.services import actions as action_service  # noqa: E402
from norddjurs_desktop.services import screenings, units  # noqa: E402
from norddjurs_desktop.services.bootstrap import open_app_database  # noqa: E402
from norddjurs_desktop.services.dto import ActionData  # noqa: E402
from norddjurs_desktop.ui.common.tasks import run_in_background  # noqa: E402
from norddjurs_desktop.ui.plan.action_dialog import ActionDialog  # noqa: E402
from norddjurs_desktop.ui.plan.action_step import ActionStep  # noqa: E402
from norddjurs_desktop.ui.plan.action_table_model import (  # noqa: E402
    COL_ACTION,
    COL_DEADLINE,
    COL_FOLLOW_UP,
    COL_STATUS,
    COL_THEME,
    SORT_ROLE,
)
from norddjurs_desktop.ui.plan.plan_export import export_plan_to  # noqa: E402
from norddjurs_desktop.ui.screening.closing_step import ClosingStep  # noqa: E402
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore  # noqa: E402
from norddjurs_desktop.ui.shell.settings import EXPORT_FOLDER

MEETING = date(2025, 3, 10)


@pytest.fixture
def store(tmp_path: Path):
    db = open_app_database(tmp_path / "t.sqlite")
    unit_id = units.create_unit(db, "Børnehuset Æblegården")
    screening_id = screenings.create_screening(db, unit_id, on=MEETING, forum="TRIO")
    screenings.add_participant(db, screening_id, "Anne", "Leder")
    screenings.add_participant(db, screening_id, "Bo", "TR")
    yield ScreeningStore(db, screening_id)
    db.close()


@pytest.fixture
def step(qtbot, store):
    widget = ActionStep(store, QUndoStack())
    qtbot.addWidget(widget)
    widget.show()
    return widget


C = TypeVar("C", bound=QObject)


def child(parent: QObject, cls: type[C], name: str) -> C:
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def action(text: str, **fields: object) -> ActionData:
    values: dict[str, object] = dict(
        id=None,
        theme_key="handling",
        problem="",
        action=text,
        owner="",
        deadline=None,
        follow_up=None,
        status="ikke startet",
        success="",
    )
    values.update(fields)
    return ActionData(**values)  # type: ignore[arg-type]


def open_dialog(qtbot, step: ActionStep) -> ActionDialog:
    qtbot.mouseClick(child(step, QPushButton, "addActionButton"), Qt.MouseButton.LeftButton)
    dialog = step.current_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def set_date(dialog: ActionDialog, name: str, value: date) -> None:
    child(dialog, QDateEdit, name).setDate(QDate(value.year, value.month, value.day))


def press_save(qtbot, dialog: ActionDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def fill_in(qtbot, dialog: ActionDialog) -> None:
    theme = child(dialog, QComboBox, "themeCombo")
    theme.setCurrentIndex(theme.findText("Håndtering"))
    qtbot.keyClicks(child(dialog, QPlainTextEdit, "problemEdit"), "Mange korte fravær")
    qtbot.keyClicks(child(dialog, QPlainTextEdit, "actionEdit"), "Ring dag 1, 3 og 10")
    qtbot.keyClicks(child(dialog, QLineEdit, "ownerEdit"), "Anne")
    set_date(dialog, "deadlineEdit", date(2025, 4, 15))
    set_date(dialog, "followUpEdit", date(2025, 6, 1))
    status = child(dialog, QComboBox, "statusCombo")
    status.setCurrentIndex(status.findData("i gang"))
    qtbot.keyClicks(child(dialog, QPlainTextEdit, "successEdit"), "Færre korte fravær")


def test_empty_plan_shows_hint(step):
    hint = child(step, QLabel, "emptyHint")
    assert hint.isVisible()
    assert "Ny handling" in hint.text()


def test_add_action_through_dialog(qtbot, step, store):
    dialog = open_dialog(qtbot, step)
    fill_in(qtbot, dialog)
    press_save(qtbot, dialog)

    assert not dialog.isVisible()
    [stored] = action_service.list_actions(store.db, store.screening_id)
    assert stored.action == "Ring dag 1, 3 og 10"
    assert stored.problem == "Mange korte fravær"
    assert stored.owner == "Anne"
    assert stored.theme_key == "handling"
    assert (stored.deadline, stored.follow_up) == (date(2025, 4, 15), date(2025, 6, 1))
    assert stored.status == "i gang"
    assert stored.success == "Færre korte fravær"
    table = child(step, QTableView, "actionTable")
    assert table.isVisible()
    model = table.model()
    assert model.rowCount() == 1
    assert model.index(0, COL_ACTION).data() == "Ring dag 1, 3 og 10"
    assert model.index(0, COL_THEME).data() == "Håndtering"
    assert model.index(0, COL_DEADLINE).data() == "15-04-2025"
    assert model.index(0, COL_FOLLOW_UP).data() == "01-06-2025"


def test_deadline_before_meeting_is_refused_inside_dialog(qtbot, step, store):
    dialog = open_dialog(qtbot, step)
    qtbot.keyClicks(child(dialog, QPlainTextEdit, "actionEdit"), "Sygesamtaler")
    set_date(dialog, "deadlineEdit", date(2025, 3, 1))
    press_save(qtbot, dialog)

    error = child(dialog, QLabel, "errorLabel")
    assert dialog.isVisible()
    assert error.isVisible()
    assert "før screeningens dato" in error.text() and "01-03-2025" in error.text()
    assert error.text().startswith("⚠")
    assert action_service.list_actions(store.db, store.screening_id) == []


def test_empty_action_and_follow_up_before_deadline_are_refused(qtbot, step, store):
    dialog = open_dialog(qtbot, step)
    press_save(qtbot, dialog)
    error = child(dialog, QLabel, "errorLabel")
    assert "Skriv hvad handlingen går ud på" in error.text()

    qtbot.keyClicks(child(dialog, QPlainTextEdit, "actionEdit"), "Velkomstsamtale")
    set_date(dialog, "deadlineEdit", date(2025, 5, 1))
    set_date(dialog, "followUpEdit", date(2025, 4, 1))
    press_save(qtbot, dialog)
    assert dialog.isVisible()
    assert "Opfølgningsdatoen (01-04-2025) ligger før deadline (01-05-2025)" in error.text()

    child(dialog, QCheckBox, "followUpNoneCheck").setChecked(True)
    press_save(qtbot, dialog)
    assert not dialog.isVisible()
    [stored] = action_service.list_actions(store.db, store.screening_id)
    assert stored.follow_up is None and stored.deadline == date(2025, 5, 1)


def test_undo_removes_the_action_and_redo_puts_it_back(qtbot, step, store):
    dialog = open_dialog(qtbot, step)
    fill_in(qtbot, dialog)
    press_save(qtbot, dialog)
    assert step.undo_stack.count() == 1

    step.undo_stack.undo()
    assert action_service.list_actions(store.db, store.screening_id) == []
    assert step.model.rowCount() == 0
    assert child(step, QLabel, "emptyHint").isVisible()

    step.undo_stack.redo()
    [stored] = action_service.list_actions(store.db, store.screening_id)
    assert stored.action == "Ring dag 1, 3 og 10"
    assert step.model.rowCount() == 1


def test_edit_keeps_id_and_data_reference(qtbot, step, store):
    reference = DataReference("Fravær pr. ugedag", "2024", "", "31 % om mandagen", "")
    stored = store.add_action(action("Tal om mandage", data_reference=reference))
    step.select_action(stored.id)
    dialog = step.edit_selected()
    assert dialog is not None
    assert "31 % om mandagen" in child(dialog, QLabel, "referenceLabel").text()
    edit = child(dialog, QLineEdit, "ownerEdit")
    qtbot.keyClicks(edit, "AMR")
    press_save(qtbot, dialog)

    [changed] = action_service.list_actions(store.db, store.screening_id)
    assert changed.id == stored.id
    assert changed.owner == "AMR"
    assert changed.data_reference == reference
    step.undo_stack.undo()
    assert action_service.list_actions(store.db, store.screening_id)[0].owner == ""


def test_delete_asks_first(qtbot, step, store, monkeypatch):
    store.add_action(action("Første"))
    step.select_action(store.actions()[0].id)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: answers.pop(0))

    delete = child(step, QPushButton, "deleteActionButton")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert len(store.actions()) == 1  # said no
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert store.actions() == []
    step.undo_stack.undo()
    assert [a.action for a in store.actions()] == ["Første"]


def test_refused_by_service_shows_message_and_changes_nothing(step, store):
    shown: list[str] = []
    store.failed.connect(shown.append)
    assert not step.add_action(action("For tidligt", deadline=date(2025, 1, 1)))
    assert shown and "før screeningens dato" in shown[0]
    assert store.actions() == []
    assert step.undo_stack.count() == 0


def test_move_down_reorders_and_undo_restores(step, store):
    for text in ("A", "B", "C"):
        store.add_action(action(text))
    step.select_action(store.actions()[0].id)
    assert step.move_selected(1)
    assert [a.action for a in store.actions()] == ["B", "A", "C"]
    assert step.selected_action().action == "A"
    step.undo_stack.undo()
    assert [a.action for a in store.actions()] == ["A", "B", "C"]


def test_table_sorts_dates_as_dates_and_statuses_read_without_colour(step, store):
    store.add_action(action("Sent", deadline=date(2025, 12, 1), status="gennemført"))
    store.add_action(action("Tidligt", deadline=date(2025, 4, 2)))
    store.add_action(action("Uden dato"))
    model = step.model
    assert model.index(1, COL_DEADLINE).data() == "02-04-2025"
    assert model.index(0, COL_STATUS).data() == "✔ Gennemført"
    assert model.index(0, COL_ACTION).data(Qt.ItemDataRole.ToolTipRole) == "Handling: Sent"

    step.table.sortByColumn(COL_DEADLINE, Qt.SortOrder.AscendingOrder)
    proxy = step.proxy
    order = [proxy.index(row, COL_ACTION).data() for row in range(proxy.rowCount())]
    assert order == ["Tidligt", "Sent", "Uden dato"]  # not "01-12" before "02-04"
    assert isinstance(proxy.index(0, COL_DEADLINE).data(SORT_ROLE), int)
    assert not step.up_action.isEnabled() and not step.down_action.isEnabled()
    step.show_plan_order()
    assert [proxy.index(r, COL_ACTION).data() for r in range(3)] == ["Sent", "Tidligt", "Uden dato"]


def test_prefilled_new_action_keeps_data_reference(qtbot, step, store):
    reference = DataReference("Fravær over tid", "2024", "Team A", "7,2 %", "Over 5 %")
    dialog = step.open_new_action(action("", theme_key="data", data_reference=reference))
    assert child(dialog, QComboBox, "themeCombo").currentText() == "Brug af data"
    qtbot.keyClicks(child(dialog, QPlainTextEdit, "actionEdit"), "Fast punkt i TRIO")
    press_save(qtbot, dialog)
    [stored] = store.actions()
    assert stored.data_reference == reference


def test_closing_step_saves_next_follow_up_and_summary(qtbot, store):
    store.set_score("handling", 3)
    store.set_priorities(["handling", "culture"])
    store.add_action(action("Ring dag 1"))
    closing = ClosingStep(store, QUndoStack())
    qtbot.addWidget(closing)
    closing.show()
    summary = child(closing, QLabel, "summaryLabel").text()
    assert "Håndtering: 3 – både-og" in summary
    assert "Børnehuset Æblegården" in summary and "10-03-2025" in summary
    assert "Anne (Leder)" in summary
    assert "<ol><li>Håndtering</li><li>Kultur for fravær</li></ol>" in summary

    edit = child(closing, QDateEdit, "nextFollowUpEdit")
    assert edit.displayFormat() == "dd-MM-yyyy"
    edit.setDate(QDate(2025, 9, 1))
    assert store.data.next_follow_up == date(2025, 9, 1)

    edit.setDate(QDate(2025, 2, 1))
    error = child(closing, QLabel, "nextFollowUpError")
    assert error.isVisible() and "før screeningens dato" in error.text()
    assert store.data.next_follow_up == date(2025, 9, 1)

    qtbot.keyClicks(child(closing, QPlainTextEdit, "summaryEdit"), "Vi mødes igen")
    closing.flush()
    assert screenings.get_screening(store.db, store.screening_id).summary == "Vi mødes igen"

    child(closing, QCheckBox, "finishedCheck").setChecked(True)
    assert store.data.status == "afsluttet"


def test_export_plan_writes_a_pdf(qtbot, store, tmp_path):
    pytest.importorskip("norddjurs_desktop.reports.plan_pdf")
    store.add_action(action("Ring dag 1", deadline=date(2025, 4, 1)))
    out = tmp_path / "plan.pdf"
    task = export_plan_to(store, out)
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    assert task.error is None, task.error
    assert task.result == out
    assert out.read_bytes().startswith(b"%PDF")


def test_export_to_a_missing_folder_reports_oserror(qtbot, store, tmp_path):
    pytest.importorskip("norddjurs_desktop.reports.plan_pdf")
    errors: list[BaseException] = []
    task = export_plan_to(store, tmp_path / "findes ikke" / "plan.pdf", on_error=errors.append)
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    assert errors and isinstance(errors[0], OSError)


def test_background_errors_come_back_on_the_gui_thread(qtbot):
    import threading

    main = threading.get_ident()
    seen: list[tuple[str, bool]] = []

    def fail() -> None:
        raise ValueError("nej")

    task = run_in_background(
        fail,
        on_done=lambda _r: seen.append(("done", False)),
        on_error=lambda e: seen.append((str(e), threading.get_ident() == main)),
    )
    with qtbot.waitSignal(task.done, timeout=5_000):
        pass
    assert seen == [("nej", True)]


def test_keys_delete_and_enter_work_on_the_table(qtbot, step, store, monkeypatch):
    store.add_action(action("Første"))
    step.select_action(store.actions()[0].id)
    step.activateWindow()
    step.table.setFocus()
    qtbot.waitUntil(step.table.hasFocus)
    qtbot.keyClick(step.table, Qt.Key.Key_Return)
    assert step.current_dialog is not None and step.current_dialog.isVisible()
    step.current_dialog.reject()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    step.table.setFocus()
    qtbot.keyClick(step.table, Qt.Key.Key_Delete)
    assert store.actions() == []


def test_export_with_dialog_proposes_the_plan_name(qtbot, store, tmp_path, monkeypatch):
    pytest.importorskip("norddjurs_desktop.reports.plan_pdf")
    from PySide6.QtWidgets import QFileDialog, QWidget

    from norddjurs_desktop.ui.plan import plan_export as export

    asked: list[str] = []
    out = tmp_path / "valgt" / "min plan"
    out.parent.mkdir()

    def fake_save(_parent, _title, proposed, _filter):
        asked.append(proposed)
        return str(out), ""

    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    parent = QWidget()
    qtbot.addWidget(parent)
    task = export.export_plan_with_dialog(parent, store)
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    assert asked[0].endswith("Handlingsplan Børnehuset Æblegården 10-03-2025.pdf")
    assert (out.parent / "min plan.pdf").read_bytes().startswith(b"%PDF")
    assert shown and "min plan.pdf" in shown[0]
    assert EXPORT_FOLDER.get() == str(out.parent)
