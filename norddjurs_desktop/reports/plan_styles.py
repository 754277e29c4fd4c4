"""The look of the action plan: paragraph styles, table colours and safe user text.

Shared by the plan's own sections (``plan_pdf``) and the follow-up sections
(``plan_followup``), so both print the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from norddjurs_desktop.reports.fonts import FONT_BOLD, FONT_ITALIC, FONT_REGULAR, register_fonts

GRID = colors.HexColor("#8c8c8c")
HEADER_FILL = colors.HexColor("#d9d9d9")
ZEBRA_FILL = colors.HexColor("#f2f2f2")


def plan_styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    # splitLongWords: a pasted link or a long word without spaces still wraps inside its cell.
    base = ParagraphStyle("base", fontName=FONT_REGULAR, fontSize=9.5, leading=12.5,
                          splitLongWords=1)

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "title": style("title", fontName=FONT_BOLD, fontSize=24, leading=28, spaceAfter=2),
        "unit": style("unit", fontName=FONT_BOLD, fontSize=14, leading=18, spaceAfter=10),
        "h1": style("h1", fontName=FONT_BOLD, fontSize=13, leading=16, spaceBefore=12,
                    spaceAfter=6, keepWithNext=1),
        "h2": style("h2", fontName=FONT_BOLD, fontSize=10.5, leading=13, spaceBefore=8,
                    spaceAfter=3, keepWithNext=1),
        "label": style("label", fontName=FONT_BOLD),
        "small": style("small", fontSize=8.5, leading=10.8),
        "note": style("note", fontSize=8, leading=10, textColor=colors.HexColor("#333333")),
        "card": style("card", fontName=FONT_ITALIC, fontSize=8, leading=10,
                      textColor=colors.HexColor("#333333"), spaceBefore=3),
        "card_note": style("card_note", fontSize=8.5, leading=10.8, leftIndent=8),
        "cell": style("cell", fontSize=8.5, leading=10.5),
        "cell_head": style("cell_head", fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
        "cell_ref": style("cell_ref", fontSize=7.5, leading=9.5, spaceBefore=3),
    }


def markup(text: str) -> str:
    """User text as paragraph markup: escaped, its own line breaks kept."""
    return escape(text.strip()).replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle, empty: str = "–") -> Paragraph:
    """A paragraph of user text, or ``empty`` (a dash) when there is none."""
    return Paragraph(markup(text) if text.strip() else empty, style)


def labelled(flowable: Any, what: str) -> Any:
    """Tag a flowable with the Danish name of what it holds, for a layout error."""
    flowable.plan_label = what
    return flowable


def short(text: str, limit: int = 40) -> str:
    """The start of a user text for a message: 'Fast plan for dækning…'."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def fit(text: str, room: float, width: Callable[[str], float]) -> str:
    """Shorten text with '…' until width(text) fits in room (a long unit name).

    A binary search over the length: a 5,000-character name costs a dozen
    measurements per page, not thousands.
    """
    if width(text) <= room:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if width(text[:middle].rstrip() + "…") <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


class FlowingTable(Table):
    """A table whose rows stay whole where they can and continue below where they can't.

    reportlab's ``splitInRow`` would cut a row whenever the rest of a page is
    too short for it. Here a row that does not fit first moves to the next page
    (reportlab marks the table ``_postponed``); only on that fresh page, where
    the row is taller than a whole page, is it split inside.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        self.splitInRow = 0
        try:
            parts: list[Any] = super().split(availWidth, availHeight)
        finally:
            self.splitInRow = 1
        if parts or not getattr(self, "_postponed", False):
            return parts
        return list(super().split(availWidth, availHeight))


def grid_table(rows: list[list[Any]], widths: list[float]) -> Table:
    """A ruled table whose header repeats on every page and whose rows may continue
    on the next page (``splitInRow``), so no text of any length is ever cut."""
    table = FlowingTable(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 1.0, colors.black),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA_FILL]),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table
