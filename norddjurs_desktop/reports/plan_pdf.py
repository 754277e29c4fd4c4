"""The printed, signed action plan (handlingsplan) as an A4 PDF.

Portrait pages carry the meeting facts, the palette overview and the mapping
notes; the action table gets landscape pages of its own so that its eight
columns stay readable, with the header row repeated on every page. Every page
has "Side X af Y", the unit and the date in its footer (two-pass canvas).

Any text of any length prints in full: table rows continue on the next page
(``splitInRow``) under a repeated header, and long words wrap. Should reportlab
still give up, :class:`PlanTooLargeError` names in Danish what did not fit.

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
    LayoutError,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.followup import carried_text
from norddjurs_desktop.domain.palette import SIGNATURE_ROLES
from norddjurs_desktop.domain.plan import (
    ActionPlan,
    PlanAction,
)
from norddjurs_desktop.reports.fonts import FONT_BOLD, FONT_REGULAR
from norddjurs_desktop.reports.palette_figure import palette_figure_png
from norddjurs_desktop.reports.plan_followup import follow_up_sections
from norddjurs_desktop.reports.plan_mapping import mapping_section
from norddjurs_desktop.reports.plan_styles import (
    GRID,
    FlowingTable,
    fit,
    grid_table,
    labelled,
    markup,
    para,
    plan_styles,
    short,
)

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


class PlanTooLargeError(Exception):
    """reportlab could not place something on a page; ``what`` names it in Danish."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def _label_of(flowable: Any) -> str:
    """The first Danish label found in a flowable, a table's cells or a kept group."""
    label = getattr(flowable, "plan_label", "")
    if label:
        return str(label)
    parts: list[Any] = []
    if isinstance(flowable, Table):
        rows = flowable._cellvalues[getattr(flowable, "repeatRows", 0) or 0:]
        parts = [cell for row in rows for cell in row]
    elif isinstance(flowable, (list, tuple)):
        parts = list(flowable)
    elif isinstance(flowable, KeepTogether):
        parts = list(flowable._content)
    for part in parts:
        found = _label_of(part)
        if found:
            return found
    return ""


class _PlanDocument(BaseDocTemplate):
    """A document that turns reportlab's LayoutError into a Danish, named one."""

    _last_label = ""

    def handle_flowable(self, flowables: list[Any]) -> None:  # noqa: D102 - reportlab's hook
        current = flowables[0] if flowables else None
        self._last_label = _label_of(current) or self._last_label
        try:
            super().handle_flowable(flowables)
        except LayoutError as error:
            what = _label_of(current) or self._last_label or "En tekst i handlingsplanen"
            raise PlanTooLargeError(what) from error


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
            self.drawString(MARGIN, FOOTER_Y, fit(footer, room, self.stringWidth))
            self.restoreState()

    return NumberedCanvas


def _fact_table(plan: ActionPlan, s: dict[str, ParagraphStyle], width: float) -> Table:
    participants = "<br/>".join(
        f"{markup(p.name)} ({escape(p.role)})" for p in plan.participants
    ) or "–"
    rows: list[list[Any]] = [
        ["Enhed", para(plan.unit_name, s["body"])],
        ["Dato", danish_date(plan.screening_date)],
        ["Forum", para(plan.forum, s["body"])],
        ["Formål", labelled(para(plan.purpose, s["body"]), "Formålet")],
        ["Deltagere", labelled(Paragraph(participants, s["body"]), "Listen over deltagere")],
    ]
    if plan.anonymous_round:
        rows.append(["Scoring", Paragraph(
            "Hver deltager scorede først skjult for sig selv; derefter blev gruppen enig "
            "om en fælles score.", s["body"])])
    rows.append(["Næste opfølgning", danish_date(plan.next_follow_up) or "ikke fastsat"])
    table = FlowingTable(rows, colWidths=(38 * mm, width - 38 * mm), splitInRow=1)
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


