"""Every command and key of the app, declared once: text, shortcut, tip and when it is on.

The main window's menus are built from :data:`MENU`; the keys that belong to
one page (jumping between steps, scoring, moving between themes, the big
screen) are in :data:`PAGE_KEYS` and are attached by the pages through
:func:`add_page_shortcut`, so no key sequence is written twice and a help page
can list them all (as Picard's ``ui/mainwindow/actions.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from enum import Enum

from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QWidget

Std = QKeySequence.StandardKey
Key = str | QKeySequence.StandardKey


class Needs(Enum):
    """What must be open for a command to make sense."""

    NOTHING = "nothing"
    DATABASE = "database"
    WRITABLE = "writable"  # a database that may be changed (not a read-only file)
    SCREENING = "screening"


@dataclass(frozen=True)
class ActionSpec:
    text: str
    keys: tuple[Key, ...] = ()
    tip: str = ""
    needs: Needs = Needs.NOTHING


MENU: dict[str, ActionSpec] = {
    "new_screening": ActionSpec(
        "&Ny selvscreening …", (Std.New,), "Start en ny selvscreening", Needs.WRITABLE
    ),
    "open_demo": ActionSpec("Åbn &eksempel", (), "Åbn den fiktive eksempel-enhed", Needs.WRITABLE),
    "open_file": ActionSpec(
        "Åbn &databasefil …", (Std.Open,), "Åbn en anden databasefil i et nyt vindue"
    ),
    "open_server": ActionSpec(
        "Åbn &fælles database …",
        (),
        "Åbn en fælles database på en PostgreSQL-server i et nyt vindue",
    ),
    "export_plan": ActionSpec(
        "&Gem handlingsplan som PDF …",
        ("Ctrl+E",),
        "Gem den åbne screenings handlingsplan som PDF",
        Needs.SCREENING,
    ),
    "go_home": ActionSpec(
        "&Oversigt", ("Ctrl+Home",), "Tilbage til enheder og screeninger", Needs.DATABASE
    ),
    # Ctrl+Q too where the platform has no quit key of its own (Windows); never twice.
    "quit": ActionSpec("&Afslut", (Std.Quit, "Ctrl+Q")),
    "about": ActionSpec("&Om Fremmødepaletten"),
    "help_guide": ActionSpec(
        "&Sådan holder I mødet", (Std.HelpContents, "F1"), "Guiden til mødet, trin for trin"
    ),
    "help_keys": ActionSpec("&Tastatur", (), "Alle taster i programmet"),
    "print_plan": ActionSpec(
        "&Udskriv handlingsplan …",
        (Std.Print,),
        "Se handlingsplanen og udskriv den, eller gem den som PDF",
        Needs.SCREENING,
    ),
    "print_cards": ActionSpec(
        "&Kort til print …", (), "Dialogkort som A4-ark med forsider og bagsider", Needs.DATABASE
    ),
    "print_board": ActionSpec(
        "&Spilleplade …", (), "Paletten som spilleplade til bordet (A3 eller A4)", Needs.DATABASE
    ),
    "edit_decks": ActionSpec(
        "&Rediger kortsæt …",
        (),
        "Ret, flyt og skjul kort, lav og importér kortsæt",
        Needs.WRITABLE,
    ),
    "backups": ActionSpec(
        "Sikkerhedskopier …",
        (),
        "Se de automatiske sikkerhedskopier, og gendan en af dem",
        Needs.DATABASE,
    ),
    "share_unit": ActionSpec(
        "&Del enhed …",
        (),
        "Gem en enhed som delingsfil til HR: screeninger og samlede fraværstal, ingen navne",
        Needs.DATABASE,
    ),
    "import_share": ActionSpec(
        "&Hent delt fil …",
        (),
        "Hent en enheds delingsfil ind i denne database",
        Needs.WRITABLE,
    ),
    "contact_plan": ActionSpec(
        "&Kontaktplan …",
        (),
        "Datoer for kontakt og adviser ud fra første sygedag",
        Needs.DATABASE,
    ),
    "contact_poster": ActionSpec(
        "&Plakat: Kontaktmodellen …", (), "Kontaktmodellen som plakat i A3 eller A4", Needs.DATABASE
    ),
    "contact_model": ActionSpec(
        "Kontakt&model …",
        (),
        "Vælg 1-3-10, 1-5-14, 2-6-14 eller egne dage",
        Needs.WRITABLE,
    ),
    "unit_overview": ActionSpec(
        "Oversigt over &enheder …",
        (),
        "Alle enheders scorer, opfølgning, handlinger og fravær i én tabel",
        Needs.DATABASE,
    ),
}

PAGE_KEYS: dict[str, ActionSpec] = {
    **{f"step_{n}": ActionSpec(f"Gå til trin {n}", (f"Ctrl+{n}",)) for n in range(1, 7)},
    **{f"score_{n}": ActionSpec(f"Giv temaet score {n}", (f"Alt+{n}",)) for n in range(1, 6)},
    "step_previous": ActionSpec("Forrige trin", ("Alt+Left",)),
    "step_next": ActionSpec("Næste trin", ("Alt+Right",)),
    "theme_back": ActionSpec("Tilbage til paletten", ("Esc",)),
    "theme_next": ActionSpec("Næste tema", ("Ctrl+PgDown",)),
    "theme_previous": ActionSpec("Forrige tema", ("Ctrl+PgUp",)),
    "present": ActionSpec("Vis kortene på storskærm", ("F5",)),
    "presenter_close": ActionSpec("Luk storskærmen", ("Esc",)),
    "presenter_next": ActionSpec("Næste kort", ("Ctrl+Right",)),
    "presenter_previous": ActionSpec("Forrige kort", ("Ctrl+Left",)),
}


def key_table() -> list[tuple[str, str]]:
    """Every command that has a key, as (what it does, the keys): the "Tastatur" help page."""
    rows: list[tuple[str, str]] = []
    specs = [*MENU.values(), ActionSpec("Fortryd", (Std.Undo,))]
    specs += [ActionSpec("Gentag", ("Ctrl+Shift+Z", Std.Redo)), *PAGE_KEYS.values()]
    for spec in specs:
        keys = key_sequences(spec)
        if keys:
            text = spec.text.replace("&", "").rstrip(" …")
            native = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            rows.append((text, native))
    return rows


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The spec's keys with standard keys expanded for this platform; each sequence once.

    The same sequence twice on one action makes Qt call the shortcut ambiguous
    and ignore it (Ctrl+Q did nothing on Linux, where it is also the standard
    quit key).
    """
    found: list[QKeySequence] = []
    for key in spec.keys:
        expanded = (
            QKeySequence.keyBindings(key) if isinstance(key, Std) else [QKeySequence(key)]
        )
        for sequence in expanded:
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found


