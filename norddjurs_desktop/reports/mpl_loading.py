"""One way into matplotlib for every thread: its first import happens under a lock.

The app imports matplotlib on a side thread after start-up (ui/common/warm_up),
builds charts on the GUI thread and PDF figures on pool threads. Two threads
importing one package at the same time, entering it at different modules,
can meet a module the other has half run and fail with "partially
initialized module" (seen once with pydantic at start-up). So every place
that is about to use matplotlib first calls :func:`load_matplotlib`: the first
caller imports its core while the others wait, and afterwards it costs a flag.
"""

from __future__ import annotations

import threading

__all__ = ["load_matplotlib", "matplotlib_loaded"]

_lock = threading.Lock()
_loaded = threading.Event()


def load_matplotlib() -> None:
    """Import matplotlib's figure machinery once, in whichever thread asks first."""
    if _loaded.is_set():
        return
    with _lock:
        if _loaded.is_set():
            return
        import matplotlib.figure  # noqa: F401
        from matplotlib.backends import backend_agg  # noqa: F401

        _loaded.set()


def matplotlib_loaded() -> bool:
    return _loaded.is_set()
