"""The home shows units, screenings and what is due as cards, and still works by keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from norddjurs_desktop.services.bootstrap import open_app_database
from norddjurs_desktop.services.demo import create_demo
from norddjurs_desktop.ui.home.card_delegate import FACE_ROLE, CardFace
from norddjurs_desktop.ui.shell.main_window import MainWindow


def test_screenings_are_cards_that_the_keyboard_walks_and_opens(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "kort.sqlite"
    db = open_app_database(path)
    latest = create_demo(db)
    db.close()
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=20_000):
        window.open_database()
    tree = window.home.tree
    unit = tree.topLevelItem(0)
    face = unit.data(0, FACE_ROLE)
    assert isinstance(face, CardFace) and face.header and face.chip == "2 screeninger"
    newest, older = unit.child(0), unit.child(1)
    card = newest.data(0, FACE_ROLE)
    assert card.title.endswith("· TRIO") and card.chip == "Afsluttet"
    assert "handlinger i planen" in card.detail
    # A card is taller than a plain row, so it has room for its two lines and its chip.
    assert tree.visualItemRect(newest).height() >= 2 * tree.fontMetrics().height()
    assert tree.isHeaderHidden()

    # Painted as a card: the selected one carries the accent, the other the plain surface.
    tree.setCurrentItem(newest)
    image = tree.viewport().grab().toImage()
    rect = tree.visualItemRect(newest)
    inside = QColor(image.pixel(rect.left() + 30, rect.center().y() + 1))
    other = tree.visualItemRect(older)
    plain = QColor(image.pixel(other.left() + 30, other.center().y() + 1))
    assert inside != plain

    # Arrows move between the cards and Enter opens the one chosen.
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentItem() is older
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    assert tree.currentItem() is newest
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000) as opened:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert opened.args == [latest]


def test_overdue_items_are_marked_in_words_and_by_a_stripe(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "frister.sqlite"
    db = open_app_database(path)
    create_demo(db)
    db.close()
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=20_000):
        window.open_database()
    due = window.home.due.tree
    faces = [due.topLevelItem(i).data(0, FACE_ROLE) for i in range(due.topLevelItemCount())]
    late = [face for face in faces if face.warning]
    assert len(late) == 1 and late[0].chip.startswith("⚠ forfalden")
    assert late[0].chip_tone == "danger"
    assert all(not face.warning for face in faces[1:])
