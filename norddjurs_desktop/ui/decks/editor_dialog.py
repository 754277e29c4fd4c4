"""The card editor for HR: decks on the left, the chosen deck's themes, then its cards.

Edits are written as HR makes them, so the lists always show what is stored,
but they count only when HR closes with "Gem": "Annuller" (or the window's
close button; Escape only while nothing has changed) puts every deck back as it
was when the editor opened, in place (``editing.restore_deck``), and removes
decks made in the meantime. What "Gem"
changed is handed to the caller as before/after snapshots, so an open meeting
can take it back with Ctrl+Z (``ui.decks.meeting_edit``). Deleting a whole
deck is the one step that happens at once; its question says so. The rules and
messages live in ``services.decks.editing`` (cards and themes), ``deck_admin``
(whole decks) and ``deck_files`` (TOML files, reset).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop.domain.decks import Deck
from norddjurs_desktop.paths import DECKS
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.decks import admin as deck_admin
from norddjurs_desktop.services.decks import editing
from norddjurs_desktop.services.decks import files as deck_files
from norddjurs_desktop.services.decks.library import DeckInfo, get_deck, list_decks
from norddjurs_desktop.services.errors import UserFacingError
from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.screen_fit import fit_to_screen
from norddjurs_desktop.ui.common.theme import current_colours, set_primary
from norddjurs_desktop.ui.decks.card_panel import CardPanel
from norddjurs_desktop.ui.decks.theme_panel import ThemePanel, symbol_icon
from norddjurs_desktop.ui.shell.settings import DECK_FOLDER
from norddjurs_desktop.ui.widgets.plain_text import plain_message


class DeckEditorDialog(QDialog):
    def __init__(self, db: Database, decks_folder: Path = DECKS, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deckEditor")
        self.setWindowTitle("Rediger kortsæt")
        self.db, self.decks_folder = db, decks_folder
        self.infos: dict[str, DeckInfo] = {}
        self.deck: Deck | None = None
        self.before = editing.snapshot_decks(db)  # what "Annuller" goes back to
        self.edits: list[tuple[editing.DeckSnapshot, editing.DeckSnapshot]] = []

        self.deck_list = named(QListWidget(), "editorDeckList")
        self.deck_list.currentRowChanged.connect(lambda _row: self._load_deck())
        self.deck_buttons: dict[str, QPushButton] = {}
        deck_box = QVBoxLayout()
        deck_box.addWidget(QLabel("<b>Kortsæt</b>"))
        deck_box.addWidget(self.deck_list, 1)
        for name, label, slot in (
            ("new", "Nyt kortsæt …", self.new_deck),
            ("import", "Importér …", self.import_deck),
            ("export", "Eksportér …", self.export_deck),
            ("reset", "Nulstil til de medfølgende tekster …", self.reset_deck),
            ("delete", "Slet kortsæt …", self.delete_deck),
        ):
            button = named(QPushButton(label), f"editorDeck_{name}")
            button.clicked.connect(slot)
            self.deck_buttons[name] = button
            deck_box.addWidget(button)

        self.theme_list = named(QListWidget(), "editorThemeList")
        self.theme_list.currentRowChanged.connect(lambda _row: self._load_theme())
        self.theme_panel = ThemePanel(db)
        self.theme_panel.changed.connect(lambda: self.reload())
        self.new_theme_button = named(QPushButton("Nyt tema …"), "editorNewTheme")
        self.new_theme_button.clicked.connect(self.new_theme)
        self.delete_theme_button = named(QPushButton("Slet tema …"), "editorDeleteTheme")
        self.delete_theme_button.clicked.connect(self.delete_theme)
        theme_buttons = QHBoxLayout()
        theme_buttons.addWidget(self.new_theme_button)
        theme_buttons.addWidget(self.delete_theme_button)
        theme_box = QVBoxLayout()
        theme_box.addWidget(QLabel("<b>Temaer</b>"))
        theme_box.addWidget(self.theme_list, 1)
        theme_box.addLayout(theme_buttons)
        theme_box.addWidget(self.theme_panel)

        self.card_panel = CardPanel(db)
        self.card_panel.changed.connect(lambda: self.reload())
        for panel in (self.theme_panel, self.card_panel):
            panel.failed.connect(self._warn)
        self.status = named(QLabel(), "editorStatus")
        self.status.setWordWrap(True)
        cancel = named(QPushButton("Annuller"), "editorCancel")
        cancel.setToolTip("Luk uden at gemme: kortsættene bliver, som de var (Esc)")
        cancel.clicked.connect(self.discard)
        save = named(QPushButton("Gem"), "editorSave")
        save.setToolTip("Gem ændringerne; et åbent møde viser dem straks og kan fortryde dem")
        set_primary(save)  # the look of the way out, but Enter in a field never closes
        save.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(cancel)
        bottom.addWidget(save)
        grid = QGridLayout()
        grid.addLayout(deck_box, 0, 0)
        grid.addLayout(theme_box, 0, 1)
        grid.addWidget(self.card_panel, 0, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, 1200, 720)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.reload()

    # -- loading ------------------------------------------------------------------
    def reload(self, deck_key: str | None = None) -> None:
        """Read the decks again, keeping (or moving to) the chosen deck, theme and card."""
        deck_key = deck_key or self.current_deck_key()
        theme_key = self.current_theme_key()
        card_key = self.card_panel.take_selection() or self.card_panel.current_id()
        self.infos = {info.key: info for info in list_decks(self.db)}
        self.deck_list.blockSignals(True)
        self.deck_list.clear()
        for info in self.infos.values():
            origin = "medfølger" if info.shipped else "eget"
            item = QListWidgetItem(f"{info.title}\n{origin} · {info.card_count} kort")
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            self.deck_list.addItem(item)
        keys = list(self.infos)
        self.deck_list.setCurrentRow(keys.index(deck_key) if deck_key in keys else 0)
        self.deck_list.blockSignals(False)
        self._load_deck(theme_key, card_key)

    def current_deck_key(self) -> str | None:
        item = self.deck_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def current_theme_key(self) -> str | None:
        item = self.theme_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _shipped(self) -> bool:
        info = self.infos.get(self.current_deck_key() or "")
        return bool(info and info.shipped)

    def _load_deck(self, theme_key: str | None = None, card_key: str | None = None) -> None:
        self.theme_panel.flush()
        self.card_panel.flush()
        key = self.current_deck_key()
        self.deck = get_deck(self.db, key, include_hidden=True) if key else None
        self.theme_list.blockSignals(True)
        self.theme_list.clear()
        for theme in self.deck.themes if self.deck else []:
            item = QListWidgetItem(symbol_icon(theme.symbol, theme.colour), theme.title)
            item.setData(Qt.ItemDataRole.UserRole, theme.key)
            self.theme_list.addItem(item)
        keys = [t.key for t in self.deck.themes] if self.deck else []
        self.theme_list.setCurrentRow(keys.index(theme_key) if theme_key in keys else 0)
        self.theme_list.blockSignals(False)
        shipped = self._shipped()
        self.deck_buttons["reset"].setEnabled(shipped)
        self.deck_buttons["delete"].setEnabled(self.deck is not None and not shipped)
        self.deck_buttons["export"].setEnabled(self.deck is not None)
        self.new_theme_button.setEnabled(self.deck is not None and not shipped)
        self.delete_theme_button.setEnabled(bool(keys) and not shipped)
        self._load_theme(card_key)

    def _load_theme(self, card_key: str | None = None) -> None:
        theme_key = self.current_theme_key()
        theme = None
        if self.deck is not None and theme_key is not None:
            theme = self.deck.theme(theme_key)
        self.theme_panel.set_theme(self.deck, theme)
        self.card_panel.set_theme(self.deck, theme, self._shipped(), card_key)

    # -- messages -------------------------------------------------------------------
    def _warn(self, message: str) -> None:
        self.status.setText(
            f"<span style='color:{current_colours().danger}'>{escape(message)}</span>"
        )
        QMessageBox.warning(self, "Ikke gemt", plain_message(message))

    def _done(self, message: str) -> None:
        self.status.setText(plain_message(message))  # may quote an imported title

    def _confirm(self, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        ok = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Fortryd", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is ok

    # -- decks ------------------------------------------------------------------------
    def new_deck(self) -> None:
        title, ok = QInputDialog.getText(self, "Nyt kortsæt", "Kortsættets titel:")
        if not ok or not title.strip():
            return
        # The key is made from the title: an internal name HR never has to see or choose.
        key = deck_admin.suggest_deck_key(self.db, title)
        try:
            deck_admin.create_deck(self.db, key.strip(), title)
            editing.add_theme(self.db, key.strip(), "Første tema", "#0072b2")
        except UserFacingError as error:
            self._warn(str(error))
            return
        self.reload(key.strip())
        self._done(f"Kortsættet „{title.strip()}“ er oprettet med et første tema.")

    def export_deck(self) -> None:
        key = self.current_deck_key()
        if key is None:
            return
        folder = DECK_FOLDER.get()
        proposed = str(Path(folder) / f"{key}.toml") if folder else f"{key}.toml"
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Eksportér kortsæt", proposed, "Kortsæt (*.toml)"
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".toml":
            path = path.with_name(path.name + ".toml")
        try:
            path.write_text(deck_files.export_deck_toml(self.db, key), encoding="utf-8")
        except OSError as error:
            self._warn(f"Kan ikke gemme {path.name}: {error.strerror or error}.")
            return
        DECK_FOLDER.set(str(path.parent))
        self._done(f"Kortsættet er gemt i {path}.")

    def import_deck(self) -> None:
        folder = DECK_FOLDER.get()
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Importér kortsæt", folder, "Kortsæt (*.toml);;Alle filer (*)"
        )
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> str | None:
        try:
            text = path.read_text(encoding="utf-8")
            key = deck_files.import_deck_toml(self.db, text)
        except (OSError, UnicodeDecodeError) as error:
            self._warn(f"Kan ikke læse {path.name}: {error}")
            return None
        except UserFacingError as error:
            self._warn(f"{path.name} kan ikke importeres. {error}")
            return None
        DECK_FOLDER.set(str(path.parent))
        self.reload(key)
        title = self.infos[key].title
        self._done(f"„{title}“ er importeret.")
        return key

    def reset_deck(self) -> None:
        key = self.current_deck_key()
        if key is None or not self._shipped():
            return
        if not self._confirm(
            "Nulstil kortsæt",
            f"Alle ændringer i '{self.infos[key].title}' bliver fjernet: tekster, rækkefølge, "
            "farver og skjulte kort bliver som de medfølgende. Kort I selv har tilføjet, "
            "slettes (kort med noter fra en screening skjules i stedet).\n\n"
            "Noterne fra jeres screeninger bliver ikke rørt.",
            "Nulstil",
        ):
            return
        try:
            deck_files.reset_deck_to_shipped(self.db, key, self.decks_folder)
        except UserFacingError as error:
            self._warn(str(error))
            return
        self.reload(key)
        self._done("Kortsættet har igen de medfølgende tekster.")

    def delete_deck(self) -> None:
        key = self.current_deck_key()
        if key is None or self._shipped():
            return
        if not self._confirm(
            "Slet kortsæt",
            f"Slet '{self.infos[key].title}' med alle dets kort og noterne om dem?\n\n"
            "Det sker med det samme og kan ikke fortrydes med Annuller. "
            "Eksportér det først, hvis I vil kunne hente det igen.",
            "Slet",
        ):
            return
        try:
            deck_admin.delete_user_deck(self.db, key)
        except UserFacingError as error:
            self._warn(str(error))
            return
        self.reload()
        self._done("Kortsættet er slettet.")

    # -- themes of own decks ----------------------------------------------------------------
    def new_theme(self) -> None:
        key = self.current_deck_key()
        if key is None:
            return
        title, ok = QInputDialog.getText(self, "Nyt tema", "Temaets navn:")
        if not ok or not title.strip():
            return
        try:
            theme_key = editing.add_theme(self.db, key, title)
        except UserFacingError as error:
            self._warn(str(error))
            return
        self.reload(key)
        row = [t.key for t in self.deck.themes].index(theme_key) if self.deck else 0
        self.theme_list.setCurrentRow(row)

    def delete_theme(self) -> None:
        key, theme_key = self.current_deck_key(), self.current_theme_key()
        if key is None or theme_key is None or self.deck is None:
            return
        theme = self.deck.theme(theme_key)
        if not self._confirm(
            "Slet tema", f"Slet temaet '{theme.title}' og dets {len(theme.cards)} kort?", "Slet"
        ):
            return
        try:
            editing.delete_theme(self.db, key, theme_key)
        except UserFacingError as error:
            self._warn(str(error))
            return
        self.reload(key)

    # -- closing: Gem keeps, Annuller goes back ---------------------------------------------
    def _flush(self) -> None:
        self.theme_panel.flush()
        self.card_panel.flush()

    def pending_edits(self) -> list[tuple[editing.DeckSnapshot, editing.DeckSnapshot]]:
        """(before, after) of every deck that existed at the start and has changed since."""
        self._flush()
        now = editing.snapshot_decks(self.db)
        return [
            (before, now[key])
            for key, before in self.before.items()
            if key in now and now[key] != before
        ]

    def _created(self) -> list[str]:
        return [info.key for info in list_decks(self.db) if info.key not in self.before]

    def accept(self) -> None:
        self.edits = self.pending_edits()
        super().accept()

    def reject(self) -> None:
        """The window's close button (or the app closing): as "Annuller"."""
        self.discard()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Escape closes only an unchanged editor: a slip of the finger never loses edits."""
        if event.key() == Qt.Key.Key_Escape and (self.pending_edits() or self._created()):
            self.status.setText("Der er ændringer: vælg Gem eller Annuller.")
            event.accept()
            return
        super().keyPressEvent(event)

    def discard(self) -> None:
        """Put every deck back as it was when the editor opened, then close."""
        try:
            with self.db.session():  # all decks back in one transaction
                for before, _after in self.pending_edits():
                    editing.restore_deck(self.db, before)
                for key in self._created():
                    deck_admin.delete_user_deck(self.db, key)
        except UserFacingError as error:
            self._warn(str(error))
            return
        self.edits = []
        super().reject()

    def done(self, result: int) -> None:
        self._flush()
        super().done(result)
