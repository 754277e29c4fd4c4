"""The follow-up sections of the plan: how the last plan went, and what changed since.

Printed before today's plan, so the signed paper tells the whole turn of the
cycle: "Opfølgning på sidste handlingsplan" and "Udvikling siden sidst".
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.followup import FollowUpReport, ReviewedAction
from norddjurs_desktop.reports.plan_styles import grid_table, labelled, para, short

REVIEW_HEADERS = ("Tema", "Handling", "Ansvarlig", "Status", "Virkede det?", "Kommentar")
REVIEW_WIDTHS = (26, 62, 24, 24, 22, 52)  # mm; scaled to the frame
CHANGE_HEADERS = ("Tema", "Sidst", "Nu", "Udvikling")
CHANGE_WIDTHS = (70, 22, 22, 60)


def _review_row(review: ReviewedAction, s: dict[str, ParagraphStyle]) -> list[Any]:
    status = review.status + (" – videreført" if review.carried_over else "")
    first = labelled(para(review.theme_title, s["cell"]),
                     f"Den gennemgåede handling '{short(review.action)}'")
    return [
        first, para(review.action, s["cell"]), para(review.owner, s["cell"]),
        para(status, s["cell"]), para(review.effect or "ikke vurderet", s["cell"]),
        para(review.comment, s["cell"]),
    ]


def _scaled(widths: tuple[float, ...], width: float) -> list[float]:
    total = sum(widths)
    return [w * width / total for w in widths]


def follow_up_sections(
    report: FollowUpReport, s: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    """Both sections, ready to go before the palette overview."""
    flow: list[Flowable] = [
        Paragraph("Opfølgning på sidste handlingsplan", s["h1"]),
        Paragraph(f"Handlingsplanen fra {danish_date(report.previous_date)} blev gennemgået "
                  "på mødet.", s["body"]),
    ]
    if report.reviews:
        rows = [[Paragraph(h, s["cell_head"]) for h in REVIEW_HEADERS]]
        rows.extend(_review_row(review, s) for review in report.reviews)
        flow.append(grid_table(rows, _scaled(REVIEW_WIDTHS, width)))
    else:
        flow.append(Paragraph("Den sidste plan havde ingen handlinger.", s["body"]))
    flow.append(Paragraph("Udvikling siden sidst", s["h1"]))
    rows = [[Paragraph(h, s["cell_head"]) for h in CHANGE_HEADERS]]
    for change in report.changes:
        rows.append([
            para(change.title, s["cell"]),
            para("" if change.previous is None else str(change.previous), s["cell"]),
            para("" if change.current is None else str(change.current), s["cell"]),
            para(f"{change.arrow} {change.words}".strip(), s["cell"]),
        ])
    flow.append(grid_table(rows, _scaled(CHANGE_WIDTHS, min(width, 150 * mm))))
    return flow