def shortcut_text(name: str) -> str:
    """The first key of a page command, as the platform writes it (for tooltips and labels)."""
    sequences = key_sequences(PAGE_KEYS[name])
    return sequences[0].toString(QKeySequence.SequenceFormat.NativeText) if sequences else ""


def add_page_shortcut(widget: QWidget, name: str, slot: Callable[[], object]) -> list[QShortcut]:
    """Attach a page command's keys to ``widget``: active while it is shown in the active window."""
    shortcuts = []
    for sequence in key_sequences(PAGE_KEYS[name]):
        shortcut = QShortcut(sequence, widget)
        shortcut.activated.connect(slot)
        shortcuts.append(shortcut)
    return shortcuts


@dataclass
class AppActions:
    new_screening: QAction
    open_demo: QAction
    open_file: QAction
    open_server: QAction
    export_plan: QAction
    go_home: QAction
    quit: QAction
    about: QAction
    help_guide: QAction
    help_keys: QAction
    print_plan: QAction
    print_cards: QAction
    print_board: QAction
    edit_decks: QAction
    backups: QAction
    share_unit: QAction
    import_share: QAction
    contact_plan: QAction
    contact_poster: QAction
    contact_model: QAction
    unit_overview: QAction
    undo: QAction
    redo: QAction

    def all(self) -> Iterable[tuple[str, QAction]]:
        return ((f.name, getattr(self, f.name)) for f in fields(self))


def _action(parent: QWidget, spec: ActionSpec) -> QAction:
    action = QAction(spec.text, parent)
    action.setShortcuts(key_sequences(spec))
    if spec.tip:
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
    return action


def create_actions(parent: QWidget, undo_stack: QUndoStack) -> AppActions:
    undo = undo_stack.createUndoAction(parent, "Fortryd")
    undo.setShortcuts(key_sequences(ActionSpec("", (Std.Undo,))))
    redo = undo_stack.createRedoAction(parent, "Gentag")
    # Ctrl+Shift+Z everywhere, plus the platform's own redo keys (Ctrl+Y on Windows).
    redo.setShortcuts(key_sequences(ActionSpec("", ("Ctrl+Shift+Z", Std.Redo))))
    built = {name: _action(parent, spec) for name, spec in MENU.items()}
    return AppActions(**built, undo=undo, redo=redo)


def enable_for(
    actions: AppActions, *, database: bool, screening: bool, writable: bool = True
) -> None:
    """Turn each menu command on or off by what it needs (the one enabling rule)."""
    have = {
        Needs.NOTHING: True,
        Needs.DATABASE: database,
        Needs.WRITABLE: database and writable,
        Needs.SCREENING: screening,
    }
    for name, spec in MENU.items():
        getattr(actions, name).setEnabled(have[spec.needs])
