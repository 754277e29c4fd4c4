"""The poster "Kontaktmodellen" for the staff room, A4 or A3 portrait.

Readable across a room: the model's name in very large type, one large box per
contact day, and the leader's alerts as a timeline. Everything is black on
white or light grey with thick outlines, so a grayscale copy says the same as a
colour print; the Håndtering colour is only an accent stripe, never the only
carrier of meaning. All sizes are defined for A4 and scaled by the page width.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from norddjurs_desktop.domain.contact_model import AlertStep, ContactModel
from norddjurs_desktop.reports.fonts import FONT_BOLD, FONT_REGULAR, register_fonts

PAGE_SIZES = {"A4": A4, "A3": A3}
INK = colors.HexColor("#111111")
FILL = colors.HexColor("#ececec")
ACCENT = colors.HexColor("#e69f00")  # the Håndtering theme's colour; decoration only
RULE_TEXT = "Dag 1 er første sygedag. Kontaktdag på en fridag? Så ring næste arbejdsdag."


def _paragraph(
    canvas: Canvas, text: str, x: float, top: float, width: float, size: float,
    bold: bool = False, centre: bool = False,
) -> float:
    """Draw wrapped text with its top at ``top``; returns its height."""
    style = ParagraphStyle(
        "p", fontName=FONT_BOLD if bold else FONT_REGULAR, fontSize=size,
        leading=size * 1.22, textColor=INK, alignment=1 if centre else 0,
    )
    para = Paragraph(text, style)
    _w, h = para.wrapOn(canvas, width, 10_000)
    para.drawOn(canvas, x, top - h)
    return h


def poster_alerts(model: ContactModel) -> list[tuple[str, str]]:
    """(label, words) for the timeline: the monthly alerts become one last line."""
    rows: list[tuple[str, str]] = []
    monthly: list[AlertStep] = []
    for alert in model.alerts:
        if alert.monthly:
            monthly.append(alert)
        else:
            rows.append((alert.label, alert.poster_text))
    if monthly:
        rows.append(("Hver måned", monthly[0].poster_text))
    return rows


def _contact_boxes(
    canvas: Canvas, model: ContactModel, x: float, top: float, width: float, k: float
) -> float:
    """One box per contact day in one row (the alerts below need the rest of the page)."""
    steps = model.contacts
    rows, per_row = 1, len(steps)
    gap = 6 * mm * k
    box_w = (width - gap * (per_row - 1)) / per_row
    number_size = min(56 * k, box_w * 0.5)
    pad = min(5 * mm * k, box_w * 0.06)  # narrow boxes (own days) keep room for long words
    text_size = min(14 * k, max(10.5 * k, box_w / 11))
    longest = max(
        (word for step in steps for word in step.poster_text.split()),
        key=lambda word: canvas.stringWidth(word, FONT_REGULAR, 10),
    )
    while text_size > 8 * k and (
        canvas.stringWidth(longest, FONT_REGULAR, text_size) > box_w - 2 * pad
    ):
        text_size -= 0.5 * k  # a word is never split across lines
    style = ParagraphStyle("m", fontName=FONT_REGULAR, fontSize=text_size,
                           leading=text_size * 1.22)
    tallest = max(  # every box gets the height of the tallest text
        Paragraph(escape(step.poster_text), style).wrap(box_w - 2 * pad, 10_000)[1]
        for step in steps
    )
    box_h = 18 * k + number_size * 1.05 + tallest + 16 * mm * k
    for i, step in enumerate(steps):
        row, column = divmod(i, per_row)
        left = x + column * (box_w + gap)
        box_top = top - row * (box_h + gap)
        canvas.setFillColor(FILL)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(2.5 * k)
        canvas.roundRect(left, box_top - box_h, box_w, box_h, 5 * mm * k, stroke=1, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 18 * k)
        centre = left + box_w / 2
        canvas.drawCentredString(centre, box_top - 8 * mm * k - 12 * k, "DAG")
        canvas.setFont(FONT_BOLD, number_size)
        canvas.drawCentredString(centre, box_top - 8 * mm * k - 18 * k - number_size * 0.85,
                                 str(step.day))
        _paragraph(canvas, escape(step.poster_text), left + pad,
                   box_top - 10 * mm * k - 18 * k - number_size, box_w - 2 * pad,
                   text_size, centre=True)
    return rows * box_h + (rows - 1) * gap


def _timeline(
    canvas: Canvas, rows: Sequence[tuple[str, str]], x: float, top: float, width: float,
    bottom: float, k: float,
) -> None:
    """A vertical line with a filled dot and a bold label per alert, the words beside it."""
    available = top - bottom
    step = min(available / max(len(rows), 1), 22 * mm * k)
    size = min(16 * k, step * 0.4)

    def label_width(size: float) -> float:
        return 19 * mm * k + max(
            canvas.stringWidth(label, FONT_BOLD, size * 1.1) for label, _w in rows
        )

    def tallest(size: float) -> float:
        style = ParagraphStyle("t", fontName=FONT_REGULAR, fontSize=size, leading=size * 1.22)
        room = width - label_width(size)
        return max(Paragraph(escape(words), style).wrap(room, 10_000)[1] for _l, words in rows)

    while size > 9 * k and tallest(size) > step * 0.8:  # words must not reach the next row
        size -= 0.5 * k
    label_w = label_width(size)
    dot_x = x + 5 * mm * k
    first_y = top - size
    last_y = first_y - step * (len(rows) - 1)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(3 * k)
    canvas.line(dot_x, first_y + size * 0.35, dot_x, last_y + size * 0.35)
    for i, (label, words) in enumerate(rows):
        y = first_y - i * step
        canvas.setFillColor(INK)
        canvas.circle(dot_x, y + size * 0.35, 3 * mm * k, stroke=0, fill=1)
        canvas.setFont(FONT_BOLD, size * 1.1)
        canvas.drawString(dot_x + 7 * mm * k, y, label)
        _paragraph(canvas, escape(words), x + label_w, y + size * 1.05,
                   width - label_w, size)


def write_poster(model: ContactModel, out: Path, size: str = "A4") -> Path:
    """Write the poster for ``model`` as one portrait page of ``size`` ("A4" or "A3")."""
    if size not in PAGE_SIZES:
        raise ValueError(f"Ukendt papirstørrelse '{size}': vælg A3 eller A4.")
    register_fonts()
    width, height = PAGE_SIZES[size]
    k = width / A4[0]
    margin = 16 * mm * k
    inner = width - 2 * margin
    canvas = Canvas(str(out), pagesize=(width, height))
    canvas.setTitle(f"Kontaktmodellen {model.days_text}")
    canvas.setAuthor("Fremmødepaletten")

    canvas.setFillColor(ACCENT)
    canvas.rect(0, height - 9 * mm * k, width, 9 * mm * k, stroke=0, fill=1)
    canvas.setFillColor(INK)
    top = height - 9 * mm * k - margin
    canvas.setFont(FONT_BOLD, 22 * k)
    canvas.drawString(margin, top - 20 * k, "KONTAKTMODELLEN")
    top -= 28 * k
    name = model.days_text
    name_size = min(88 * k, inner / (0.62 * max(len(name), 1)))
    canvas.setFont(FONT_BOLD, name_size)
    canvas.drawString(margin, top - name_size * 0.8, name)
    top -= name_size * 0.95
    days = ", ".join(str(d) for d in model.days[:-1]) + f" og {model.days[-1]}"
    if len(model.days) == 1:
        days = str(model.days[0])
    top -= _paragraph(
        canvas, f"Lederen kontakter den sygemeldte på dag {days}.",
        margin, top, inner, 15 * k, bold=True,
    )
    top -= 8 * mm * k
    top -= _contact_boxes(canvas, model, margin, top, inner, k)
    top -= 5 * mm * k
    top -= _paragraph(canvas, RULE_TEXT, margin, top, inner, 12.5 * k)
    top -= 5 * mm * k
    canvas.setLineWidth(1.5 * k)
    canvas.line(margin, top, width - margin, top)
    top -= 6 * mm * k
    top -= _paragraph(canvas, "Adviser til lederen", margin, top, inner, 24 * k, bold=True)
    top -= _paragraph(
        canvas, "Tæller fra første sygedag og flyttes ikke, selv om dagen er en fridag.",
        margin, top - 1 * mm * k, inner, 12.5 * k,
    ) + 6 * mm * k
    footer = margin + 8 * k
    _timeline(canvas, poster_alerts(model), margin, top, inner, footer + 6 * mm * k, k)
    canvas.setFont(FONT_REGULAR, 8.5 * k)
    canvas.drawString(margin, margin - 4 * k, f"{model.title} · Fremmødepaletten")
    canvas.showPage()
    canvas.save()
    return out
