"""Object names on widgets, so tests and accessibility tools can find them."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget
