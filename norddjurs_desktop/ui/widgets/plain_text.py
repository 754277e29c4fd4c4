"""User text in a QLabel is shown as typed, never read as HTML.

A QLabel guesses: text that looks like markup (``<b>``, ``<img src=…>``) is
rendered as rich text, so a card text with ``<img src="file:///…">`` loaded a
local image and a team called ``<b>x</b>`` turned bold. Labels that show the
users' own words (card texts, theme titles, unit and team names, messages that
quote them) are fixed to plain text with :func:`plain`; labels that mix our
markup with user text escape the user part with :func:`html.escape` instead.
"""

from __future__ import annotations

from html import escape
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QLabel

__all__ = ["plain", "plain_message"]

L = TypeVar("L", bound=QLabel)


def plain(label: L) -> L:
    """``label`` with its text format fixed to plain text; returns the label."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_message(text: str) -> str:
    """``text`` for a widget that guesses its format (QMessageBox): shown as typed.

    Text that Qt would take for HTML is turned into HTML that shows exactly
    these characters; other text is left alone, so ordinary messages read as before.
    """
    if QtGuiNamespace.mightBeRichText(text):
        return "<p>" + escape(text, quote=False).replace("\n", "<br>") + "</p>"
    return text
