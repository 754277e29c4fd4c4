"""Danish for the few strings of Qt's own dialogs that Qt's Danish catalogue lacks.

Qt 6.12 added an accelerator to two file dialog labels ("&Look in:", "Files of
&type:"); the shipped ``qtbase_da.qm`` only knows the old spelling, so those
two stayed English beside an otherwise Danish dialog. Qt asks its translators
newest first and falls through on an empty answer, so this one is installed
before ``qtbase`` and only answers what ``qtbase`` does not.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

MISSING: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Kig i:",
    ("QFileDialog", "Files of &type:"): "Filer af &type:",
    ("QFileDialog", "Look in:"): "Kig i:",
    ("QFileDialog", "Files of type:"): "Filer af type:",
}


class DanishFallback(QTranslator):
    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return MISSING.get((context, source), "")

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False