def _action_row(action: PlanAction, s: dict[str, ParagraphStyle]) -> list[Any]:
    why: list[Flowable] = [para(action.problem, s["cell"])]
    if action.data_reference is not None:
        reference = escape(action.data_reference.as_text(action.problem))
        why.append(Paragraph(f"<b>Baggrund i data:</b> {reference}", s["cell_ref"]))
    what: list[Flowable] = [para(action.action, s["cell"])]
    if action.carried_from is not None:
        what.append(Paragraph(f"<i>{carried_text(action.carried_from)}</i>", s["cell_ref"]))
    theme = labelled(para(action.theme_title, s["cell"]),
                     f"Handlingen '{short(action.action)}'")
    return [
        theme, why, what, para(action.owner, s["cell"]),
        para(danish_date(action.deadline), s["cell"]),
        para(danish_date(action.follow_up), s["cell"]),
        para(action.status, s["cell"]), para(action.success, s["cell"]),
    ]


def _action_table(plan: ActionPlan, s: dict[str, ParagraphStyle], width: float) -> Flowable:
    if not plan.actions:
        return Paragraph("Der er ikke aftalt handlinger endnu.", s["body"])
    scale = width / sum(ACTION_WIDTHS)
    rows = [[Paragraph(h, s["cell_head"]) for h in ACTION_HEADERS]]
    rows.extend(_action_row(action, s) for action in plan.actions)
    return grid_table(rows, [w * scale for w in ACTION_WIDTHS])


def _summary(plan: ActionPlan, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The closing step's summary and agreements, printed just above the signatures."""
    if not plan.summary.strip():
        return []
    return [Paragraph("Resumé og aftaler", s["h1"]),
            labelled(para(plan.summary, s["body"]), "Resuméet")]


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
        # The line has room for one line of name; the full name stands in the facts above.
        rows[1].append(Paragraph(f"Navn: {escape(short(names.get(role, ''), 34))}", s["body"]))
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


def _story(plan: ActionPlan, portrait_width: float, landscape_width: float,
           with_card_notes: bool) -> list[Flowable]:
    s = plan_styles()
    story: list[Flowable] = [
        Paragraph("Handlingsplan", s["title"]),
        labelled(para(plan.unit_name, s["unit"]), "Enhedens navn"),
        _fact_table(plan, s, portrait_width),
    ]
    if plan.follow_up is not None:
        story.extend(follow_up_sections(plan.follow_up, s, portrait_width))
    story.append(KeepTogether([Paragraph("Paletten – overblik", s["h1"]),
                               _figure(plan, portrait_width)]))
    story.extend(mapping_section(plan, s, portrait_width, with_card_notes))
    story.extend([
        NextPageTemplate("landscape"),
        PageBreak(),
        Paragraph("Handlinger", s["h1"]),
        _action_table(plan, s, landscape_width),
        Spacer(1, 10),
        Paragraph(f"<b>Næste opfølgning:</b> "
                  f"{danish_date(plan.next_follow_up) or 'ikke fastsat'}", s["body"]),
        *_summary(plan, s),
        _signatures(plan, s, min(landscape_width, 220 * mm)),
    ])
    return story


def _document(target: Any, plan: ActionPlan) -> tuple[_PlanDocument, float, float]:
    portrait_size, landscape_size = A4, landscape(A4)
    bottom = FOOTER_Y + 9 * mm

    def frame(size: tuple[float, float], name: str) -> Frame:
        return Frame(MARGIN, bottom, size[0] - 2 * MARGIN, size[1] - MARGIN - bottom,
                     id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    doc = _PlanDocument(
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


def write_action_plan(plan: ActionPlan, out: Path, *, with_card_notes: bool = True) -> None:
    """Write the plan as a PDF to ``out``; card notes print under their theme unless
    ``with_card_notes`` is False.

    The file is written beside ``out`` first and moved into place when
    complete, so a failed export never leaves half a PDF. An unwritable place
    raises :class:`OSError` before any rendering is done; something reportlab cannot
    place raises :class:`PlanTooLargeError`.
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
            doc.build(_story(plan, portrait_width, landscape_width, with_card_notes),
                      canvasmaker=_footer_canvas(footer))
        with contextlib.suppress(OSError):
            os.chmod(temp_name, 0o644)  # mkstemp makes 0600; a saved plan is an ordinary file
        os.replace(temp_name, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
