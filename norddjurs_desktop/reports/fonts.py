"""The one font family of our PDFs: DejaVu Sans, which has æ, ø and å.

The TrueType files ship inside matplotlib (``mpl-data/fonts/ttf``), so no
system font has to be installed on the municipality's machines. They are
registered with reportlab once per process; later calls are free.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

FONT_REGULAR = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"

_FILES = {
    FONT_REGULAR: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
}
_registered = False


def font_directory() -> Path:
    """matplotlib's bundled TTF folder, found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location) / "mpl-data" / "fonts" / "ttf"
            if (candidate / _FILES[FONT_REGULAR]).is_file():
                return candidate
    import matplotlib  # fallback for unusual installs (e.g. frozen bundles)

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def register_fonts() -> str:
    """Register DejaVu Sans (regular, bold, oblique) with reportlab once.

    Returns the family name to use in paragraph styles; ``<b>`` and ``<i>``
    inside paragraphs map to the bold and oblique faces.
    """
    global _registered
    if _registered:
        return FONT_REGULAR
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = font_directory()
    for name, file_name in _FILES.items():
        path = folder / file_name
        if not path.is_file():
            raise FileNotFoundError(f"Skrifttypen {file_name} mangler i {folder}.")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FONT_REGULAR, 0, 0, FONT_REGULAR)
    addMapping(FONT_REGULAR, 1, 0, FONT_BOLD)
    addMapping(FONT_REGULAR, 0, 1, FONT_ITALIC)
    addMapping(FONT_REGULAR, 1, 1, FONT_BOLD)
    _registered = True
    return FONT_REGULAR
