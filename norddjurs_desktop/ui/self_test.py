"""`--self-test`: start the real window on a database, check what a bundle can lack, and quit.

A PyInstaller folder can miss a file without anyone noticing until a user
clicks: a Qt plugin (the SVG icon), the Danish translations, QtPdf's library
behind the print preview, matplotlib's Qt canvas, the migrations. This starts
the app as a user would (``ui.app.run``), waits for the database and the
shipped decks, opens the demo meeting, then checks each of those and exits
0, or 1 with one line per problem on stderr. Any message box that appears is
a failure too: it would wait for a click that never comes. ``make
bundle-check`` runs it offscreen against the built folder.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

TIMEOUT_S = 120


def _checks() -> list[tuple[str, Callable[[], bool]]]:
    """(what, check) pairs; each check returns True when that part of the bundle works."""

    def icon() -> bool:
        from norddjurs_desktop.ui.app import ICON

        return not QIcon(str(ICON)).pixmap(64, 64).isNull()

    def danish() -> bool:
        return QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuller"

    def danish_sorting() -> bool:
        # ICU's Danish collation (the bundle keeps only da/en locale data): Aa is Å.
        from PySide6.QtCore import QCollator, QLocale

        collator = QCollator(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
        words = ["Aarhus", "Zealand", "Ærø", "Åbo", "Øster"]
        return sorted(words, key=collator.sortKey) == ["Zealand", "Ærø", "Øster", "Åbo", "Aarhus"]

    def pdf_preview() -> bool:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView  # noqa: F401 - the preview's widget

        from norddjurs_desktop.domain.decks import load_deck
        from norddjurs_desktop.paths import DECKS
        from norddjurs_desktop.reports.board_pdf import write_board

        target = Path(tempfile.mkdtemp(prefix="selftest-")) / "board.pdf"
        write_board(load_deck(DECKS / "palette.toml"), target)
        document = QPdfDocument()
        document.load(str(target))
        ok = document.pageCount() > 0 and not document.render(0, document.pagePointSize(0)
                                                              .toSize()).isNull()
        document.close()
        return ok

    def charts() -> bool:
        from norddjurs_desktop.reports.mpl_loading import load_matplotlib

        load_matplotlib()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        canvas = FigureCanvasQTAgg(Figure(figsize=(2, 1)))
        canvas.figure.subplots().plot([1, 2, 3])
        canvas.draw()
        return canvas.get_width_height()[0] > 0

    return [
        ("ikonet (SVG)", icon),
        ("danske Qt-oversættelser", danish),
        ("dansk sortering (ICU)", danish_sorting),
        ("PDF-visning (QtPdf)", pdf_preview),
        ("diagrammer (matplotlib i Qt)", charts),
    ]


class _SelfTest:
    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.problems: list[str] = []
        self.started = time.monotonic()
        self.window: object | None = None
        self.stage = "window"
        self.timer = QTimer()
        self.timer.timeout.connect(self.poll)
        self.timer.start(100)

    def fail(self, problem: str) -> None:
        self.problems.append(problem)
        self.finish()

    def finish(self) -> None:
        self.timer.stop()
        for widget in self.app.topLevelWidgets():
            if isinstance(widget, QMessageBox):
                widget.done(0)
        self.app.exit(1 if self.problems else 0)

    def poll(self) -> None:
        from norddjurs_desktop.ui.shell.main_window import MainWindow

        boxes = [w for w in self.app.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        if boxes:
            self.fail(f"en besked dukkede op: {boxes[0].text()}")
            return
        if time.monotonic() - self.started > TIMEOUT_S:
            self.fail(f"vinduet var ikke klar efter {TIMEOUT_S} s (trin: {self.stage})")
            return
        window = next((w for w in self.app.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if window is None:
            return
        if self.stage == "window" and getattr(window, "_ready", False) and window.home:
            self.stage = "meeting"
            window.screeningOpened.connect(self.meeting_opened)
            window.home.open_demo()

    def meeting_opened(self, *_args: object) -> None:
        self.stage = "checks"
        for what, check in _checks():
            try:
                if not check():
                    self.problems.append(f"{what} virker ikke")
            except Exception as error:  # a missing module or library: name it, go on
                self.problems.append(f"{what}: {type(error).__name__}: {error}")
        self.finish()


def run_self_test(argv: list[str]) -> int:
    """Run the app with the checks; ``--db`` defaults to a new file in a temporary folder."""
    from norddjurs_desktop.ui.app import run

    if "--db" not in argv:
        argv = [*argv, "--db", str(Path(tempfile.mkdtemp(prefix="selftest-")) / "test.sqlite")]
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    test = _SelfTest(app)
    code = run(argv)
    for problem in test.problems:
        print(f"Selvtest: {problem}", file=sys.stderr)
    if code == 0 and not test.problems:
        print("Selvtest: vinduet, databasen, ikonet, oversættelserne, PDF-visningen og "
              "diagrammerne virker.")
    return code or (1 if test.problems else 0)
