"""The main window: menus, the page stack and start-up of the database. Wiring only."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from norddjurs_desktop import APP_NAME
from norddjurs_desktop.storage.location import ServerLocation
from norddjurs_desktop.ui.shell.action_registry import create_actions, enable_for
from norddjurs_desktop.ui.shell.window_state import restore_window, save_window
from norddjurs_desktop.ui.widgets.plain_text import plain_message

if TYPE_CHECKING:
    from norddjurs_desktop.services.bootstrap import Database, WriteLock
    from norddjurs_desktop.ui.home.home_page import HomePage
    from norddjurs_desktop.ui.screening.screening_page import ScreeningPage


def new_window_command(db_file: str) -> tuple[str, list[str]]:
    """How to start the app again on another file: the bundle's own program, or the module.

    Not a main.py found from ``__file__``: an installed wheel or a bundle has none.
    """
    if getattr(sys, "frozen", False):
        return sys.executable, ["--db", db_file]
    return sys.executable, ["-m", "norddjurs_desktop.ui.app", "--db", db_file]


class MainWindow(QMainWindow):
    databaseOpened = Signal()
    screeningOpened = Signal(int)

    def __init__(self, db_path: Path | ServerLocation) -> None:
        super().__init__()
        # A shared database on a server: ``server`` is its address, and ``db_path`` only
        # names it (the About box); the file-only commands (backups) check ``server``.
        self.server = db_path if isinstance(db_path, ServerLocation) else None
        self.db_path = Path(db_path.name) if isinstance(db_path, ServerLocation) else db_path
        self.db: Database | None = None
        self.write_lock: WriteLock | None = None  # set by ui.app; held while the window lives
        self.home: HomePage | None = None
        self.screening_page: ScreeningPage | None = None
        self.unit_overview: QWidget | None = None  # "Oversigt over enheder", a window of its own
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
        file_menu.addActions(
            [a.new_screening, a.open_file, a.open_server, a.open_demo, a.go_home]
        )
        file_menu.addSeparator()
        file_menu.addAction(a.export_plan)
        file_menu.addActions([a.print_plan, a.print_cards, a.print_board])
        file_menu.addSeparator()
        file_menu.addAction(a.backups)
        a.backups.triggered.connect(self.show_backups)
        file_menu.addSeparator()
        file_menu.addActions([a.share_unit, a.import_share])  # share files (issue 13)
        a.share_unit.triggered.connect(self.share_unit)
        a.import_share.triggered.connect(self.import_share)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        edit_menu = self.menuBar().addMenu("&Rediger")
        edit_menu.addActions([a.undo, a.redo])
        deck_menu = self.menuBar().addMenu("&Kortsæt")
        deck_menu.addAction(a.edit_decks)
        tools_menu = self.menuBar().addMenu("&Værktøjer")  # the contact model (issue 10)
        tools_menu.addActions([a.contact_plan, a.contact_poster, a.contact_model])
        tools_menu.addSeparator()
        tools_menu.addAction(a.unit_overview)  # HR across units (issue 13)
        help_menu = self.menuBar().addMenu("&Hjælp")
        help_menu.addActions([a.help_guide, a.help_keys])
        help_menu.addSeparator()
        help_menu.addAction(a.about)
        a.new_screening.triggered.connect(self.new_screening)
        a.open_demo.triggered.connect(self.open_demo)
        a.open_file.triggered.connect(self.open_other_file)
        a.open_server.triggered.connect(self.open_shared_database)
        a.go_home.triggered.connect(self.go_home)
        a.export_plan.triggered.connect(self.export_plan)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(self._about)
        a.help_guide.triggered.connect(self.show_guide)
        a.help_keys.triggered.connect(self.show_keys)
        a.print_plan.triggered.connect(self.print_plan)
        a.print_cards.triggered.connect(self.print_cards)
        a.print_board.triggered.connect(self.print_board)
        a.edit_decks.triggered.connect(self.edit_decks)
        a.contact_plan.triggered.connect(self.open_contact_plan)
        a.contact_poster.triggered.connect(self.print_contact_poster)
        a.contact_model.triggered.connect(self.edit_contact_model)
        a.unit_overview.triggered.connect(self.show_unit_overview)
        self._update_enabled()
        self.databaseOpened.connect(self._update_enabled)

    def _update_enabled(self) -> None:
        enable_for(
            self.app_actions,
            database=self._ready,
            screening=self.screening_page is not None,
            writable=not self.read_only_file(),
        )

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
            if self.server is not None:
                from norddjurs_desktop.ui.shell.server_dialog import open_with_password

                where = self.server
                self.db = open_with_password(self, where, lambda pw: open_file(where, pw))
                if self.db is None:  # no password given: nothing to show
                    self.close()
                    return
            else:
                self.db = open_file(self.db_path)
        except (StorageError, ServiceError, ValueError) as error:
            from norddjurs_desktop.ui.shell.backups_dialog import explain_open_failure

            if explain_open_failure(self, error):  # a damaged file: the newest backup restored
                self.open_database()
            else:
                self.close()
            return
        from norddjurs_desktop.ui.home.home_page import HomePage

        self.home = HomePage(self.db)
        self.home.openScreening.connect(self.show_screening)
        self.home.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.stack.addWidget(self.home)
        self.stack.setCurrentWidget(self.home)
        self.home.take_focus()
        if self.db.read_only:
            from norddjurs_desktop.ui.shell.backups_dialog import show_read_only

            show_read_only(self)
        if self.db.backup is not None:
            self.statusBar().showMessage(
                "Databasen er opdateret. En sikkerhedskopi ligger i "
                f"{self.db.backup.parent.name}/{self.db.backup.name}.", 15000
            )
        self.stack.repaint()  # the overview on screen before the rest loads
        QTimer.singleShot(0, self._finish_opening)

    def _finish_opening(self) -> None:
        """Load the rest of the database layer and bring in the shipped decks, off the GUI
        thread, so the filled home view answers at once."""
        from norddjurs_desktop.services.bootstrap import bring_in_shipped_decks
        from norddjurs_desktop.ui.common.tasks import run_in_background

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
        QMessageBox.warning(
            self, APP_NAME, plain_message(f"Kortsættene kunne ikke indlæses.\n\n{error}")
        )
        self._opened()

    # -- navigation -------------------------------------------------------------
    def show_screening(self, screening_id: int) -> None:
        if not self._ready:
            self._pending_screening = screening_id
            return
        from norddjurs_desktop.ui.screening.screening_page import ScreeningPage

        assert self.db is not None
        self._close_screening_page()
        page = ScreeningPage(self.db, screening_id, self.undo_stack)
        page.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.screening_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.nav.setFocus()  # keyboard users: arrows move between the steps, Ctrl+1-6 jump
        self._update_enabled()
        self.setWindowTitle(f"{APP_NAME} – {page.title()}")
        self.screeningOpened.emit(screening_id)

    def _close_screening_page(self) -> None:
        if self.screening_page is not None:
            self.screening_page.close_page()
            self.stack.removeWidget(self.screening_page)
            self.screening_page.deleteLater()
            self.screening_page = None
        self.undo_stack.clear()
        self._update_enabled()

    def go_home(self) -> None:
        if self.home is None:
            return
        self._close_screening_page()
        self.stack.setCurrentWidget(self.home)
        self.home.take_focus()
        self.setWindowTitle(APP_NAME)

    def new_screening(self) -> None:
        if self.home is not None:
            self.go_home()
            self.home.start_new_screening()

    def open_other_file(self) -> None:
        """Open another database file in a window of its own (each file has one writer)."""
        from PySide6.QtWidgets import QFileDialog

        folder = self.db_path.parent if self.server is None else Path.home()
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Åbn databasefil",
            str(folder),
            "Fremmødepaletten-database (*.sqlite *.db);;Alle filer (*)",
        )
        if name:
            self._start_window(name, Path(name).name)

    def open_shared_database(self) -> None:
        """The shared database on a server, in a window of its own (asks for the password)."""
        from norddjurs_desktop.ui.shell.server_dialog import ask_for_server

        where = ask_for_server(self)
        if where is not None:
            self._start_window(where.url, where.name)  # the address holds no password

    def _start_window(self, location: str, name: str) -> None:
        from PySide6.QtCore import QProcess

        program, arguments = new_window_command(location)
        started = QProcess.startDetached(program, arguments)
        if not (started[0] if isinstance(started, tuple) else started):
            QMessageBox.warning(self, APP_NAME, f"Et nyt vindue til {name} kunne ikke startes.")

    def open_demo(self) -> None:
        if self.home is not None:
            self.home.open_demo()

    def export_plan(self) -> None:
        if self.screening_page is not None:
            from norddjurs_desktop.ui.plan.plan_export import export_plan_with_dialog

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
            from norddjurs_desktop.ui.decks.meeting_edit import edit_decks

            # "Gem" reaches the open meeting in place, as one step it can undo.
            meeting = self.undo_stack if self.screening_page is not None else None
            edit_decks(self, self.db, meeting)

    def open_contact_plan(self) -> None:
        if self.db is not None:
            from norddjurs_desktop.ui.tools.contact_plan_dialog import open_contact_plan

            open_contact_plan(self, self.db)

    def print_contact_poster(self) -> None:
        if self.db is not None:
            from norddjurs_desktop.ui.tools.poster_flow import print_poster

            print_poster(self, self.db)

    def edit_contact_model(self) -> None:
        if self.db is not None:
            from norddjurs_desktop.ui.tools.contact_model_settings import ContactModelDialog

            if ContactModelDialog(self.db, self).exec():
                self.statusBar().showMessage("Kontaktmodellen er gemt.", 8000)

    def show_unit_overview(self) -> QWidget | None:
        """Every unit in one table, in a window beside this one (one per main window)."""
        if self.db is None:
            return None
        if self.unit_overview is None:
            from norddjurs_desktop.ui.unit_overview.window import UnitOverviewWindow

            window = UnitOverviewWindow(self.db, self)
            window.openUnit.connect(self.show_unit)
            self.unit_overview = window
        self.unit_overview.show()
        self.unit_overview.raise_()
        self.unit_overview.activateWindow()
        return self.unit_overview

    def show_unit(self, unit_id: int) -> None:
        """The home with the unit chosen and its screenings in view (from the overview)."""
        if self.home is None:
            return
        self.go_home()
        self.home._select_unit(unit_id)
        self.raise_()
        self.activateWindow()

    def _close_unit_overview(self) -> None:
        if self.unit_overview is not None:
            self.unit_overview.close()
            self.unit_overview.deleteLater()
            self.unit_overview = None

    def show_guide(self) -> None:
        """F1: the guide, at the open step when a screening is open."""
        from norddjurs_desktop.ui.shell.help_guide import help_dialog

        page = self.screening_page
        step = (
            page.steps.currentIndex()
            if page is not None and self.stack.currentWidget() is page
            else None
        )
        help_dialog(self).show_guide(step)

    def show_keys(self) -> None:
        from norddjurs_desktop.ui.shell.help_guide import help_dialog

        help_dialog(self).show_keys()

    def _about(self) -> None:
        from norddjurs_desktop.ui.shell.about_dialog import AboutDialog

        AboutDialog(self.db_path, parent=self).exec()

    # -- share files (each flow lives in ui/shell/share_flow.py) ------------------------
    def share_unit(self) -> None:
        if self.db is not None:
            from norddjurs_desktop.ui.shell.share_flow import share_unit

            share_unit(self, self.db, self.home.unit_panel.unit_id if self.home else None)

    def import_share(self) -> None:
        if self.db is not None:
            from norddjurs_desktop.ui.shell.share_flow import import_share

            import_share(self, self.db)

    # -- backups --------------------------------------------------------------------
    def read_only_file(self) -> bool:
        return self.db is not None and self.db.read_only

    def show_backups(self) -> None:
        from norddjurs_desktop.ui.shell.backups_dialog import BackupsDialog

        if self.screening_page is not None:
            self.screening_page.flush()
        if self.db is not None and self.db.is_server:
            from norddjurs_desktop.services.backups import SERVER_BACKUP_MESSAGE

            QMessageBox.information(self, APP_NAME, SERVER_BACKUP_MESSAGE)
            return
        BackupsDialog(self).exec()

    def reopen_database(self, change: Callable[[], object] | None = None) -> None:
        """Close the file, let ``change`` act on it (a restore), and open it again."""
        self._close_screening_page()
        self._close_unit_overview()
        if self.home is not None:
            self.stack.removeWidget(self.home)
            self.home.deleteLater()
            self.home = None
        self._ready = False
        self.close_database()
        try:
            if change is not None:
                change()
        finally:
            self.open_database()

    # -- shutting down ------------------------------------------------------------
    def close_database(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.screening_page is not None:
            self.screening_page.flush()
        self._close_unit_overview()
        save_window(self)
        super().closeEvent(event)
