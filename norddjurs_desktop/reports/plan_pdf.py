"""The printed, signed action plan (handlingsplan) as an A4 PDF.

Portrait pages carry the meeting facts, the palette overview and the mapping
notes; the action table gets landscape pages of its own so that its eight
columns stay readable, with the header row repeated on every page. Every page
has "Side X af Y", the unit and the date in its footer (two-pass canvas).

reportlab is imported at module level: reports are never imported at app
start-up, only when a PDF is asked for.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from norddjurs_desktop.domain.palette import SIGNATURE_ROLES
from norddjurs_desktop.domain.plan import ActionPlan, PlanAction, PlanTheme, danish_date
from norddjurs_desktop.domain.scoring import score_label
from norddjurs_desktop.reports.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from norddjurs_desktop.reports.palette_figure import palette_figure_png, round_summary

MARGIN = 16 * mm
FOOTER_Y = 9 * mm
FIGURE_DPI = 200
ACTION_HEADERS = (
    "Tema", "Problem (hvorfor)", "Handling (hvad)", "Ansvarlig", "Deadline",
    "Opfølgning", "Status", "Succes-kriterium",
)
# Widths (mm) of the action columns on a landscape page; a date, "Opfølgning" and
# "gennemført" must fit on one line at 8.5 pt. Scaled if the frame differs.
ACTION_WIDTHS = (27, 52, 52, 26, 21.5, 21.5, 21, 44)
GRID = colors.HexColor("#8c8c8c")
HEADER_FILL = colors.HexColor("#d9d9d9")
ZEBRA_FILL = colors.HexColor("#f2f2f2")


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT_REGULAR, fontSize=9.5, leading=12.5)

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
        "cell": style("cell", fontSize=8.5, leading=10.5),
        "cell_head": style("cell_head", fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
        "cell_ref": style("cell_ref", fontSize=7.5, leading=9.5, spaceBefore=3),
    }


def _para(text: str, style: ParagraphStyle, empty: str = "–") -> Paragraph:
    """A paragraph of user text: escaped, line breaks kept, a dash when empty."""
    text = text.strip()
    return Paragraph(escape(text).replace("\n", "<br/>") if text else empty, style)


def _footer_canvas(footer: str) -> type[Canvas]:
    """A canvas that writes the footer with 'Side X af Y' once the page count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for number, state in enumerate(self._page_states, start=1):
                self.__dict__.update(state)
                self._draw_footer(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_footer(self, number: int, total: int) -> None:
            width = self._pagesize[0]
            self.saveState()
            self.setStrokeColor(GRID)
            self.setLineWidth(0.5)
            self.line(MARGIN, FOOTER_Y + 4 * mm, width - MARGIN, FOOTER_Y + 4 * mm)
            self.setFont(FONT_REGULAR, 8)
            self.setFillColor(colors.black)
            page_text = f"Side {number} af {total}"
            self.drawRightString(width - MARGIN, FOOTER_Y, page_text)
            room = width - 2 * MARGIN - self.stringWidth(page_text) - 8 * mm
            self.drawString(MARGIN, FOOTER_Y, _fit(footer, room, self.stringWidth))
            self.restoreState()

    return NumberedCanvas


def _fit(text: str, room: float, width: Any) -> str:
    """Shorten text with '…' until width(text) fits in room (a long unit name)."""
    if width(text) <= room:
        return text
    while text and width(text + "…") > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _fact_table(plan: ActionPlan, s: dict[str, ParagraphStyle], width: float) -> Table:
    participants = "<br/>".join(
        f"{escape(p.name)} ({escape(p.role)})" for p in plan.participants
    ) or "–"
    rows: list[list[Any]] = [
        ["Enhed", _para(plan.unit_name, s["body"])],
        ["Dato", danish_date(plan.screening_date)],
        ["Forum", _para(plan.forum, s["body"])],
        ["Formål", _para(plan.purpose, s["body"])],
        ["Deltagere", Paragraph(participants, s["body"])],
    ]
    if plan.anonymous_round:
        rows.append(["Scoring", Paragraph(
            "Hver deltager scorede først skjult for sig selv; derefter blev gruppen enig "
            "om en fælles score.", s["body"])])
    rows.append(["Næste opfølgning", danish_date(plan.next_follow_up) or "ikke fastsat"])
    table = Table(rows, colWidths=(38 * mm, width - 38 * mm))
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (0, -1), FONT_BOLD, 9.5),
        ("FONT", (1, 0), (1, -1), FONT_REGULAR, 9.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ]))
    return table


