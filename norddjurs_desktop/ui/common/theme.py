"""The app's look, in one place: colours, type scale, spacing, radii, card surfaces, focus ring.

One stylesheet over Qt's Fusion style, built from the *current* palette, so the
same rules read well under a light and a dark system palette: surfaces and text
come from palette roles (``palette(base)``, ``palette(text)`` …), never from a
hard-coded white. The palette's eight theme colours are the accents; the app's
own accent is the "Brug af data" blue, which carries white text at 5,2:1.

Why a stylesheet of our own and not the Qlementine QStyle: its PySide6 wheel
(1.5.1) is built against and pins PySide6 6.10.2 (``libpyside6.abi3.so.6.10``)
and does not load with the PySide6 6.12 the app ships; pinning Qt back for a
look would cost every fix since. Fusion + this sheet renders the same on
Windows, macOS and Linux, honours dark palettes and gives a visible focus ring.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

# -- tokens -----------------------------------------------------------------------------------
ACCENT = "#0072b2"  # "Brug af data" blue: white text on it reads at 5,2:1
ACCENT_ON_DARK = "#56b4e9"  # the palette's sky blue: the same accent where the window is dark
DANGER = "#b00020"
DANGER_ON_DARK = "#ff8a80"

SPACING = {"xs": 4, "s": 8, "m": 12, "l": 16, "xl": 24}
RADIUS = {"s": 4, "m": 6, "l": 10}
# Font sizes as multiples of the system font, so the user's own size setting still counts.
TYPE_SCALE = {"small": 0.9, "body": 1.0, "lead": 1.15, "heading": 1.35, "title": 1.7}
FOCUS_WIDTH = 2

W = TypeVar("W", bound=QWidget)


@dataclass(frozen=True)
class Colours:
    """The colours of one look, chosen from whether the window is light or dark."""

    dark: bool
    accent: str
    on_accent: str
    focus: str
    danger: str


def colours_for(palette: QPalette) -> Colours:
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return Colours(
        dark=dark,
        accent=ACCENT_ON_DARK if dark else ACCENT,
        on_accent="#0b1f2a" if dark else "#ffffff",
        focus=ACCENT_ON_DARK if dark else ACCENT,
        danger=DANGER_ON_DARK if dark else DANGER,
    )


def current_colours() -> Colours:
    return colours_for(QApplication.palette())


def is_dark() -> bool:
    return current_colours().dark


def stylesheet(palette: QPalette, base_points: float) -> str:
    """The app-wide sheet for ``palette``: every control gets the same focus ring."""
    c = colours_for(palette)
    pt = {name: round(base_points * factor, 1) for name, factor in TYPE_SCALE.items()}
    r, s = RADIUS, SPACING
    hover = "rgba(255,255,255,0.06)" if c.dark else "rgba(0,0,0,0.05)"
    # A selection in a window that is not active: Fusion's pale grey under white text was
    # near unreadable; a tint of the accent under the normal text keeps it legible.
    tint = QColor(c.accent)
    resting = f"rgba({tint.red()},{tint.green()},{tint.blue()},0.22)"
    return f"""
QPushButton, QToolButton {{
    background: palette(button); border: 1px solid palette(mid);
    border-radius: {r["m"]}px; padding: {s["xs"] + 1}px {s["m"]}px;
}}
QPushButton:hover, QToolButton:hover {{ border-color: {c.accent}; }}
QPushButton:pressed, QToolButton:pressed {{ background: palette(midlight); }}
QPushButton:checked {{ background: palette(midlight); border: 2px solid palette(text); }}
QPushButton:disabled, QToolButton:disabled {{ border-color: palette(midlight); }}
QPushButton:default, QPushButton[primary="true"] {{
    background: {c.accent}; color: {c.on_accent}; border: 1px solid {c.accent};
}}
QPushButton:default:disabled, QPushButton[primary="true"]:disabled {{
    background: palette(midlight); color: palette(mid); border-color: palette(midlight);
}}
QPushButton:focus, QToolButton:focus {{ border: {FOCUS_WIDTH + 1}px solid {c.focus};
    padding: {s['xs'] + 1 - FOCUS_WIDTH}px {s['m'] - FOCUS_WIDTH}px; }}
