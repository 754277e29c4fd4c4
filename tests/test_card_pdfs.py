"""Printed dialogue cards and the palette board: content, duplex geometry, page sizes."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import MagicMock

import pytest
from pypdf import PdfReader

from norddjurs_desktop.domain.decks import SYMBOLS, Card, Deck, Theme
from norddjurs_desktop.reports.board_pdf import board_grid, write_board
from norddjurs_desktop.reports.cards_pdf import (
    MARKER_PREFIX,
    PADDING,
    CardLayout,
    card_rect,
    draw_crop_marks,
    write_card_set,
)

DECKS_DIR = Path(__file__).resolve().parents[1] / "resources" / "decks"
HIDDEN_TEXT = "Dette skjulte kort må aldrig komme med på tryk"
LONG_TEXT = " ".join(
    ["Hvordan taler vi om fravær, så ingen føler sig udstillet eller kontrolleret?"] * 4
)
COLOURS = ("#c0392b", "#2e86c1", "#27ae60", "#f1c40f", "#8e44ad", "#e67e22", "#16a085", "#7f8c8d")
KINDS = ("spørgsmål", "dilemma", "refleksion", "start", "stop")


def make_deck(key: str = "palette", themes: int = 8, cards: int = 3) -> Deck:
    deck = Deck(key=key, title=f"Kortsæt {key} – æøå", description="Til test", version=1)
    for t in range(themes):
        theme = Theme(
            key=f"{key}-t{t}",
            title=f"Tema {t} Tilbage til arbejdet",
            description="Delvis raskmelding, tilpasninger, velkomst og fastholdelsesplanen.",
            colour=COLOURS[t % len(COLOURS)],
            symbol=SYMBOLS[t % len(SYMBOLS)],
        )
        for c in range(cards):
            text = (
                LONG_TEXT
                if c == 2
                else f"Spørgsmål {key} {t}.{c}: hvad gør vi når en kollega ringer?"
            )
            theme.cards.append(Card(id=f"{key}-{t}-{c}", text=text, kind=KINDS[(t + c) % 5]))
        deck.themes.append(theme)
    deck.themes[-1].cards.append(Card(id=f"{key}-hidden", text=HIDDEN_TEXT, hidden=True))
    return deck


def normalise(text: str) -> str:
    return " ".join(text.split())


def text_positions(reader: PdfReader, index: int) -> list[tuple[str, float, float]]:
    """Every text show on a page with its start point in page coordinates."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x, y))

    reader.pages[index].extract_text(visitor_text=visit)
    return found


@pytest.fixture
def card_set(tmp_path: Path) -> tuple[list[Deck], CardLayout, PdfReader]:
    decks = [make_deck("palette", 8, 3), make_deck("tryghed", 1, 7)]
    out = tmp_path / "kort.pdf"
    layout = write_card_set(decks, out)
    return decks, layout, PdfReader(str(out))


def test_pages_alternate_fronts_with_card_texts_and_backs_without(card_set) -> None:
    decks, layout, reader = card_set
    visible = [(t, c) for d in decks for t, c in d.all_cards() if not c.hidden]
    assert len(layout.cards) == len(visible) == 31
    assert len(reader.pages) == layout.page_count == 2 * 4
    texts = [normalise(page.extract_text()) for page in reader.pages]
    for placed, (theme, card) in zip(layout.cards, visible, strict=True):
        assert placed.card_id == card.id
        assert placed.front_page % 2 == 0 and placed.back_page == placed.front_page + 1
        assert normalise(card.text) in texts[placed.front_page]
        assert theme.title in texts[placed.back_page]
    for back in texts[1::2]:
        assert not any(normalise(card.text)[:40] in back for _, card in visible)
        assert "Kortsæt" in back


def test_hidden_cards_are_left_out(card_set) -> None:
    _, layout, reader = card_set
    assert all(not placed.card_id.endswith("hidden") for placed in layout.cards)
    whole = normalise(" ".join(page.extract_text() for page in reader.pages))
    assert normalise(HIDDEN_TEXT) not in whole
    assert "Spørgsmål palette 0.0" in whole  # Danish letters survive the TTF


def test_text_is_at_least_ten_points(card_set) -> None:
    _, layout, _ = card_set
    assert all(placed.font_size >= 10 for placed in layout.cards)
    assert any(placed.font_size >= 11 for placed in layout.cards)
    assert not any(placed.truncated for placed in layout.cards)


def test_backs_sit_at_mirrored_position_in_layout(card_set) -> None:
    _, layout, _ = card_set
    for placed in layout.cards:
        front, back = placed.front, placed.back
        assert back.x == pytest.approx(layout.page_width - front.x - front.width)
        assert back.y == pytest.approx(front.y)
        assert front.x > 0 and front.x + front.width < layout.page_width
        assert front.y > 0 and front.y + front.height < layout.page_height


