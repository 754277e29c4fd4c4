"""The card editor opened from the app: "Gem" reaches the open meeting as one undo step.

HR (or the group) may fix a card text in the middle of a meeting. The editor
returns the decks it changed as before/after snapshots; here they become one
:class:`DeckEditCommand` on the meeting's undo stack, so Ctrl+Z in the
screening takes back the whole edit and redo puts it back. Both ways restore
the rows in place (``editing.restore_deck``), so the notes the group wrote
about a card stay with it.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.decks.editing import DeckSnapshot, restore_deck
from norddjurs_desktop.ui.common.failure_text import failure_text
from norddjurs_desktop.ui.common.operations import change_hub
from norddjurs_desktop.ui.widgets.plain_text import plain_message

Edit = tuple[DeckSnapshot, DeckSnapshot]


class DeckEditCommand(QUndoCommand):
    """Every deck change of one "Gem", undone and redone as a whole."""

    def __init__(self, db: Database, edits: list[Edit], parent: QWidget | None = None) -> None:
        super().__init__("Ændringer i kortsæt")
        self.db, self.edits, self.parent_widget = db, list(edits), parent
        self._stored = True  # the editor has already written the "after" state

    def redo(self) -> None:
        if self._stored:  # QUndoStack.push calls redo: nothing to write the first time
            self._stored = False
            return
        self._put([after for _before, after in self.edits])

    def undo(self) -> None:
        self._put([before for before, _after in self.edits])

    def _put(self, states: list[DeckSnapshot]) -> None:
        try:
            with self.db.session():  # every deck in one transaction
                for state in states:
                    restore_deck(self.db, state)
        except Exception as error:  # never raised into Qt's undo machinery: said aloud
            QMessageBox.warning(self.parent_widget, "Ikke gemt", plain_message(failure_text(error)))
            return
        change_hub().announce(Changes.of(Kind.DECKS))


def edit_decks(parent: QWidget, db: Database, undo_stack: QUndoStack | None) -> bool:
    """Open the card editor; True when HR saved.

    With a meeting open (``undo_stack`` given) what was saved becomes one undo
    step; every view that shows cards hears of it once.
    """
    from norddjurs_desktop.ui.decks.editor_dialog import DeckEditorDialog

    dialog = DeckEditorDialog(db, parent=parent)
    saved = dialog.exec() == QDialog.DialogCode.Accepted
    if saved and dialog.edits and undo_stack is not None:
        undo_stack.push(DeckEditCommand(db, dialog.edits, parent))
    if saved:
        change_hub().announce(Changes.of(Kind.DECKS))
    dialog.deleteLater()
    return saved