QPushButton:default:focus, QPushButton[primary="true"]:focus {{
    border: {FOCUS_WIDTH + 1}px solid palette(text);
    padding: {s['xs'] + 1 - FOCUS_WIDTH}px {s['m'] - FOCUS_WIDTH}px;
}}
QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QDateEdit, QComboBox {{
    background: palette(base); border: 1px solid palette(mid); border-radius: {r["s"]}px;
    padding: 3px {s["xs"] + 2}px;
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus,
QDateEdit:focus, QComboBox:focus {{ border: {FOCUS_WIDTH}px solid {c.focus};
    padding: {3 - FOCUS_WIDTH + 1}px {s['xs'] + 2 - FOCUS_WIDTH + 1}px; }}
QListView, QTreeView, QTableView {{
    background: palette(base); border: 1px solid palette(mid); border-radius: {r["s"]}px;
}}
QListView:focus, QTreeView:focus, QTableView:focus {{
    border: {FOCUS_WIDTH}px solid {c.focus};
}}
QListView::item:hover, QTreeView::item:hover {{ background: {hover}; }}
QListView::item:selected:!active, QTreeView::item:selected:!active,
QTableView::item:selected:!active {{ background: {resting}; color: palette(text); }}
QCheckBox, QRadioButton {{ border: {FOCUS_WIDTH}px solid transparent; padding: 2px;
    border-radius: {r["s"]}px; }}
QCheckBox:focus, QRadioButton:focus {{ border: {FOCUS_WIDTH}px solid {c.focus}; }}
QGroupBox {{ border: 1px solid palette(mid); border-radius: {r["l"]}px;
    margin-top: {s["l"]}px; padding: {s["m"]}px {s["s"]}px {s["s"]}px {s["s"]}px;
    background: palette(base); }}
QGroupBox::title {{ subcontrol-origin: margin; left: {s["m"]}px; padding: 0 {s["xs"]}px;
    font-weight: bold; }}
QTabBar::tab:focus {{ border: {FOCUS_WIDTH}px solid {c.focus}; }}
QFrame[card="true"] {{ background: palette(base); border: 1px solid palette(mid);
    border-radius: {r["l"]}px; }}
QLabel[role="title"] {{ font-size: {pt["title"]}pt; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: {pt["heading"]}pt; font-weight: bold; }}
QLabel[role="lead"] {{ font-size: {pt["lead"]}pt; }}
QLabel[role="small"] {{ font-size: {pt["small"]}pt; }}
QLabel[role="error"] {{ color: {c.danger}; font-weight: bold; }}
QToolTip {{ border: 1px solid palette(mid); padding: 4px; }}
"""


def set_role(widget: W, role: str) -> W:
    """Give a label its place in the type scale ("title", "heading", "lead", "small", "error")."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


def as_card(widget: W) -> W:
    """Draw a frame as a card surface (the base colour, a thin line, round corners)."""
    widget.setProperty("card", True)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


def set_primary(widget: W) -> W:
    """Mark the one button that moves the meeting on."""
    widget.setProperty("primary", True)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast of two ``#rrggbb`` colours (1 … 21)."""
    from norddjurs_desktop.domain.colours import relative_luminance

    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


class _Refresher(QObject):
    """Builds the sheet again when the system switches between light and dark."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.ApplicationPaletteChange
            and watched is QApplication.instance()
        ):
            app = QApplication.instance()
            if isinstance(app, QApplication):
                _apply_sheet(app)
        return False


def _apply_sheet(app: QApplication) -> None:
    sheet = stylesheet(app.palette(), app.font().pointSizeF())
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def apply_theme(app: QApplication) -> None:
    """The one call that gives the whole app its look (from ``configure_application``)."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    _apply_sheet(app)
    if app.property("_themeRefresher") is None:
        refresher = _Refresher(app)
        app.installEventFilter(refresher)
        app.setProperty("_themeRefresher", True)


def readable_ink(background: QColor | str) -> str:
    """White or near-black text for a coloured surface (the rule shared with the PDFs)."""
    from norddjurs_desktop.domain.colours import ink_for

    return ink_for(background.name() if isinstance(background, QColor) else background)