def _figure(plan: ActionPlan, width: float) -> Image:
    png = palette_figure_png(plan.themes, dpi=FIGURE_DPI)
    pixels_w, pixels_h = ImageReader(io.BytesIO(png)).getSize()
    return Image(io.BytesIO(png), width=width, height=width * pixels_h / pixels_w)


def _score_words(theme: PlanTheme) -> str:
    return "ikke scoret" if theme.score is None else f"score {score_label(theme.score)}"


def _theme_heading(theme: PlanTheme) -> str:
    parts = [f"<b>{escape(theme.title)}</b>", escape(_score_words(theme))]
    if theme.priority is not None:
        parts.append(f"<b>Prioritet {theme.priority}</b>")
    return " · ".join(parts)


def _theme_block(theme: PlanTheme, s: dict[str, ParagraphStyle], width: float,
                 lead: list[Flowable]) -> Flowable:
    """One theme's notes, kept on one page together with any heading in ``lead``."""
    flow: list[Flowable] = [*lead, Paragraph(_theme_heading(theme), s["h2"])]
    if theme.spread is not None and (theme.spread.scores or theme.spread.passes):
        flow.append(Paragraph(escape(round_summary(theme.spread)), s["note"]))
        flow.append(Spacer(1, 3))
    half = width / 2
    table = Table(
        [[Paragraph("Ressourcer – det der virker", s["label"]),
          Paragraph("Udfordringer – det der ikke virker", s["label"])],
         [_para(theme.resources, s["small"], "Intet noteret."),
          _para(theme.challenges, s["small"], "Intet noteret.")]],
        colWidths=(half, half),
    )
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.4, GRID),
        ("LINEAFTER", (0, 0), (0, -1), 0.4, GRID),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("LEFTPADDING", (1, 0), (1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    flow.append(table)
    return KeepTogether(flow)


def _mapping(plan: ActionPlan, s: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    heading = Paragraph("Kortlægning: ressourcer og udfordringer", s["h1"])
    shown = [t for t in plan.themes if t.score is not None or t.resources or t.challenges]
    flow: list[Flowable] = [] if shown else [heading]
    flow.extend(_theme_block(theme, s, width, [heading] if index == 0 else [])
                for index, theme in enumerate(shown))
    unscored = [t.title for t in plan.themes if t not in shown]
    if unscored:
        flow.append(Spacer(1, 6))
        flow.append(Paragraph("<b>Ikke scoret:</b> " + escape(", ".join(unscored)) + ".",
                              s["body"]))
    chosen = [
        Paragraph(f"<b>Prioritet {theme.priority}: {escape(theme.title)}</b> "
                  f"({escape(_score_words(theme))})", s["body"])
        for theme in plan.prioritised
    ] or [Paragraph("Gruppen har ikke prioriteret temaer.", s["body"])]
    flow.append(KeepTogether([Paragraph("Prioriterede temaer", s["h1"]), *chosen]))
    return flow


def _action_row(action: PlanAction, s: dict[str, ParagraphStyle]) -> list[Any]:
    why: list[Flowable] = [_para(action.problem, s["cell"])]
    if action.data_reference is not None:
        reference = escape(action.data_reference.as_text(action.problem))
        why.append(Paragraph(f"<b>Baggrund i data:</b> {reference}", s["cell_ref"]))
    return [
        _para(action.theme_title, s["cell"]), why, _para(action.action, s["cell"]),
        _para(action.owner, s["cell"]),
        _para(danish_date(action.deadline), s["cell"]),
        _para(danish_date(action.follow_up), s["cell"]),
        _para(action.status, s["cell"]), _para(action.success, s["cell"]),
    ]


def _action_table(plan: ActionPlan, s: dict[str, ParagraphStyle], width: float) -> Flowable:
    if not plan.actions:
        return Paragraph("Der er ikke aftalt handlinger endnu.", s["body"])
    scale = width / sum(ACTION_WIDTHS)
    rows = [[Paragraph(h, s["cell_head"]) for h in ACTION_HEADERS]]
    rows.extend(_action_row(action, s) for action in plan.actions)
    table = Table(rows, colWidths=[w * scale for w in ACTION_WIDTHS], repeatRows=1)
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


def _signatures(plan: ActionPlan, s: dict[str, ParagraphStyle], width: float) -> Flowable:
    """Name, date and signature lines for Leder, TR and AMR, side by side."""
    names: dict[str, str] = {}
    for participant in plan.participants:
        names.setdefault(participant.role, participant.name)
    gap = 12 * mm
    roles = len(SIGNATURE_ROLES)
    column = (width - gap * (roles - 1)) / roles
    rows: list[list[Any]] = [[], [], [], []]
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    for index, role in enumerate(SIGNATURE_ROLES):
        if index:
            for row in rows:
                row.append("")
        column_index = len(rows[0])
        rows[0].append(Paragraph(role, s["label"]))
        rows[1].append(Paragraph(f"Navn: {escape(names.get(role, ''))}", s["body"]))
        rows[2].append(Paragraph("Dato:", s["body"]))
        rows[3].append(Paragraph("Underskrift:", s["body"]))
        style.append(("LINEBELOW", (column_index, 1), (column_index, -1), 0.6, colors.black))
    widths = [column if i % 2 == 0 else gap for i in range(2 * roles - 1)]
    table = Table(rows, colWidths=widths, rowHeights=[16, 26, 26, 40], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    follow_up = (f"den {danish_date(plan.next_follow_up)}" if plan.next_follow_up
                 else "på et møde, der endnu ikke er fastsat")
    return KeepTogether([
        Paragraph("Underskrifter", s["h1"]),
        Paragraph("Med vores underskrift bekræfter vi, at handlingsplanen er aftalt på mødet "
                  f"den {danish_date(plan.screening_date)}, og at den følges op {follow_up}.",
                  s["body"]),
        Spacer(1, 8),
        table,
    ])


def _story(plan: ActionPlan, portrait_width: float, landscape_width: float) -> list[Flowable]:
    s = _styles()
    story: list[Flowable] = [
        Paragraph("Handlingsplan", s["title"]),
        _para(plan.unit_name, s["unit"]),
        _fact_table(plan, s, portrait_width),
        KeepTogether([Paragraph("Paletten – overblik", s["h1"]),
                      _figure(plan, portrait_width)]),
    ]
    story.extend(_mapping(plan, s, portrait_width))
    story.extend([
        NextPageTemplate("landscape"),
        PageBreak(),
        Paragraph("Handlinger", s["h1"]),
        _action_table(plan, s, landscape_width),
        Spacer(1, 10),
        Paragraph(f"<b>Næste opfølgning:</b> "
                  f"{danish_date(plan.next_follow_up) or 'ikke fastsat'}", s["body"]),
        _signatures(plan, s, min(landscape_width, 220 * mm)),
    ])
    return story


def _document(target: Any, plan: ActionPlan) -> tuple[BaseDocTemplate, float, float]:
    portrait_size, landscape_size = A4, landscape(A4)
    bottom = FOOTER_Y + 9 * mm

    def frame(size: tuple[float, float], name: str) -> Frame:
        return Frame(MARGIN, bottom, size[0] - 2 * MARGIN, size[1] - MARGIN - bottom,
                     id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    doc = BaseDocTemplate(
        target, pagesize=portrait_size, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN, bottomMargin=bottom, lang="da",
        title=f"Handlingsplan – {plan.unit_name}", subject="Fremmødepaletten",
        creator="Fremmødepaletten", author=plan.unit_name,
    )
    doc.addPageTemplates([
        PageTemplate("portrait", [frame(portrait_size, "p")], pagesize=portrait_size),
        PageTemplate("landscape", [frame(landscape_size, "l")], pagesize=landscape_size),
    ])
    return doc, portrait_size[0] - 2 * MARGIN, landscape_size[0] - 2 * MARGIN


def write_action_plan(plan: ActionPlan, out: Path) -> None:
    """Write the plan as a PDF to ``out``.

    The file is written beside ``out`` first and moved into place when
    complete, so a failed export never leaves half a PDF. An unwritable place
    raises :class:`OSError` before any rendering is done.
    """
    out = Path(out)
    # Binary (not ASCII85) streams: ~20 % smaller and much faster for the figure,
    # since reportlab's ASCII85 encoder is pure Python without its C accelerator.
    rl_config.useA85 = 0
    handle, temp_name = tempfile.mkstemp(prefix=".handlingsplan-", suffix=".pdf",
                                         dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            doc, portrait_width, landscape_width = _document(stream, plan)
            footer = (f"Handlingsplan · {plan.unit_name} · "
                      f"{danish_date(plan.screening_date)}")
            doc.build(_story(plan, portrait_width, landscape_width),
                      canvasmaker=_footer_canvas(footer))
        with contextlib.suppress(OSError):
            os.chmod(temp_name, 0o644)  # mkstemp makes 0600; a saved plan is an ordinary file
        os.replace(temp_name, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
