"""Dialogue cards as a printable A4 PDF: eight cards per sheet, fronts and backs.

Pages alternate front, back, front, back … so that printing double-sided with
"flip on long edge" puts every back behind its own front. A long-edge flip
mirrors the sheet left-right, so each back is drawn at the horizontally
mirrored position of its front. Crop marks sit in the page margins only.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from norddjurs_desktop.domain.decks import Card, Deck, Theme
from norddjurs_desktop.reports.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from norddjurs_desktop.reports.symbols import draw_symbol, ink_on, tint

PAGE_WIDTH, PAGE_HEIGHT = A4
CARD_WIDTH = 90 * mm
CARD_HEIGHT = 62 * mm
COLUMNS, ROWS = 2, 4
CARDS_PER_SHEET = COLUMNS * ROWS
GUTTER = 6 * mm
BLEED = 2 * mm
MARGIN_X = (PAGE_WIDTH - COLUMNS * CARD_WIDTH - (COLUMNS - 1) * GUTTER) / 2
MARGIN_Y = (PAGE_HEIGHT - ROWS * CARD_HEIGHT - (ROWS - 1) * GUTTER) / 2
PADDING = 5 * mm
BAND_HEIGHT = 13 * mm
TEXT_MAX_SIZE = 14.0
TEXT_MIN_SIZE = 10.0
MARK_GAP = 3 * mm  # space between a card edge and the start of its crop mark
MARK_LENGTH = 5 * mm
DARK = HexColor("#1a1a1a")
GREY = HexColor("#666666")
MARKER_PREFIX = "kort:"  # invisible text at each card's corner, for tests and tools

KIND_LABELS = {
    "spørgsmål": "Spørgsmål",
    "dilemma": "Dilemma",
    "refleksion": "Refleksion",
    "start": "Start – gør mere",
    "stop": "Stop – gør mindre",
}


@dataclass(frozen=True)
class Rect:
    """A rectangle in PDF points, origin at the bottom-left corner of the page."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class PlacedCard:
    """Where one card landed: page indices are 0-based, fronts on even pages."""

    deck_key: str
    theme_key: str
    card_id: str
    front_page: int
    back_page: int
    front: Rect
    back: Rect
    font_size: float  # size the card text was set in
    truncated: bool  # True if even TEXT_MIN_SIZE could not hold the whole text


@dataclass
class CardLayout:
    page_width: float
    page_height: float
    card_width: float
    card_height: float
    page_count: int = 0
    cards: list[PlacedCard] = field(default_factory=list)

    def card(self, card_id: str) -> PlacedCard:
        for placed in self.cards:
            if placed.card_id == card_id:
                return placed
        raise KeyError(card_id)


def card_rect(slot: int) -> Rect:
    """Front position of slot 0–7 on a sheet: left to right, top to bottom."""
    column, row = slot % COLUMNS, slot // COLUMNS
    x = MARGIN_X + column * (CARD_WIDTH + GUTTER)
    y = PAGE_HEIGHT - MARGIN_Y - CARD_HEIGHT - row * (CARD_HEIGHT + GUTTER)
    return Rect(x, y, CARD_WIDTH, CARD_HEIGHT)


def mirrored(rect: Rect) -> Rect:
    """Where a back goes so that a long-edge duplex flip puts it behind ``rect``."""
    return Rect(PAGE_WIDTH - rect.x - rect.width, rect.y, rect.width, rect.height)


def fit_line(text: str, font: str, size: float, width: float, min_size: float) -> tuple[str, float]:
    """Shrink a one-line text down to ``min_size``; cut it with an ellipsis after that."""
    while size > min_size and stringWidth(text, font, size) > width:
        size -= 0.5
    if stringWidth(text, font, size) <= width:
        return text, size
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…", size


