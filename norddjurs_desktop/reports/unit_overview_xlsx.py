"""The overview of every unit as a spreadsheet, for HR's own sorting and sums.

Scores are number cells (coloured as on screen, the number always there),
dates are date cells shown dd-mm-åååå and the absence rate a number with one
decimal, so Excel can filter and count them. Rows are grouped by area (the
"Område" column first); the last row of the main sheet counts, per theme, the
units that score it 1–2. A second sheet holds the previous screening's scores
for the trend. Written beside the target and moved into place when complete.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from norddjurs_desktop.domain.colours import ink_for
from norddjurs_desktop.domain.palette import PALETTE_KEYS, PALETTE_TITLES
from norddjurs_desktop.domain.scoring import score_colour
from norddjurs_desktop.domain.unit_overview import (
    UnitOverviewRow,
    area_label,
    by_area,
    follow_up_words,
)
from norddjurs_desktop.reports.action_sheets import EXCEL_DATE_FORMAT, _atomic_write

SHEET = "Oversigt"
PREVIOUS_SHEET = "Forrige screening"
LEAD = ("Område", "Enhed", "Seneste screening")
TAIL = ("Næste opfølgning", "Opfølgning", "Åbne handlinger", "Overskredne handlinger",
        "Fravær 12 mdr. (%)")
SUPPORT_LABEL = "Enheder med score 1–2"
PCT_FORMAT = "0.0"


def overview_headers() -> list[str]:
    return [*LEAD, *(PALETTE_TITLES[k] for k in PALETTE_KEYS), *TAIL]


def _ordered(rows: Sequence[UnitOverviewRow], sort_key: Callable[[str], str]
             ) -> list[UnitOverviewRow]:
    return [row for _area, group in by_area(rows, sort_key) for row in group]


def write_overview_xlsx(
    rows: Sequence[UnitOverviewRow],
    support: dict[str, int],
    today: date,
    out: Path,
    *,
    sort_key: Callable[[str], str] = str.casefold,
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    ordered = _ordered(rows, sort_key)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(overview_headers())
    first_theme = len(LEAD) + 1
    for row in ordered:
        sheet.append([
            area_label(row.area), row.unit, row.latest_screening,
            *(row.scores[k] for k in PALETTE_KEYS),
            row.next_follow_up,
            follow_up_words(row.next_follow_up, today) if row.latest_screening else "",
            row.open_actions, row.overdue_actions,
            None if row.absence_pct is None else round(row.absence_pct, 1),
        ])
    sheet.append([SUPPORT_LABEL, "", None, *(support[k] for k in PALETTE_KEYS)])
    bold, header_fill = Font(bold=True), PatternFill("solid", fgColor="D9D9D9")
    date_columns = {3, len(LEAD) + len(PALETTE_KEYS) + 1}
    pct_column = len(overview_headers())
    last = sheet.max_row
    for cells in sheet.iter_rows():
        for cell in cells:
            column = cell.column
            if cell.row == 1:
                cell.font, cell.fill = bold, header_fill
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif cell.row == last:
                cell.font = bold
            elif column in date_columns:
                cell.number_format = EXCEL_DATE_FORMAT
            elif column == pct_column:
                cell.number_format = PCT_FORMAT
            if cell.row > 1 and cell.row < last and first_theme <= column < first_theme + 8 \
                    and isinstance(cell.value, int):
                colour = score_colour(cell.value)
                cell.fill = PatternFill("solid", fgColor=colour.lstrip("#"))
                cell.font = Font(bold=True, color=ink_for(colour).lstrip("#"))
                cell.alignment = Alignment(horizontal="center")
    widths = [22, 30, 12, *([11] * len(PALETTE_KEYS)), 12, 22, 10, 12, 12]
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(1, column).column_letter].width = width
    sheet.row_dimensions[1].height = 45
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{sheet.cell(last - 1, pct_column).coordinate}"

    previous = book.create_sheet(PREVIOUS_SHEET)
    previous.append(["Område", "Enhed", "Forrige screening",
                     *(PALETTE_TITLES[k] for k in PALETTE_KEYS)])
    for row in ordered:
        previous.append([area_label(row.area), row.unit, row.previous_screening,
                         *(row.previous_scores[k] for k in PALETTE_KEYS)])
    for cells in previous.iter_rows():
        for cell in cells:
            if cell.row == 1:
                cell.font, cell.fill = bold, header_fill
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif cell.column == 3:
                cell.number_format = EXCEL_DATE_FORMAT
    for column, width in enumerate([22, 30, 12, *([11] * len(PALETTE_KEYS))], start=1):
        previous.column_dimensions[previous.cell(1, column).column_letter].width = width
    previous.freeze_panes = "C2"
    _atomic_write(Path(out), book.save)
