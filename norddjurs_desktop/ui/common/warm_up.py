"""Loading matplotlib's figure machinery on a side thread before the first chart needs it.

Importing ``matplotlib.figure`` costs about 0.8 s; paid when the first data
view opens, it doubles the wait for the first chart. The app starts it once
its window is painted and the database is open (:func:`warm_charts_soon`),
and the data view starts it too in case it opens before. Nothing is drawn or
created here, so no Qt object leaves the GUI thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer

from norddjurs_desktop.reports.mpl_loading import load_matplotlib, matplotlib_loaded

__all__ = ["WARM_DELAY_MS", "charts_warm", "warm_charts", "warm_charts_soon"]

WARM_DELAY_MS = 300  # after the first paint: the home page is filled first
_started = threading.Event()


def warm_charts() -> None:
    """Start importing matplotlib on a daemon thread (once per process)."""
    if _started.is_set() or matplotlib_loaded():
        return
    _started.set()
    threading.Thread(target=load_matplotlib, name="warm-charts", daemon=True).start()


def warm_charts_soon() -> None:
    """:func:`warm_charts` once the event loop has had a moment for the window."""
    QTimer.singleShot(WARM_DELAY_MS, warm_charts)


def charts_warm() -> bool:
    """True once matplotlib's figure machinery has loaded."""
    return matplotlib_loaded()
