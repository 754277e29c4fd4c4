"""Where the shipped resources live (decks, demo data, icon), wherever the app runs from.

Three ways the code reaches a machine, one folder name:

- a checkout (``make run``, the tests): ``resources/`` at the top of the repository;
- an installed wheel: setup.py maps ``resources/`` into the package, so it is
  ``norddjurs_desktop/resources`` in site-packages;
- the PyInstaller folder: the spec puts ``resources/`` beside the package again.

The package's own folder is asked first, so an installed copy never reads a
stray checkout's files. The app's own LICENSE sits at the top of a checkout
and of the bundle, and in the wheel's metadata when installed; the
third-party notices travel in ``resources/licenses``.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _resources_folder() -> Path:
    installed = _PACKAGE / "resources"
    if (installed / "decks").is_dir():
        return installed
    return _PACKAGE.parent / "resources"


RESOURCES = _resources_folder()
DECKS = RESOURCES / "decks"
DEMO = RESOURCES / "demo"
ICONS = RESOURCES / "icons"

LICENSES = RESOURCES / "licenses"  # third-party notices, LGPL-3.0 and GPL-3.0 texts


def licence_text(name: str = "LICENSE") -> str:
    """The app's own LICENSE text (MPL-2.0); "" if this copy of the app lacks it.

    The installed metadata is asked first: beside an installed package is
    site-packages, where another project's stray LICENSE might lie.
    """
    try:
        distribution = metadata.distribution("fremmoedepaletten")
    except metadata.PackageNotFoundError:
        distribution = None
    if distribution is not None:
        for candidate in (f"licenses/{name}", name):
            text = distribution.read_text(candidate)
            if text:
                return text
    beside = _PACKAGE.parent / name
    return beside.read_text(encoding="utf-8") if beside.is_file() else ""
