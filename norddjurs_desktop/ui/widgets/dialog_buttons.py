"""The OK/Annullér row every form dialog ends with, with a verb on the OK button."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox


def ok_cancel_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """Buttons wired to the dialog's accept/reject; OK says what it does ("Gem", "Start …")."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annullér")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
