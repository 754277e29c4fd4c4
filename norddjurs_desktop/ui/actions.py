"""Every menu action of the main window, declared once with its standard shortcut."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget


@dataclass
class AppActions:
    new_screening: QAction
    open_demo: QAction
    open_file: QAction
    export_plan: QAction
    go_home: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    about: QAction
    print_plan: QAction
    print_cards: QAction
    print_board: QAction
    edit_decks: QAction


def _action(parent: QWidget, text: str, shortcuts: list[QKeySequence], tip: str = "") -> QAction:
    action = QAction(text, parent)
    action.setShortcuts(shortcuts)
    if tip:
        action.setStatusTip(tip)
    return action


def create_actions(parent: QWidget, undo_stack: QUndoStack) -> AppActions:
    std = QKeySequence.StandardKey
    undo = undo_stack.createUndoAction(parent, "Fortryd")
    undo.setShortcuts([QKeySequence(std.Undo)])
    redo = undo_stack.createRedoAction(parent, "Gentag")
    # Ctrl+Shift+Z everywhere, plus the platform's own redo keys (Ctrl+Y on Windows);
    # the same key twice makes Qt call the shortcut ambiguous, so it is listed once.
    ctrl_shift_z = QKeySequence("Ctrl+Shift+Z")
    platform_redo = [k for k in QKeySequence.keyBindings(std.Redo) if k != ctrl_shift_z]
    redo.setShortcuts([ctrl_shift_z, *platform_redo])
    return AppActions(
        new_screening=_action(
            parent, "&Ny selvscreening …", [QKeySequence(std.New)], "Start en ny selvscreening"
        ),
        open_demo=_action(parent, "Åbn &eksempel", [], "Åbn den fiktive eksempel-enhed"),
        open_file=_action(
            parent,
            "Åbn &databasefil …",
            [QKeySequence(std.Open)],
            "Åbn en anden databasefil i et nyt vindue",
        ),
        export_plan=_action(
            parent,
            "&Gem handlingsplan som PDF …",
            [QKeySequence("Ctrl+E")],
            "Gem den åbne screenings handlingsplan som PDF",
        ),
        go_home=_action(
            parent, "&Oversigt", [QKeySequence("Ctrl+Home")], "Tilbage til enheder og screeninger"
        ),
        quit=_action(parent, "&Afslut", [QKeySequence(std.Quit), QKeySequence("Ctrl+Q")]),
        undo=undo,
        redo=redo,
        about=_action(parent, "&Om Fremmødepaletten", []),
        print_plan=_action(
            parent,
            "&Udskriv handlingsplan …",
            [QKeySequence(std.Print)],
            "Se handlingsplanen og udskriv den, eller gem den som PDF",
        ),
        print_cards=_action(
            parent, "&Kort til print …", [], "Dialogkort som A4-ark med forsider og bagsider"
        ),
        print_board=_action(
            parent, "&Spilleplade …", [], "Paletten som spilleplade til bordet (A3 eller A4)"
        ),
        edit_decks=_action(
            parent, "&Rediger kortsæt …", [], "Ret, flyt og skjul kort, lav og importér kortsæt"
        ),
    )
