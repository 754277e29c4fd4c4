"""A contact plan on one A4 page: the contacts (both dates when moved) and the alerts.

The page is for the leader's desk or the employee's file folder, so it holds
what to do and when, and nothing about the illness. The optional label (e.g.
"Team Syd, marts") is printed at the top and never stored anywhere. Whatever
the model, the content is shrunk to fit the one page (``KeepInFrame``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from norddjurs_desktop.domain.contact_model import ContactPlan
from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.reports.fonts import FONT_BOLD, FONT_REGULAR, register_fonts

MARGIN = 15 * mm
GRID = colors.HexColor("#8c8c8c")
HEADER_FILL = colors.HexColor("#d9d9d9")
MOVED_FILL = colors.HexColor("#f2f2f2")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def weekday_date(day: date) -> str:
    """'tirsdag 07-04-2026': the weekday matters when planning a call."""
    return f"{WEEKDAYS[day.weekday()]} {danish_date(day)}"


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT_REGULAR, fontSize=9.5, leading=12)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=10.5),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=FONT_BOLD),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=20,
                                leading=24, spaceAfter=4),
        "label": ParagraphStyle("label", parent=base, fontName=FONT_BOLD, fontSize=13,
                                leading=16, spaceAfter=4),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=12.5, leading=15,
                             spaceBefore=10, spaceAfter=5),
    }


def _table(rows: list[list[object]], widths: list[float], moved_rows: list[int]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    style += [("BACKGROUND", (0, r), (-1, r), MOVED_FILL) for r in moved_rows]
    table.setStyle(TableStyle(style))
    return table


def plan_story(plan: ContactPlan, label: str, width: float) -> list[object]:
    s = _styles()
    p = Paragraph
    story: list[object] = [p(f"Kontaktplan – {escape(plan.model.title)}", s["title"])]
    if label.strip():
        story.append(p(escape(label.strip()), s["label"]))
    story.append(p(
        f"Første sygedag: <b>{weekday_date(plan.first_day)}</b>. Dag N er første sygedag + "
        "N − 1 kalenderdage. Falder en kontakt på en weekend eller helligdag, tages den "
        "næste arbejdsdag; adviserne kommer på den nævnte dato uanset ugedag.",
        s["body"],
    ))
    story.append(p("Kontakt med medarbejderen", s["h1"]))
    rows: list[list[object]] = [["Dag", "Ring den", "Hvad du gør"]]
    moved_rows = []
    for i, c in enumerate(plan.contacts, start=1):
        when = f"<b>{weekday_date(c.planned)}</b>"
        if c.moved:
            when += (
                f"<br/>⚠ Flyttet: dag {c.day} er {weekday_date(c.date)} ({escape(c.reason)})"
            )
            moved_rows.append(i)
        rows.append([p(f"<b>Dag {c.day}</b>", s["body"]), p(when, s["body"]),
                     p(escape(c.text), s["body"])])
    story.append(_table(rows, [0.11 * width, 0.30 * width, 0.59 * width], moved_rows))
    story.append(p("Adviser til lederen (flyttes ikke)", s["h1"]))
    rows = [["Advis", "Dato", "Hvad adviset minder om"]]
    for a in plan.alerts:
        rows.append([p(f"<b>{escape(a.label)}</b>", s["body"]), p(weekday_date(a.date), s["body"]),
                     p(escape(a.text), s["small"])])
    story.append(_table(rows, [0.15 * width, 0.26 * width, 0.59 * width], []))
    story.append(Spacer(1, 6))
    story.append(p(
        "Planen er lavet med Fremmødepaletten og gemmes ikke i programmet. Skriv ikke "
        "helbredsoplysninger på siden.", s["small"],
    ))
    return story


def write_contact_plan(plan: ContactPlan, out: Path, label: str = "") -> Path:
    """Write the plan as exactly one portrait A4 page to ``out``."""
    width, height = A4
    canvas = Canvas(str(out), pagesize=A4)
    canvas.setTitle(f"Kontaktplan {plan.model.title}")
    canvas.setAuthor("Fremmødepaletten")
    frame_w, frame_h = width - 2 * MARGIN, height - 2 * MARGIN
    frame = Frame(MARGIN, MARGIN, frame_w, frame_h, 0, 0, 0, 0, showBoundary=0)
    story = plan_story(plan, label, frame_w)
    frame.addFromList([KeepInFrame(frame_w, frame_h, story, mode="shrink")], canvas)  # type: ignore[list-item]
    canvas.setFont(FONT_REGULAR, 7.5)
    canvas.drawRightString(width - MARGIN, 8 * mm, f"Udskrevet {danish_date(date.today())}")
    canvas.showPage()
    canvas.save()
    return out