def fit_title(text: str, width: float, largest: float, smallest: float) -> tuple[list[str], float]:
    """Bold title: one line down to ``smallest``, then two lines 1 pt smaller, then cut."""
    for lines_allowed, top, bottom in ((1, largest, smallest), (2, largest - 1, smallest - 1)):
        size = top
        while size >= bottom:
            lines = simpleSplit(text, FONT_BOLD, size, width)
            if len(lines) <= lines_allowed:
                return lines, size
            size -= 0.5
    line, size = fit_line(text, FONT_BOLD, smallest - 1, width, smallest - 1)
    return [line], size


def wrap_to_fit(
    text: str, font: str, width: float, height: float, max_size: float, min_size: float
) -> tuple[list[str], float, bool]:
    """Wrap ``text`` at the largest size from ``max_size`` down that fits the box.

    Returns the lines, the size and whether the text had to be cut (only when
    even ``min_size`` is too large; the last line then ends with an ellipsis).
    """
    size = max_size
    while True:
        leading = size * 1.25
        lines = simpleSplit(" ".join(text.split()), font, size, width)
        if len(lines) * leading <= height:
            return lines, size, False
        if size <= min_size:
            break
        size = max(min_size, size - 0.5)
    keep = max(1, int(height // (size * 1.25)))
    lines = lines[:keep]
    last = lines[-1]
    while last and stringWidth(last + " …", font, size) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    lines[-1] = last + " …"
    return lines, size, True


def _marker(canvas: Canvas, x: float, y: float, text: str) -> None:
    """Invisible (render mode 3) text, so the card can be found in the PDF."""
    marker = canvas.beginText(x, y)
    marker.setFont(FONT_REGULAR, 1)
    marker.setTextRenderMode(3)
    marker.textOut(text)
    canvas.drawText(marker)


def _band(canvas: Canvas, rect: Rect, colour: Color, height: float, top: bool) -> None:
    """A colour band across the card, bleeding past the cut lines it touches."""
    y = rect.y + rect.height - height if top else rect.y - BLEED
    canvas.setFillColor(colour)
    canvas.rect(rect.x - BLEED, y, rect.width + 2 * BLEED, height + BLEED, stroke=0, fill=1)


def _outline(canvas: Canvas, rect: Rect) -> None:
    """A hairline on the cut line: a guide for scissors, gone after a clean cut."""
    canvas.setStrokeColor(HexColor("#c8c8c8"))
    canvas.setLineWidth(0.25)
    canvas.rect(rect.x, rect.y, rect.width, rect.height, stroke=1, fill=0)


def card_label(theme: Theme, card: Card) -> str:
    """The printed name of a card: its theme and its number within the theme."""
    ids = [c.id for c in theme.cards]
    number = ids.index(card.id) + 1 if card.id in ids else 0
    return f"{theme.title} {number}" if number else theme.title


def draw_front(canvas: Canvas, rect: Rect, deck: Deck, theme: Theme, card: Card) -> PlacedCard:
    colour = HexColor(theme.colour)
    ink = ink_on(colour)
    canvas.saveState()
    _outline(canvas, rect)  # first, so the band covers it where they meet
    _band(canvas, rect, colour, BAND_HEIGHT, top=True)
    symbol_size = 8 * mm
    band_mid = rect.y + rect.height - BAND_HEIGHT / 2
    draw_symbol(
        canvas, theme.symbol, rect.x + PADDING + symbol_size / 2, band_mid, symbol_size, fill=ink
    )
    title_x = rect.x + PADDING + symbol_size + 3 * mm
    titles, size = fit_title(theme.title, rect.x + rect.width - PADDING - title_x, 13, 11)
    canvas.setFillColor(ink)
    canvas.setFont(FONT_BOLD, size)
    for number, line in enumerate(titles):
        offset = ((len(titles) - 1) / 2 - number) * size * 1.15
        canvas.drawString(title_x, band_mid + offset - size * 0.35, line)

    kind_y = rect.y + rect.height - BAND_HEIGHT - 5.5 * mm
    canvas.setFillColor(GREY)
    canvas.setFont(FONT_BOLD, 9.5)
    canvas.drawString(rect.x + PADDING, kind_y, KIND_LABELS.get(card.kind, card.kind).upper())

    footer_y = rect.y + 3.5 * mm
    canvas.setFont(FONT_REGULAR, 7)
    inner = rect.width - 2 * PADDING
    label, _ = fit_line(card_label(theme, card), FONT_REGULAR, 7, inner * 0.45, 7)
    room = inner - stringWidth(label, FONT_REGULAR, 7) - 3 * mm
    footer, _ = fit_line(deck.title, FONT_REGULAR, 7, room, 7)
    canvas.drawString(rect.x + PADDING, footer_y, footer)
    # "Håndtering 3", never the internal id ("handling-03" reads as Danish for "action")
    canvas.drawRightString(rect.x + rect.width - PADDING, footer_y, label)

    text_top = kind_y - 3 * mm
    text_bottom = footer_y + 7 + 2.5 * mm
    lines, size, truncated = wrap_to_fit(
        card.text,
        FONT_REGULAR,
        rect.width - 2 * PADDING,
        text_top - text_bottom,
        TEXT_MAX_SIZE,
        TEXT_MIN_SIZE,
    )
    text = canvas.beginText(rect.x + PADDING, text_top - size)
    text.setFont(FONT_REGULAR, size, size * 1.25)
    text.setFillColor(DARK)
    text.textLines(lines)
    canvas.drawText(text)
    _marker(canvas, rect.x, rect.y, f"{MARKER_PREFIX}{card.id}")
    canvas.restoreState()
    return PlacedCard(deck.key, theme.key, card.id, 0, 0, rect, rect, size, truncated)


def draw_back(canvas: Canvas, rect: Rect, deck: Deck, theme: Theme, card: Card) -> None:
    colour = HexColor(theme.colour)
    ink = ink_on(colour)
    canvas.saveState()
    canvas.setFillColor(tint(colour, 0.82))
    canvas.rect(
        rect.x - BLEED,
        rect.y - BLEED,
        rect.width + 2 * BLEED,
        rect.height + 2 * BLEED,
        stroke=0,
        fill=1,
    )
    band = 10 * mm
    _band(canvas, rect, colour, band, top=True)
    _band(canvas, rect, colour, 4 * mm, top=False)
    deck_title, deck_size = fit_line(deck.title, FONT_BOLD, 11, rect.width - 2 * PADDING, 8)
    canvas.setFillColor(ink)
    canvas.setFont(FONT_BOLD, deck_size)
    cx = rect.x + rect.width / 2
    canvas.drawCentredString(cx, rect.y + rect.height - band / 2 - deck_size * 0.35, deck_title)

    symbol_size = 20 * mm
    symbol_y = rect.y + rect.height - band - 3.5 * mm - symbol_size * 0.68
    canvas.setFillColor(HexColor("#ffffff"))
    canvas.circle(cx, symbol_y, symbol_size * 0.68, stroke=0, fill=1)
    draw_symbol(
        canvas, theme.symbol, cx, symbol_y, symbol_size, fill=colour, stroke=DARK, line_width=1.2
    )
    names, size = fit_title(theme.title, rect.width - 2 * PADDING, 15, 12)
    canvas.setFillColor(DARK)
    canvas.setFont(FONT_BOLD, size)
    for number, line in enumerate(names):  # last line on the same baseline, more go upwards
        baseline = rect.y + (11 if len(names) == 1 else 8.5) * mm
        canvas.drawCentredString(cx, baseline + (len(names) - 1 - number) * size * 1.15, line)
    _marker(canvas, rect.x, rect.y, f"{MARKER_PREFIX}{card.id}")
    canvas.restoreState()


def draw_crop_marks(canvas: Canvas) -> None:
    """Short lines in the outer margins, continuing every cut line; none touch a card."""
    canvas.saveState()
    canvas.setStrokeColor(HexColor("#000000"))
    canvas.setLineWidth(0.3)
    top, bottom = PAGE_HEIGHT - MARGIN_Y, MARGIN_Y
    left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
    for column in range(COLUMNS):
        x0 = MARGIN_X + column * (CARD_WIDTH + GUTTER)
        for x in (x0, x0 + CARD_WIDTH):
            canvas.line(x, top + MARK_GAP, x, top + MARK_GAP + MARK_LENGTH)
            canvas.line(x, bottom - MARK_GAP, x, bottom - MARK_GAP - MARK_LENGTH)
    for row in range(ROWS):
        y0 = PAGE_HEIGHT - MARGIN_Y - CARD_HEIGHT - row * (CARD_HEIGHT + GUTTER)
        for y in (y0, y0 + CARD_HEIGHT):
            canvas.line(left - MARK_GAP, y, left - MARK_GAP - MARK_LENGTH, y)
            canvas.line(right + MARK_GAP, y, right + MARK_GAP + MARK_LENGTH, y)
    canvas.restoreState()


def _sheet_note(canvas: Canvas, sheet: int, sheets: int, front: bool) -> None:
    """Printing hint and sheet number in the top margin, clear of the crop marks."""
    canvas.saveState()
    canvas.setFillColor(GREY)
    canvas.setFont(FONT_REGULAR, 7)
    y = PAGE_HEIGHT - MARGIN_Y + MARK_GAP + 1.5 * mm
    side = "forside" if front else "bagside"
    canvas.drawString(MARGIN_X + 3 * mm, y, "Udskriv dobbeltsidet, vend på den lange kant, 100 %")
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X - 3 * mm, y, f"Ark {sheet} af {sheets} · {side}")
    canvas.restoreState()


def selected_cards(
    decks: list[Deck], theme_keys: set[str] | None
) -> list[tuple[Deck, Theme, Card]]:
    """Visible cards of the chosen themes, in deck and theme order."""
    if theme_keys is not None:
        known = {theme.key for deck in decks for theme in deck.themes}
        unknown = sorted(theme_keys - known)
        if unknown:
            raise ValueError(f"Ukendte temaer: {', '.join(unknown)}.")
    return [
        (deck, theme, card)
        for deck in decks
        for theme in deck.themes
        if theme_keys is None or theme.key in theme_keys
        for card in theme.cards
        if not card.hidden
    ]


def write_card_set(decks: list[Deck], out: Path, theme_keys: set[str] | None = None) -> CardLayout:
    """Write the visible cards of ``decks`` (optionally only ``theme_keys``) to ``out``.

    Raises ``ValueError`` with a Danish message if a theme key is unknown or
    there is no visible card to print.
    """
    cards = selected_cards(decks, theme_keys)
    if not cards:
        raise ValueError("Der er ingen synlige kort i de valgte kortsæt og temaer.")
    register_fonts()
    layout = CardLayout(PAGE_WIDTH, PAGE_HEIGHT, CARD_WIDTH, CARD_HEIGHT)
    canvas = Canvas(str(out), pagesize=A4)
    titles = list(dict.fromkeys(deck.title for deck in decks))
    canvas.setTitle("Dialogkort – " + ", ".join(titles))
    canvas.setAuthor("Fremmødepaletten")
    sheets = (len(cards) + CARDS_PER_SHEET - 1) // CARDS_PER_SHEET
    for sheet in range(sheets):
        chunk = cards[sheet * CARDS_PER_SHEET : (sheet + 1) * CARDS_PER_SHEET]
        draw_crop_marks(canvas)
        _sheet_note(canvas, sheet + 1, sheets, front=True)
        placed = [draw_front(canvas, card_rect(slot), *item) for slot, item in enumerate(chunk)]
        canvas.showPage()
        _sheet_note(canvas, sheet + 1, sheets, front=False)
        for slot, item in enumerate(chunk):
            back = mirrored(card_rect(slot))
            draw_back(canvas, back, *item)
            layout.cards.append(
                replace(placed[slot], front_page=2 * sheet, back_page=2 * sheet + 1, back=back)
            )
        canvas.showPage()
    canvas.save()
    layout.page_count = 2 * sheets
    return layout
