"""The overview of every unit as an A4 landscape report for the HU (hovedudvalget).

One matrix: units grouped by area, the eight themes' latest agreed scores as
number, trend arrow and colour (so it reads in grayscale too), last screening,
next follow-up in words, open and overdue actions and the 12-month absence
against the 5 % ambition. Under it, per theme, how many units score 1–2, and a
short legend. The header row repeats on every page; each page says its number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from norddjurs_desktop.domain.colours import ink_for
from norddjurs_desktop.domain.dates import danish_date, format_number
from norddjurs_desktop.domain.palette import PALETTE_KEYS, PALETTE_TITLES
from norddjurs_desktop.domain.scoring import SCORE_LEVELS, UNSCORED_COLOUR, score_colour
from norddjurs_desktop.domain.unit_overview import (
    ABSENCE_AMBITION_PCT,
    UnitOverviewRow,
    above_ambition,
    absence_words,
    area_label,
    by_area,
    follow_up_words,
    is_follow_up_overdue,
)
from norddjurs_desktop.reports.action_sheets import _atomic_write
from norddjurs_desktop.reports.fonts import FONT_BOLD, FONT_REGULAR, register_fonts

PAGE = landscape(A4)
MARGIN = 12 * mm
TITLE = "Oversigt over enheder"
# Widths in mm: unit, eight themes, last screening, next follow-up, actions, absence (273 mm).
WIDTHS_MM = (42, *([16] * 8), 21, 34, 20, 28)
# Where the long theme titles may break in a narrow column header.
HEADER_BREAKS = {
    "handling": "Hånd-<br/>tering",
    "prevention": "Fore-<br/>byggelse",
    "ownership": "Organi-<br/>sering og ejerskab",
    "coordination": "Koordi-<br/>nering af fremmøde",
    "return": "Tilbage til arbejdet",
}
GRID = colors.HexColor("#8a8a8a")
GROUP_FILL = colors.HexColor("#e8eef4")
DANGER = colors.HexColor("#b00020")


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT_REGULAR, fontSize=8, leading=10)
    return {
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=16,
                                leading=20),
        "body": ParagraphStyle("body", parent=base, fontSize=9, leading=12),
        "cell": base,
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD, fontSize=6.5,
                               leading=8),
        "score": ParagraphStyle("score", parent=base, fontName=FONT_BOLD, fontSize=9,
                                alignment=1),
        "group": ParagraphStyle("group", parent=base, fontName=FONT_BOLD, fontSize=9),
        "late": ParagraphStyle("late", parent=base, textColor=DANGER, fontName=FONT_BOLD),
        "follow": ParagraphStyle("follow", parent=base, fontSize=7, leading=8.5),
        "follow_late": ParagraphStyle("follow_late", parent=base, fontSize=7, leading=8.5,
                                      textColor=DANGER),
    }


def _score_text(row: UnitOverviewRow, key: str) -> str:
    score = row.scores.get(key)
    if score is None:
        return "–"
    arrow = row.trend(key)
    return f"{score} {arrow}".strip()


def _matrix(rows: Sequence[UnitOverviewRow], support: dict[str, int], today: date,
            sort_key: Callable[[str], str], st: dict[str, ParagraphStyle]
            ) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
    head = [Paragraph("Enhed", st["head"])]
    head += [Paragraph(HEADER_BREAKS.get(k, escape(PALETTE_TITLES[k])), st["head"])
             for k in PALETTE_KEYS]
    head += [Paragraph(text, st["head"]) for text in (
        "Seneste screening", "Næste opfølgning", "Handlinger: åbne / overskredne",
        f"Fravær 12 mdr. (mål {format_number(ABSENCE_AMBITION_PCT, 0)} %)")]
    data: list[list[Any]] = [head]
    commands: list[tuple[Any, ...]] = []
    for area, group in by_area(rows, sort_key):
        r = len(data)
        data.append([Paragraph(f"{escape(area_label(area))} ({len(group)})", st["group"])]
                    + [""] * (len(WIDTHS_MM) - 1))
        commands += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), GROUP_FILL)]
        for row in group:
            r = len(data)
            cells: list[Any] = [Paragraph(escape(row.unit), st["cell"])]
            for c, key in enumerate(PALETTE_KEYS, start=1):
                colour = score_colour(row.scores.get(key))
                cells.append(Paragraph(_score_text(row, key), ParagraphStyle(
                    f"s{r}{c}", parent=st["score"], textColor=colors.HexColor(ink_for(colour)))))
                commands.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(colour)))
            late = row.latest_screening is not None and is_follow_up_overdue(
                row.next_follow_up, today)
            follow = "" if row.next_follow_up is None else danish_date(row.next_follow_up) + "<br/>"
            follow += escape(follow_up_words(row.next_follow_up, today)) \
                if row.latest_screening else ""
            actions = f"{row.open_actions} / {row.overdue_actions}"
            cells += [
                Paragraph(danish_date(row.latest_screening) or "ingen", st["cell"]),
                Paragraph(follow, st["follow_late"] if late else st["follow"]),
                Paragraph(actions, st["late"] if row.overdue_actions else st["cell"]),
                Paragraph(absence_words(row.absence_pct),
                          st["late"] if above_ambition(row.absence_pct) else st["cell"]),
            ]
            data.append(cells)
    r = len(data)
    data.append([Paragraph("Enheder med score 1–2", st["group"])]
                + [Paragraph(str(support[k]), st["score"]) for k in PALETTE_KEYS]
                + ["", "", "", ""])
    commands += [("BACKGROUND", (0, r), (-1, r), GROUP_FILL), ("LINEABOVE", (0, r), (-1, r), 1.2,
                                                               colors.black)]
    return data, commands


def _legend(st: dict[str, ParagraphStyle]) -> list[Any]:
    swatches = [[Paragraph(f"<b>{level.value}</b> {escape(level.label)}", ParagraphStyle(
        f"l{level.value}", parent=st["cell"], textColor=colors.HexColor(ink_for(level.colour)),
        alignment=1)) for level in SCORE_LEVELS]
        + [Paragraph("– ikke scoret", ParagraphStyle("l0", parent=st["cell"], alignment=1))]]
    table = Table(swatches, colWidths=[32 * mm] * 6)
    table.setStyle(TableStyle(
        [("BACKGROUND", (i, 0), (i, 0), colors.HexColor(level.colour))
         for i, level in enumerate(SCORE_LEVELS)]
        + [("BACKGROUND", (5, 0), (5, 0), colors.HexColor(UNSCORED_COLOUR)),
           ("GRID", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    text = (
        "Tallet er enhedens seneste fælles score for temaet (1–5). Pilen sammenligner med "
        "enhedens forrige screening: ↑ bedre, ↓ dårligere, = uændret. "
        "En score på 1 eller 2 er et tema, hvor enheden kan have brug for støtte fra HR. "
        "Rød tekst: opfølgningen er overskredet, der er handlinger over deadline, eller fraværet "
        f"ligger over målet på {format_number(ABSENCE_AMBITION_PCT, 0)} %. Fraværet er de seneste "
        "12 måneder i enhedens egne data; det vises ikke for grupper under fem personer."
    )
    return [Spacer(1, 4 * mm), Paragraph("<b>Sådan læses oversigten</b>", st["body"]),
            Spacer(1, 1.5 * mm), table, Spacer(1, 2 * mm), Paragraph(escape(text), st["body"])]


def write_overview_pdf(
    rows: Sequence[UnitOverviewRow],
    support: dict[str, int],
    today: date,
    out: Path,
    *,
    sort_key: Callable[[str], str] = str.casefold,
) -> None:
    """Write the report to ``out`` (replaced only once complete)."""
    st = _styles()
    data, commands = _matrix(rows, support, today, sort_key, st)
    table = Table(data, colWidths=[w * mm for w in WIDTHS_MM], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9")),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        *commands,
    ]))
    units = len(rows)
    intro = (f"{units} {'enhed' if units == 1 else 'enheder'}, grupperet efter område. "
             f"Opgjort {danish_date(today)}.")
    story: list[Any] = [Paragraph(TITLE, st["title"]), Spacer(1, 2 * mm),
                        Paragraph(escape(intro), st["body"]), Spacer(1, 4 * mm), table,
                        *_legend(st)]

    def footer(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT_REGULAR, 7.5)
        canvas.drawString(MARGIN, 7 * mm, f"{TITLE} – {danish_date(today)}")
        canvas.drawRightString(PAGE[0] - MARGIN, 7 * mm, f"Side {doc.page}")
        canvas.restoreState()

    def write(stream: Any) -> None:
        doc = SimpleDocTemplate(stream, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                                topMargin=MARGIN, bottomMargin=14 * mm, title=TITLE,
                                author="Fremmødepaletten")
        doc.build(story, onFirstPage=footer, onLaterPages=footer)

    _atomic_write(Path(out), write)
