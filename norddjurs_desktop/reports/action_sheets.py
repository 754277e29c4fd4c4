"""The plan's actions as a spreadsheet: XLSX for Excel users, CSV for a Danish Excel.

XLSX: Danish headers, real date cells shown dd-mm-åååå, wrapped text, the
header frozen and a filter on it. CSV: UTF-8 with BOM and semicolons, which a
Danish Excel opens straight into columns with æ, ø and å intact.

Both are written beside the target and moved into place when complete.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.plan import ActionPlan, PlanAction

HEADERS = (
    "Tema", "Problem (hvorfor)", "Handling (hvad)", "Ansvarlig", "Deadline", "Opfølgning",
    "Status", "Succes-kriterium", "Baggrund i data", "Videreført fra",
)
DATE_COLUMNS = (4, 5, 9)  # zero-based: Deadline, Opfølgning, Videreført fra
WIDTHS = (18, 40, 40, 18, 12, 12, 13, 34, 34, 14)
EXCEL_DATE_FORMAT = "dd-mm-yyyy"


def action_values(action: PlanAction) -> list[object]:
    """One row: text as typed, dates as dates (None where there is none)."""
    reference = action.data_reference.as_text(action.problem) if action.data_reference else ""
    return [
        action.theme_title, action.problem, action.action, action.owner,
        action.deadline, action.follow_up, action.status, action.success, reference,
        action.carried_from,
    ]


def _atomic_write(out: Path, write: Callable[[io.BufferedWriter], None]) -> None:
    out = Path(out)
    handle, temp_name = tempfile.mkstemp(prefix=".handlinger-", suffix=out.suffix,
                                         dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        with contextlib.suppress(OSError):
            os.chmod(temp_name, 0o644)
        os.replace(temp_name, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def write_actions_xlsx(plan: ActionPlan, out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Handlinger"
    sheet.append(list(HEADERS))
    for action in plan.actions:
        sheet.append(action_values(action))
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="D9D9D9")
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(1, column).column_letter].width = width
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = wrap
            if cell.row == 1:
                cell.font, cell.fill = bold, fill
            elif cell.column - 1 in DATE_COLUMNS:
                cell.number_format = EXCEL_DATE_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    about = book.create_sheet("Om planen")
    for label, value in (
        ("Enhed", plan.unit_name), ("Screening", plan.screening_date),
        ("Forum", plan.forum), ("Næste opfølgning", plan.next_follow_up),
    ):
        about.append([label, value])
    for cell in about["B"]:
        cell.number_format = EXCEL_DATE_FORMAT
        cell.alignment = Alignment(horizontal="left")
    about.column_dimensions["A"].width, about.column_dimensions["B"].width = 18, 40
    book.properties.creator = "Fremmødepaletten"
    _atomic_write(out, book.save)


def write_actions_csv(plan: ActionPlan, out: Path) -> None:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for action in plan.actions:
        writer.writerow([
            danish_date(value) if index in DATE_COLUMNS else value  # type: ignore[arg-type]
            for index, value in enumerate(action_values(action))
        ])
    data = text.getvalue().encode("utf-8-sig")  # the BOM tells Excel it is UTF-8

    def put(stream: io.BufferedWriter) -> None:
        stream.write(data)

    _atomic_write(out, put)
