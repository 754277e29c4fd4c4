"""HR opens "Oversigt over enheder" from the menu, sorts and filters it, and a
double-click or Enter on a unit shows that unit's screenings on the home."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from test_unit_overview import TODAY, build_three_units

from norddjurs_desktop.domain.palette import PALETTE_KEYS
from norddjurs_desktop.services import screenings, units
from norddjurs_desktop.services.bootstrap import open_app_database
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.unit_overview import build_unit_overview
from norddjurs_desktop.ui.common.operations import change_hub
from norddjurs_desktop.ui.shell.main_window import MainWindow
from norddjurs_desktop.ui.unit_overview.model import (
    COL_AREA,
    COL_FOLLOW_UP,
    COL_UNIT,
    FIRST_THEME,
    HEADERS,
    UNIT_ID_ROLE,
)
from norddjurs_desktop.ui.unit_overview.window import UnitOverviewWindow


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "hr.sqlite"
    db = open_app_database(path)
    try:
        build_three_units(db)
    finally:
        db.close()
    return path


def _window(qtbot, db) -> UnitOverviewWindow:
    window = UnitOverviewWindow(db, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    assert window.absence_task is not None
    qtbot.waitUntil(lambda: window._absence_done, timeout=20_000)
    return window


def _column(window: UnitOverviewWindow, column: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    proxy = window.proxy
    return [proxy.index(r, column).data(role) for r in range(proxy.rowCount())]


def test_sorting_a_theme_column_and_keeping_the_area_groups(qtbot, db) -> None:
    build_three_units(db)
    window = _window(qtbot, db)
    # opened grouped by area, units without an area last
    assert _column(window, COL_AREA) == ["Børn", "Børn", "Omsorg", "Uden område"]
    handling = FIRST_THEME + PALETTE_KEYS.index("handling")
    header = window.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=_section_centre(header, handling))
    shown = _column(window, handling)
    scores = [int(text.split()[0]) for text in shown if text != "–"]
    assert scores == sorted(scores) or scores == sorted(scores, reverse=True)
    assert window.table.horizontalHeader().sortIndicatorSection() == handling
    # the cell says the number and the trend; the tooltip says it in words
    row = next(r for r in build_unit_overview(db, TODAY).rows if r.unit == "Ærø Skole")
    index = next(window.proxy.index(r, handling) for r in range(window.proxy.rowCount())
                 if window.proxy.index(r, COL_UNIT).data() == "Ærø Skole")
    assert index.data() == f"{row.scores['handling']} ↓"
    assert "dårligere end sidst (5)" in index.data(Qt.ItemDataRole.ToolTipRole)


def _section_centre(header, section: int):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_filtering_by_text_and_area_and_the_support_counts_follow(qtbot, db) -> None:
    build_three_units(db)
    window = _window(qtbot, db)
    qtbot.keyClicks(window.filter_edit, "skole")
    assert _column(window, COL_UNIT) == ["Ærø Skole"]
    assert "blandt de 1 viste enhed:" in window.support_label.text()
    assert "Håndtering: 1" in window.support_label.text()  # Ærø Skole scores it 1
    window.filter_edit.clear()
    assert window.proxy.rowCount() == 4
    window.area_box.setCurrentIndex(window.area_box.findText("Børn"))
    assert sorted(_column(window, COL_UNIT)) == ["Børnehuset Solsikken", "Ærø Skole"]
    window.area_box.setCurrentIndex(window.area_box.findText("Uden område"))
    assert _column(window, COL_UNIT) == ["Tom enhed"]
    window.area_box.setCurrentIndex(0)
    follow = dict(zip(_column(window, COL_UNIT), _column(window, COL_FOLLOW_UP), strict=True))
    assert follow["Ærø Skole"].endswith("(overskredet med 10 dage)")


def test_the_table_follows_a_change_announced_by_the_hub(qtbot, db) -> None:
    ids = build_three_units(db)
    window = _window(qtbot, db)
    data = FIRST_THEME + PALETTE_KEYS.index("data")
    unit_id = ids["Tom enhed"]
    sid = screenings.create_screening(db, unit_id, on=date(2026, 11, 1))
    screenings.set_score(db, sid, "data", 2)
    absence_read = window.absence_task
    change_hub().announce(Changes.of(Kind.ASSESSMENTS, screening_id=sid, unit_id=unit_id))
    values = dict(zip(_column(window, COL_UNIT), _column(window, data), strict=True))
    assert values["Tom enhed"] == "2"
    assert "Brug af data: 2" in window.support_label.text()  # one more unit to support
    assert window.absence_task is absence_read  # a score is no reason to read absence again
    units.rename_unit(db, unit_id, "Ny enhed")
    change_hub().announce(Changes.of(Kind.UNITS, unit_id=unit_id))
    assert "Ny enhed" in _column(window, COL_UNIT)


def test_double_click_and_enter_show_the_units_screenings_on_the_home(
    qtbot, filled: Path
) -> None:
    main = MainWindow(filled)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(main.databaseOpened, timeout=20_000):
        main.open_database()
    main.app_actions.unit_overview.trigger()
    window = main.unit_overview
    assert isinstance(window, UnitOverviewWindow)
    assert main.app_actions.unit_overview.text().replace("&", "") == "Oversigt over enheder …"
    qtbot.waitUntil(lambda: window._absence_done, timeout=20_000)
    row = next(r for r in range(window.proxy.rowCount())
               if window.proxy.index(r, COL_UNIT).data() == "Hjemmeplejen Nord")
    index = window.proxy.index(row, COL_UNIT)
    rect = window.table.visualRect(index)
    # a double-click is a press, a release and the double-click event, as from a real mouse
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert main.home is not None
    current = main.home.tree.currentItem()
    assert current is not None and current.text(0) == "Hjemmeplejen Nord"
    assert current.childCount() == 2  # its two screenings, listed under it
    # Enter on another row does the same
    other = next(r for r in range(window.proxy.rowCount())
                 if window.proxy.index(r, COL_UNIT).data() == "Ærø Skole")
    window.table.setFocus()
    window.table.setCurrentIndex(window.proxy.index(other, COL_UNIT))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert main.home.tree.currentItem().text(0) == "Ærø Skole"
    assert window.table.currentIndex().data(UNIT_ID_ROLE) is not None


def test_keyboard_order_names_and_export_from_the_window(qtbot, db, tmp_path: Path) -> None:
    build_three_units(db)
    window = _window(qtbot, db)
    assert window.filter_edit.nextInFocusChain() is window.area_box or \
        window.area_box in _chain(window.filter_edit, 4)
    for widget in (window.filter_edit, window.area_box, window.table, window.open_button):
        assert widget.accessibleName() or widget.text()  # type: ignore[attr-defined]
    assert len(HEADERS) == window.model.columnCount(QModelIndex())
    out = tmp_path / "oversigt.pdf"
    task = window.export_to(out)
    with qtbot.waitSignal(task.done, timeout=30_000):
        pass
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert "Oversigten er gemt" in window.status_label.text()


def _chain(widget, steps: int) -> list:
    found, current = [], widget
    for _ in range(steps):
        current = current.nextInFocusChain()
        found.append(current)
    return found


def test_a_selected_row_keeps_its_score_colours(qtbot, db) -> None:
    """Selecting the unit HR looks at must not paint over the colours they look for."""
    from PySide6.QtGui import QColor

    build_three_units(db)
    window = _window(qtbot, db)
    window.resize(1300, 500)
    proxy, table = window.proxy, window.table
    row = next(r for r in range(proxy.rowCount())
               if isinstance(proxy.index(r, FIRST_THEME).data(Qt.ItemDataRole.BackgroundRole),
                             QColor))
    index = proxy.index(row, FIRST_THEME)
    colour = index.data(Qt.ItemDataRole.BackgroundRole)
    table.selectRow(row)
    qtbot.waitUntil(lambda: table.selectionModel().isRowSelected(row, QModelIndex()))
    rect = table.visualRect(index)
    image = table.viewport().grab().toImage()
    # a point inside the frame, away from the centred text
    inside = image.pixelColor(rect.left() + 6, rect.top() + rect.height() // 2)
    assert inside.name() == colour.name()
    frame = image.pixelColor(rect.left() + 1, rect.top() + rect.height() // 2)
    assert frame.name() == table.palette().highlight().color().name()


def test_the_overview_closes_with_its_button_and_with_escape(qtbot, db) -> None:
    from PySide6.QtTest import QTest

    build_three_units(db)
    window = _window(qtbot, db)
    window.filter_edit.setFocus()
    QTest.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())
    window.show()
    qtbot.waitUntil(window.isVisible)
    window.close_button.click()
    assert not window.isVisible()
