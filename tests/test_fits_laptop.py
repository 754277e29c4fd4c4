"""On a 1366×768 laptop the data step shows whole charts and the window keeps its width."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from norddjurs_desktop.ui.shell.main_window import MainWindow


def test_every_chart_fits_the_data_step_at_1366x768(qtbot, tmp_path: Path) -> None:
    window = MainWindow(tmp_path / "data.sqlite")
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=20_000):
        window.open_database()
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000):
        window.home.open_demo()
    qtbot.waitExposed(window)
    width = window.width()
    page = window.screening_page
    page.go_to_step(2)
    view = page.data_step.view
    assert view is not None
    qtbot.waitUntil(lambda: view.task is not None and view.task.finished, timeout=20_000)
    for key in ("rolling", "durations", "weekdays", "months", "bradford"):
        panel = view.select_chart(key)
        qtbot.waitUntil(lambda p=panel: p.canvas is not None and not p._stale, timeout=20_000)
        bar = panel.scroll_area.verticalScrollBar()
        qtbot.waitUntil(lambda b=bar: b.maximum() == 0, timeout=5_000)
        assert panel.canvas.height() <= panel.scroll_area.viewport().height(), key
    assert window.width() == width  # loading data never widens the window


def test_the_wheel_over_a_chart_scrolls_its_area_when_it_is_taller(qtbot, tmp_path) -> None:
    window = MainWindow(tmp_path / "wheel.sqlite")
    qtbot.addWidget(window)
    window.resize(1366, 560)  # lower than a laptop: the chart must scroll
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=20_000):
        window.open_database()
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000):
        window.home.open_demo()
    page = window.screening_page
    page.go_to_step(2)
    view = page.data_step.view
    qtbot.waitUntil(lambda: view.task is not None and view.task.finished, timeout=20_000)
    panel = view.select_chart("weekdays")
    qtbot.waitUntil(lambda: panel.canvas is not None and not panel._stale, timeout=20_000)
    bar = panel.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5_000)
    centre = QPointF(panel.canvas.rect().center())
    event = QWheelEvent(
        centre, QPointF(panel.canvas.mapToGlobal(centre.toPoint())), QPoint(0, 0),
        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(panel.canvas, event)
    assert bar.value() > 0


def test_a_chart_tells_a_screen_reader_what_it_shows(qtbot, tmp_path: Path) -> None:
    window = MainWindow(tmp_path / "a11y.sqlite")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseOpened, timeout=20_000):
        window.open_database()
    with qtbot.waitSignal(window.screeningOpened, timeout=20_000):
        window.home.open_demo()
    page = window.screening_page
    page.go_to_step(2)
    view = page.data_step.view
    qtbot.waitUntil(lambda: view.task is not None and view.task.finished, timeout=20_000)
    panel = view.select_chart("weekdays")
    qtbot.waitUntil(lambda: panel.canvas is not None and not panel._stale, timeout=20_000)
    assert panel.canvas.accessibleName() == "Ugedag for første sygedag"
    description = panel.canvas.accessibleDescription()
    assert description and description in panel.headline.text()
