"""Slow work says "et øjeblik"; quick work never flickers a dialog; a change is announced."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.ui.common.busy import BusyDialog
from norddjurs_desktop.ui.common.operations import Done, change_hub, run_op_in_background


def test_a_slow_operation_shows_the_busy_dialog_and_announces_its_change(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    release = threading.Event()
    heard: list[Changes] = []
    change_hub().changed.connect(heard.append)
    try:
        task = run_op_in_background(
            lambda: (release.wait(10), Done("ok", Changes.of(Kind.ABSENCE, unit_id=3)))[1],
            owner=owner,
            progress="Importerer …",
        )
        busy = owner.findChild(BusyDialog)
        assert busy is not None and not busy.isVisible()  # not at once
        qtbot.waitUntil(busy.isVisible, timeout=3_000)  # but after a moment
        assert busy.labelText() == "Importerer …"
        release.set()
        qtbot.waitUntil(lambda: task.finished, timeout=5_000)
        assert all(not d.isVisible() for d in owner.findChildren(BusyDialog))  # gone
        assert heard and heard[-1].touches(Kind.ABSENCE, unit_id=3)
    finally:
        change_hub().changed.disconnect(heard.append)


def test_a_quick_operation_never_shows_it(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    task = run_op_in_background(
        lambda: Done(None, Changes()), owner=owner, progress="Gemmer …"
    )
    qtbot.waitUntil(lambda: task.finished, timeout=5_000)
    qtbot.wait(400)
    assert all(not d.isVisible() for d in owner.findChildren(BusyDialog))
