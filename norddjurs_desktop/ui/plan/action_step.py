"""Step 5, Handlingsplan: the table of actions with new, edit, delete and move.

Every change goes through an undo command, pushed by ``push_guarded`` like
every other undoable edit: an action the service refuses never reaches the
undo stack; the message goes out through ``store.failed`` and nothing changes.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.action_defaults import default_theme
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.operations import on_change
from norddjurs_desktop.ui.plan.action_dialog import ActionDialog
from norddjurs_desktop.ui.plan.action_table_model import (
    COL_REFERENCE,
    SORT_ROLE,
    ActionTableModel,
    ActionTableView,
)
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.screening.undo_commands import (
    AddActionCommand,
    DeleteActionCommand,
    EditActionCommand,
)
from norddjurs_desktop.ui.screening.undo_guard import push_guarded

EMPTY_HINT = "Ingen handlinger endnu – tryk på Ny handling"


class ReorderActionsCommand(QUndoCommand):
    def __init__(self, store: ScreeningStore, old: list[int], new: list[int]) -> None:
        super().__init__("Flyt handling")
        self.store, self.old, self.new = store, list(old), list(new)

    def redo(self) -> None:
        self.store.reorder_actions(self.new)

    def undo(self) -> None:
        self.store.reorder_actions(self.old)


class ActionStep(QWidget):
    def __init__(
        self, store: ScreeningStore, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.undo_stack = store, undo_stack
        self.current_dialog: ActionDialog | None = None
        self.model = ActionTableModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = named(ActionTableView(self.proxy), "actionTable")
        self.table.doubleClicked.connect(self._edit_index)
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.empty_hint = named(QLabel(EMPTY_HINT), "emptyHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: palette(placeholder-text); font-size: 14pt;")
        # The selected action in full: long texts are cut short in the table itself.
        self.detail = named(QLabel(), "actionDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_box = named(QScrollArea(), "actionDetailBox")
        self.detail_box.setWidgetResizable(True)
        self.detail_box.setWidget(self.detail)
        self.detail_box.setMaximumHeight(110)
        self.detail_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_hint)
        self.pages.addWidget(self.table)

        self.new_action = self._action(
            "Ny handling", ["Ctrl+Shift+N", "Insert"], self.open_new_action
        )
        self.edit_action = self._action("Ret", ["Return", "Enter", "F2"], self.edit_selected)
        self.delete_action = self._action("Slet", ["Delete"], self.delete_selected)
        self.up_action = self._action("Flyt op", ["Alt+Up"], lambda: self.move_selected(-1))
        self.down_action = self._action("Flyt ned", ["Alt+Down"], lambda: self.move_selected(1))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.new_action)
        for action in (self.edit_action, self.delete_action, self.up_action, self.down_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, action in (
            ("addActionButton", self.new_action),
            ("editActionButton", self.edit_action),
            ("deleteActionButton", self.delete_action),
            ("moveUpButton", self.up_action),
            ("moveDownButton", self.down_action),
        ):
            button = named(QPushButton(action.text()), name)
            keys = " eller ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()[:2]
            )
            button.setToolTip(f"{action.text()} ({keys})")
            button.clicked.connect(action.trigger)
            button.setEnabled(action.isEnabled())
            action.enabledChanged.connect(button.setEnabled)
            buttons.addWidget(button)
            if name == "addActionButton":
                button.setDefault(True)
            if name == "deleteActionButton":
                buttons.addSpacing(24)
            self.buttons[name] = button
        self.plan_order_button = named(QPushButton("Vis planens rækkefølge"), "planOrderButton")
        self.plan_order_button.setToolTip("Fjern sorteringen, så I kan flytte handlingerne")
        self.plan_order_button.clicked.connect(self.show_plan_order)
        buttons.addWidget(self.plan_order_button)
        buttons.addStretch(1)

        help_text = QLabel(
            "Aftal hvad I vil gøre ved de prioriterede temaer: hvad, hvorfor, hvem og hvornår "
            "– og hvordan I ser, at det er lykkedes."
        )
        help_text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>5. Handlingsplan</h2>"))
        layout.addWidget(help_text)
        layout.addLayout(buttons)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.detail_box)

        on_change(self, self._on_change)
        self.reload()

    # -- building -------------------------------------------------------------------
    def _action(self, text: str, keys: list[str], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- reading ----------------------------------------------------------------------
    def _on_change(self, changes: Changes) -> None:
        if self.store.concerns(changes, Kind.ACTIONS):
            self.reload()

    def reload(self) -> None:
        keep = self.selected_action()
        self.model.set_actions(self.store.actions())
        # The data column only takes room when an action was created from the data view.
        has_reference = any(a.data_reference for a in self.model.actions())
        self.table.setColumnHidden(COL_REFERENCE, not has_reference)
        self.table.fit_rows()
        self.pages.setCurrentWidget(self.table if self.model.rowCount() else self.empty_hint)
        if keep is not None:
            self.select_action(keep.id)
        self._update_buttons()

    def selected_action(self) -> ActionData | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.action_at(self.proxy.mapToSource(rows[0]).row())

    def select_action(self, action_id: int | None) -> None:
        row = self.model.row_of(action_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

    def _is_sorted(self) -> bool:
        return self.proxy.sortColumn() >= 0

    def _update_buttons(self) -> None:
        selected = self.selected_action()
        has = selected is not None
        row = self.model.row_of(selected.id) if selected else None
        movable = has and not self._is_sorted()
        self.edit_action.setEnabled(has)
        self.delete_action.setEnabled(has)
        self.up_action.setEnabled(movable and row is not None and row > 0)
        last = self.model.rowCount() - 1
        self.down_action.setEnabled(movable and row is not None and row < last)
        self.plan_order_button.setVisible(self._is_sorted())
        self._show_detail(selected)

    def _show_detail(self, action: ActionData | None) -> None:
        self.detail_box.setVisible(action is not None)
        if action is None:
            self.detail.clear()
            return
        parts = [
            ("Handling", action.action),
            ("Problem", action.problem),
            ("Succeskriterium", action.success),
        ]
        self.detail.setText(
            "<br>".join(f"<b>{title}:</b> {html.escape(text)}" for title, text in parts if text)
        )

    def show_plan_order(self) -> None:
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        self._update_buttons()

    # -- changing ---------------------------------------------------------------------
    def make_dialog(self, action: ActionData | None = None) -> ActionDialog:
        return ActionDialog(self.store.data.date, action, self)

    def _show_dialog(self, dialog: ActionDialog, on_ok: Callable[[ActionData], object]) -> None:
        """Window-modal and non-blocking, so tests can fill it in like a user."""
        self.current_dialog = dialog
        dialog.accepted.connect(lambda: on_ok(dialog.action_data()))
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self) -> None:
        if self.current_dialog is not None:
            self.current_dialog.deleteLater()
        self.current_dialog = None

    def open_new_action(self, prefill: ActionData | None = None) -> ActionDialog:
        """Open the form for a new action, optionally filled in (e.g. from the data view).

        Without a prefill the theme is the first prioritised one without an action.
        """
        if prefill is None:
            prefill = ActionData(
                id=None,
                theme_key=default_theme(
                    ((a.theme_key, a.priority) for a in self.store.data.assessments),
                    (a.theme_key for a in self.model.actions()),
                ),
                problem="",
                action="",
                owner="",
                deadline=None,
                follow_up=None,
                status="ikke startet",
                success="",
                data_reference=None,
            )
        dialog = self.make_dialog(prefill)
        self._show_dialog(dialog, self.add_action)
        return dialog

    def edit_selected(self) -> ActionDialog | None:
        old = self.selected_action()
        if old is None:
            return None
        dialog = self.make_dialog(old)
        self._show_dialog(dialog, lambda new: self.update_action(old, new))
        return dialog

    def _edit_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectRow(index.row())
            self.edit_selected()

    def add_action(self, data: ActionData) -> bool:
        command = AddActionCommand(self.store, data)
        if not self._push(command):
            return False
        if command.stored is not None:
            self.select_action(command.stored.id)
        return True

    def update_action(self, old: ActionData, new: ActionData) -> bool:
        if old == new:
            return True
        ok = self._push(EditActionCommand(self.store, old, new))
        self.select_action(old.id)
        return ok

    def delete_selected(self) -> bool:
        action = self.selected_action()
        if action is None:
            return False
        short = action.action if len(action.action) <= 80 else action.action[:77] + "…"
        answer = QMessageBox.question(
            self,
            "Slet handling",
            f"Vil I slette handlingen „{short}“?\n\nI kan fortryde med Ctrl+Z.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._push(DeleteActionCommand(self.store, action))

    def move_selected(self, offset: int) -> bool:
        action = self.selected_action()
        if action is None or self._is_sorted():
            return False
        ids = [a.id for a in self.model.actions() if a.id is not None]
        row = ids.index(action.id) if action.id in ids else -1
        target = row + offset
        if row < 0 or not 0 <= target < len(ids):
            return False
        new = list(ids)
        new[row], new[target] = new[target], new[row]
        ok = self._push(ReorderActionsCommand(self.store, ids, new))
        self.select_action(action.id)
        return ok

    def _push(self, command: QUndoCommand) -> bool:
        return push_guarded(self.undo_stack, command, self.store)