def test_backs_sit_at_mirrored_position_in_pdf(card_set) -> None:
    decks, layout, reader = card_set
    width = float(reader.pages[0].mediabox.width)
    assert width == pytest.approx(layout.page_width)
    cards = {c.id: c for d in decks for _, c in d.all_cards()}
    positions = {i: text_positions(reader, i) for i in range(len(reader.pages))}
    for placed in layout.cards:
        marker = MARKER_PREFIX + placed.card_id
        fronts = [(x, y) for t, x, y in positions[placed.front_page] if t == marker]
        backs = [(x, y) for t, x, y in positions[placed.back_page] if t == marker]
        assert len(fronts) == len(backs) == 1
        (xf, yf), (xb, yb) = fronts[0], backs[0]
        assert xb == pytest.approx(width - xf - layout.card_width, abs=0.5)
        assert yb == pytest.approx(yf, abs=0.5)
        # The visible card text starts inside the front, at its left padding.
        first_word = cards[placed.card_id].text.split()[0]
        starts = [(x, y) for t, x, y in positions[placed.front_page] if t.startswith(first_word)]
        assert any(
            x == pytest.approx(xf + PADDING, abs=0.5) and yf < y < yf + layout.card_height
            for x, y in starts
        )


def test_crop_marks_never_touch_a_card() -> None:
    canvas = MagicMock()
    draw_crop_marks(canvas)
    lines = [call.args for call in canvas.line.call_args_list]
    assert len(lines) == 2 * 4 + 2 * 8
    cards = [card_rect(slot) for slot in range(8)]
    for x1, y1, x2, y2 in lines:
        for r in cards:
            overlaps_x = min(x1, x2) < r.x + r.width and max(x1, x2) > r.x
            overlaps_y = min(y1, y2) < r.y + r.height and max(y1, y2) > r.y
            assert not (overlaps_x and overlaps_y)
            assert not (r.x <= x1 <= r.x + r.width and r.y <= y1 <= r.y + r.height)


def test_theme_selection(tmp_path: Path) -> None:
    deck = make_deck()
    layout = write_card_set([deck], tmp_path / "a.pdf", theme_keys={"palette-t3"})
    assert {p.theme_key for p in layout.cards} == {"palette-t3"}
    assert layout.page_count == 2
    with pytest.raises(ValueError, match="Ukendte temaer"):
        write_card_set([deck], tmp_path / "b.pdf", theme_keys={"findes-ikke"})
    with pytest.raises(ValueError):
        write_card_set([deck], tmp_path / "c.pdf", theme_keys=set())


@pytest.mark.parametrize(
    ("size", "expected"), [("A3", (1190.55, 841.89)), ("A4", (841.89, 595.28))]
)
def test_board_is_landscape_in_the_asked_size(tmp_path: Path, size: str, expected) -> None:
    deck = make_deck()
    out = tmp_path / "plade.pdf"
    write_board(deck, out, size)
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(expected, abs=0.01)
    text = normalise(reader.pages[0].extract_text())
    for theme in deck.themes:
        assert theme.title in text
    assert deck.title in text and "Vores fokus" in text


@pytest.mark.parametrize("size", ["A5", "a3", "", "Letter"])
def test_board_refuses_other_sizes(tmp_path: Path, size: str) -> None:
    with pytest.raises(ValueError, match="papirstørrelse"):
        write_board(make_deck(), tmp_path / "plade.pdf", size)
    assert not (tmp_path / "plade.pdf").exists()


@pytest.mark.parametrize("count", range(1, 15))
def test_board_has_a_place_for_every_theme(tmp_path: Path, count: int) -> None:
    columns, rows, cells, centre = board_grid(count)
    assert len(cells) >= count and len(set(cells)) == len(cells)
    centre_cells = {
        (c, r)
        for c in range(centre.column, centre.column + centre.columns)
        for r in range(centre.row, centre.row + centre.rows)
    }
    assert centre_cells and not centre_cells & set(cells[:count])
    assert all(0 <= c < columns and 0 <= r < rows for c, r in cells)
    write_board(make_deck(themes=count), tmp_path / "plade.pdf", "A4")


@pytest.mark.parametrize("name", ["palette", "tryghed", "aktoerskab"])
def test_shipped_decks_print(tmp_path: Path, name: str) -> None:
    path = DECKS_DIR / f"{name}.toml"
    if not path.exists():
        pytest.skip(f"{path.name} is not there yet")
    from norddjurs_desktop.domain.decks import load_deck

    deck = load_deck(path)
    layout = write_card_set([deck], tmp_path / "kort.pdf")
    assert len(layout.cards) == sum(1 for _, c in deck.all_cards() if not c.hidden)
    assert all(p.font_size >= 10 for p in layout.cards)
    write_board(deck, tmp_path / "plade.pdf")


def test_printed_cards_are_named_by_theme_and_number_not_by_internal_id(tmp_path: Path) -> None:
    """HR and the group see "Håndtering 1" on the card, never "handling-01"."""
    from norddjurs_desktop.reports.cards_pdf import card_label

    cards = [Card("handling-01", "Hvem ringer?"), Card("handling-02", "Hvornår?", "dilemma")]
    theme = Theme("handling", "Håndtering", "", "#e69f00", "circle", cards)
    assert card_label(theme, cards[1]) == "Håndtering 2"
    deck = Deck("palette", "Paletten", "", 1, [theme])
    pdf = tmp_path / "kort.pdf"
    write_card_set([deck], pdf)
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Håndtering 1" in text and "Håndtering 2" in text
    # only the invisible marker (for these tests) still carries the id
    visible = text.replace(f"{MARKER_PREFIX}handling-01", "").replace(
        f"{MARKER_PREFIX}handling-02", ""
    )
    assert "handling-0" not in visible
