"""Which column of a file holds which of our columns: one combo box per canonical column."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from norddjurs_desktop.ui.common.naming import named
from norddjurs_desktop.ui.common.theme import current_colours

NOT_USED = "(bruges ikke)"


def cpr_colour() -> str:
    """The danger colour of the current look (readable on a light and a dark palette)."""
    return current_colours().danger


def column_label(header: str, cpr_columns: Sequence[str]) -> str:
    """A header as shown to the user; a column that looks like CPR numbers is flagged."""
    return f"⚠ {header} (ligner CPR-numre)" if header in cpr_columns else header


class MappingForm(QGroupBox):
    """``mapping()`` gives canonical column → chosen header, or None for "(bruges ikke)"."""

    def __init__(
        self,
        kind: str,
        columns: Sequence[tuple[str, bool]],
        headers: Sequence[str],
        cpr_columns: Sequence[str],
        initial: Mapping[str, str | None],
        parent: QWidget | None = None,
    ) -> None:
        title = "medarbejderfilen" if kind == "staff" else "fraværsfilen"
        super().__init__(f"Kolonner i {title}", parent)
        self.setObjectName(f"{kind}Mapping")
        self.columns = list(columns)
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        intro = QLabel(
            "Overskrifterne i filen passer ikke helt til dem, programmet kender. "
            "Vælg for hver af vores kolonner, hvilken kolonne i filen den står i "
            "(* skal udfyldes). Valget huskes til næste gang."
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        for name, required in self.columns:
            combo = named(QComboBox(), f"{kind}Map_{name}")
            combo.addItem(NOT_USED, None)
            for header in headers:
                combo.addItem(column_label(header, cpr_columns), header)
                if header in cpr_columns:
                    combo.setItemData(
                        combo.count() - 1, QBrush(QColor(cpr_colour())),
                        Qt.ItemDataRole.ForegroundRole,
                    )
            chosen = initial.get(name)
            index = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._mark(c, cpr_columns))
            self._mark(combo, cpr_columns)
            self.combos[name] = combo
            form.addRow(f"{name}{' *' if required else ''}:", combo)

    @staticmethod
    def _mark(combo: QComboBox, cpr_columns: Sequence[str]) -> None:
        flagged = combo.currentData() in cpr_columns
        combo.setStyleSheet(f"QComboBox {{ color: {cpr_colour()}; }}" if flagged else "")

    def mapping(self) -> dict[str, str | None]:
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def choose(self, name: str, header: str | None) -> None:
        """Select ``header`` for the canonical column ``name`` (None: not used)."""
        combo = self.combos[name]
        combo.setCurrentIndex(max(combo.findData(header) if header else 0, 0))

    def missing_required(self) -> list[str]:
        chosen = self.mapping()
        return [name for name, required in self.columns if required and not chosen.get(name)]
