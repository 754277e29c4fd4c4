"""The main window: menus, the page stack and start-up of the database. Wiring only."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget

from norddjurs_desktop import APP_NAME
from norddjurs_desktop.ui.actions import create_actions
from norddjurs_desktop.ui.window_state import restore_window, save_window

if TYPE_CHECKING:
    from norddjurs_desktop.services.bootstrap import Database
    from norddjurs_desktop.ui.home_page import HomePage
    from norddjurs_desktop.ui.screening_page import ScreeningPage


class MainWindow(QMainWindow):
    databaseOpened = Signal()
    screeningOpened = Signal(int)

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.db: Database | None = None
        self.home: HomePage | None = None
        self.screening_page: ScreeningPage | None = None
        self._ready = False  # True once the shipped decks are in (see _finish_opening)
        self._pending_screening: int | None = None
        self.setWindowTitle(APP_NAME)
        self.undo_stack = QUndoStack(self)
        self.app_actions = create_actions(self, self.undo_stack)
        self._build_menus()
        self.stack = QStackedWidget()
        loading = QLabel("Åbner databasen …")
        loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(loading)
        self.setCentralWidget(self.stack)
        self.statusBar()
        restore_window(self)

    def _build_menus(self) -> None:
        a = self.app_actions
        file_menu = self.menuBar().addMenu("&Filer")
        file_menu.addActions([a.new_screening, a.open_file, a.open_demo, a.go_home])
        file_menu.addSeparator()
        file_menu.addAction(a.export_plan)
        file_menu.addActions([a.print_plan, a.print_cards, a.print_board])
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        edit_menu = self.menuBar().addMenu("&Rediger")
        edit_menu.addActions([a.undo, a.redo])
        deck_menu = self.menuBar().addMenu("&Kortsæt")
        deck_menu.addAction(a.edit_decks)
        help_menu = self.menuBar().addMenu("&Hjælp")
        help_menu.addAction(a.about)
        a.new_screening.triggered.connect(self.new_screening)
        a.open_demo.triggered.connect(self.open_demo)
        a.open_file.triggered.connect(self.open_other_file)
        a.go_home.triggered.connect(self.go_home)
        a.export_plan.triggered.connect(self.export_plan)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(self._about)
        a.export_plan.setEnabled(False)
        a.print_plan.triggered.connect(self.print_plan)
        a.print_cards.triggered.connect(self.print_cards)
        a.print_board.triggered.connect(self.print_board)
        a.edit_decks.triggered.connect(self.edit_decks)
        a.print_plan.setEnabled(False)
        for needs_db in (a.print_cards, a.print_board, a.edit_decks):
            needs_db.setEnabled(False)
            self.databaseOpened.connect(lambda action=needs_db: action.setEnabled(True))

    # -- start-up ---------------------------------------------------------------
    def open_database(self) -> None:
        """Open the file after the window is shown and fill the home view at once.

        The overview is read with the standard library; the rest of the database
        layer (SQLAlchemy, the shipped decks) loads right after the filled home
        view has been painted, in :meth:`_finish_opening`.
        """
        from norddjurs_desktop.services.bootstrap import open_file
        from norddjurs_desktop.services.errors import ServiceError, StorageError

        try:
            self.db = open_file(self.db_path)
        except (StorageError, ServiceError, ValueError) as error:
            QMessageBox.critical(self, APP_NAME, f"Databasen kan ikke åbnes.\n\n{error}")
            self.close()
            return
        from norddjurs_desktop.ui.home_page import HomePage

        self.home = HomePage(self.db)
        self.home.openScreening.connect(self.show_screening)
        self.home.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.stack.addWidget(self.home)
        self.stack.setCurrentWidget(self.home)
        self.home.take_focus()
        if self.db.backup is not None:
            self.statusBar().showMessage(
                f"Databasen er opdateret. En sikkerhedskopi ligger i {self.db.backup.name}.", 15000
            )
        self.stack.repaint()  # the overview on screen before the rest loads
        QTimer.singleShot(0, self._finish_opening)

    def _finish_opening(self) -> None:
        """Load the rest of the database layer and bring in the shipped decks, off the GUI
        thread, so the filled home view answers at once."""
        from norddjurs_desktop.services.bootstrap import bring_in_shipped_decks
        from norddjurs_desktop.ui.tasks import run_in_background

        db = self.db
        if db is None:
            return
        self._opening = run_in_background(
            lambda: bring_in_shipped_decks(db), self._opened, self._decks_failed
        )

    def _opened(self, _result: object = None) -> None:
        self._ready = True
        self.databaseOpened.emit()
        if self._pending_screening is not None:  # asked for while the decks came in
            screening_id, self._pending_screening = self._pending_screening, None
            self.show_screening(screening_id)

    def _decks_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, APP_NAME, f"Kortsættene kunne ikke indlæses.\n\n{error}")
        self._opened()

    # -- navigation -------------------------------------------------------------
    def show_screening(self, screening_id: int) -> None:
        if not self._ready:
            self._pending_screening = screening_id
            return
        from norddjurs_desktop.ui.screening_page import ScreeningPage

        assert self.db is not None
        self._close_screening_page()
        page = ScreeningPage(self.db, screening_id, self.undo_stack)
        page.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.screening_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.nav.setFocus()  # keyboard users: arrows move between the steps, Ctrl+1-6 jump
        self.app_actions.export_plan.setEnabled(True)
        self.app_actions.print_plan.setEnabled(True)
        self.setWindowTitle(f"{APP_NAME} – {page.title()}")
        self.screeningOpened.emit(screening_id)

    def _close_screening_page(self) -> None:
        if self.screening_page is not None:
            self.screening_page.flush()
            self.stack.removeWidget(self.screening_page)
            self.screening_page.deleteLater()
            self.screening_page = None
        self.undo_stack.clear()
        self.app_actions.export_plan.setEnabled(False)
        self.app_actions.print_plan.setEnabled(False)

    def go_home(self) -> None:
        if self.home is None:
            return
        self._close_screening_page()
        self.home.refresh()
        self.stack.setCurrentWidget(self.home)
        self.home.take_focus()
        self.setWindowTitle(APP_NAME)

    def new_screening(self) -> None:
        if self.home is not None:
            self.go_home()
            self.home.start_new_screening()

    def open_other_file(self) -> None:
        """Open another database file in a window of its own (each file has one writer)."""
        from PySide6.QtCore import QProcess
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self,
            "Åbn databasefil",
            str(self.db_path.parent),
            "Fremmødepaletten-database (*.sqlite *.db);;Alle filer (*)",
        )
        if name:
            main = Path(__file__).resolve().parents[2] / "main.py"
            QProcess.startDetached(sys.executable, [str(main), "--db", name])

    def open_demo(self) -> None:
        if self.home is not None:
            self.home.open_demo()

    def export_plan(self) -> None:
        if self.screening_page is not None:
            from norddjurs_desktop.ui.export import export_plan_with_dialog

            self.screening_page.flush()
            export_plan_with_dialog(self, self.screening_page.store)

    # -- printing and decks (each lives in its own module; loaded when first used) ---------
    def print_plan(self) -> None:
        if self.screening_page is not None:
            from norddjurs_desktop.ui.printing.print_flows import print_plan

            self.screening_page.flush()
            print_plan(self, self.screening_page.store)

    def print_cards(self) -> None:
        if self.db is not None:
            from norddjurs_desktop.ui.printing.print_flows import print_cards

            print_cards(self, self.db)

    def print_board(self) -> None:
        if self.db is not None:
            from norddjurs_desktop.ui.printing.print_flows import print_board

            print_board(self, self.db)

    def edit_decks(self) -> None:
        if self.db is not None:
            from norddjurs_desktop.ui.deck_editor.editor_dialog import DeckEditorDialog

            DeckEditorDialog(self.db, parent=self).exec()
            if self.screening_page is not None:  # show the edited cards in the open meeting
                step = self.screening_page.steps.currentIndex()
                self.show_screening(self.screening_page.store.screening_id)
                if self.screening_page is not None:
                    self.screening_page.go_to_step(step)

    def _about(self) -> None:
        from norddjurs_desktop.ui.about_dialog import AboutDialog

        AboutDialog(self.db_path, parent=self).exec()

    # -- shutting down ------------------------------------------------------------
    def close_database(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.screening_page is not None:
            self.screening_page.flush()
        save_window(self)
        super().closeEvent(event)
