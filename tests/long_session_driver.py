"""A long meeting driven through the real app in its own process, then Filer › Afslut.

Run by ``test_clean_quit.py`` as ``python long_session_driver.py DB OUT``: the
app starts as a user starts it (``ui.app.run``), a timer plays the session —
a hidden round, the big screen, the deck editor, the data view, a PDF — and
then the Afslut command quits. The process must end with code 0 and print
nothing on stderr.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

STEP_MS = 150


def later(action: Callable[[], None], ms: int = STEP_MS) -> None:
    QTimer.singleShot(ms, action)


def close_modal_soon() -> None:
    """Accept the next modal dialog (the presenter's setup) or close it (the deck editor)."""

    def close() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            later(close, 50)
            return
        if isinstance(modal, QDialog):
            if modal.objectName() == "presenterSetupDialog" or type(modal).__name__.startswith(
                "PresenterSetup"
            ):
                modal.accept()
            else:
                modal.reject()

    later(close, 300)


def main_window() -> QWidget | None:
    from norddjurs_desktop.ui.shell.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    return None


def play(out: Path) -> None:
    from norddjurs_desktop.domain.palette import PALETTE_KEYS
    from norddjurs_desktop.services import rounds
    from norddjurs_desktop.services.changes import Changes, Kind
    from norddjurs_desktop.ui.common.operations import change_hub
    from norddjurs_desktop.ui.plan.plan_export import export_plan_to

    window = main_window()
    if window is None or not getattr(window, "_ready", False):
        later(lambda: play(out))
        return
    steps: list[Callable[[], None]] = []
    state: dict[str, object] = {}

    def open_demo() -> None:
        window.home.open_demo()

    def hold_round() -> None:
        page = window.screening_page
        sid, db = page.store.screening_id, page.store.db
        rounds.start_round(db, sid, list(PALETTE_KEYS))
        for n, name in enumerate(["Mette", "Jørgen", "Åse"]):
            rounds.record_votes(db, sid, name, "Medarbejder", {k: 2 + n for k in PALETTE_KEYS})
        change_hub().announce(Changes.of(Kind.ROUNDS, screening_id=sid))
        page.go_to_step(1)
        state["reveal"] = page.mapping.round_buttons.open_reveal()

    def agree() -> None:
        reveal = state.pop("reveal")
        reveal.view.use_medians()  # type: ignore[attr-defined]
        reveal.reject()  # type: ignore[attr-defined]

    def present() -> None:
        page = window.screening_page
        page.mapping.open_theme("culture")
        close_modal_soon()
        page.mapping.theme_view.present()

    def leave_presenter() -> None:
        session = window.screening_page.mapping.theme_view.presenter
        if session is not None:
            session.next()
            session.toggle_control_panel()
            session.close()

    def edit_decks() -> None:
        close_modal_soon()
        window.app_actions.edit_decks.trigger()

    def data_view() -> None:
        window.screening_page.go_to_step(2)

    def export() -> None:
        page = window.screening_page
        page.go_to_step(4)
        state["export"] = export_plan_to(page.store, out / "plan.pdf")

    def wait_export() -> None:
        task = state.get("export")
        if task is not None and not task.finished:  # type: ignore[attr-defined]
            steps.insert(0, wait_export)

    def go_home_and_back() -> None:
        window.go_home()
        window.home.open_demo()

    def quit_app() -> None:
        window.app_actions.quit.trigger()

    steps += [open_demo, hold_round, agree, present, leave_presenter, edit_decks, data_view,
              export, wait_export, go_home_and_back, data_view, quit_app]
    skip = set(os.environ.get("SESSION_SKIP", "").split(","))
    steps[:] = [step for step in steps if step.__name__ not in skip]

    def run_next() -> None:
        if steps:
            step = steps.pop(0)
            if os.environ.get("SESSION_TRACE"):
                print(step.__name__, QApplication.activeModalWidget(), flush=True)
            try:
                step()
            except Exception:  # a failing step must fail the test, not wait on a message box
                traceback.print_exc()
                QApplication.exit(3)
                return
            later(run_next, 600 if steps and steps[0] is quit_app else STEP_MS)

    later(run_next)


def main() -> int:
    db, out = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication([sys.argv[0]])
    from norddjurs_desktop.ui.app import run

    later(lambda: play(out), 200)
    code = run([sys.argv[0], "--db", str(db)])
    del app
    return code


if __name__ == "__main__":
    sys.exit(main())
