"""Danish in Qt's own dialogs too: the file dialog's labels and the standard buttons."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel

from norddjurs_desktop.ui.app import configure_application


@pytest.fixture
def configured(qapp: QApplication) -> Iterator[QApplication]:
    before = set(qapp.findChildren(QTranslator))
    configure_application(qapp)
    yield qapp
    for translator in set(qapp.findChildren(QTranslator)) - before:
        QCoreApplication.removeTranslator(translator)
    qapp.setStyleSheet("")


def test_the_file_dialog_speaks_danish(qtbot, configured: QApplication) -> None:
    dialog = QFileDialog(None, "Gem handlingsplan")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    qtbot.addWidget(dialog)
    texts = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert texts["lookInLabel"].replace("&", "") == "Kig i:"
    assert texts["fileTypeLabel"].replace("&", "") == "Filer af type:"
    assert "Look in" not in " ".join(texts.values())


def test_standard_buttons_say_annuller(qtbot, configured: QApplication) -> None:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Annuller"
