"""Printing inside the app: a preview of our PDFs, printed through QPrinter, saved as PDF.

No real print dialog is opened: printing goes to a QPrinter in PDF mode.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel

from norddjurs_desktop.reports.board_pdf import write_board
from norddjurs_desktop.reports.cards_pdf import write_card_set
from norddjurs_desktop.services.decks.library import get_deck
from norddjurs_desktop.ui.printing.choose_dialogs import BoardDialog, CardSetDialog
from norddjurs_desktop.ui.printing.pdf_preview import DUPLEX_HINT, PdfPreviewDialog
from norddjurs_desktop.ui.printing.print_flows import print_board, print_cards


@pytest.fixture
def card_pdf(db, tmp_path: Path) -> Path:
    out = tmp_path / "kort.pdf"
    write_card_set([get_deck(db, "tryghed")], out)
    return out


def pdf_printer(out: Path, resolution: int = 100) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(resolution)
    return printer


def test_the_preview_loads_a_pdf_and_counts_its_pages(qtbot, card_pdf: Path) -> None:
    dialog = PdfPreviewDialog(card_pdf, "Kort til print", "kort.pdf", DUPLEX_HINT)
    qtbot.addWidget(dialog)
    expected = len(PdfReader(card_pdf).pages)
    assert expected >= 2 and dialog.page_count() == expected
    assert dialog.findChild(QLabel, "pageCount").text() == f"{expected} sider"
    assert "vend på den lange kant" in dialog.findChild(QLabel, "printHint").text()


def test_printing_gives_the_same_pages_at_the_same_size(qtbot, card_pdf: Path, tmp_path) -> None:
    dialog = PdfPreviewDialog(card_pdf, "Kort til print", "kort.pdf")
    qtbot.addWidget(dialog)
    printed = tmp_path / "printet.pdf"
    assert dialog.print_to(pdf_printer(printed)) == dialog.page_count()
    source, result = PdfReader(card_pdf), PdfReader(printed)
    assert len(result.pages) == len(source.pages)
    for ours, theirs in zip(source.pages, result.pages, strict=True):  # 100 %, A4 portrait
        assert abs(float(ours.mediabox.width) - float(theirs.mediabox.width)) < 2
        assert abs(float(ours.mediabox.height) - float(theirs.mediabox.height)) < 2


def test_a_page_range_prints_only_those_pages(qtbot, card_pdf: Path, tmp_path: Path) -> None:
    dialog = PdfPreviewDialog(card_pdf, "Kort til print", "kort.pdf")
    qtbot.addWidget(dialog)
    printer = pdf_printer(tmp_path / "to-sider.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert dialog.print_to(printer) == 2
    assert len(PdfReader(tmp_path / "to-sider.pdf").pages) == 2


def test_an_a3_board_prints_landscape_and_saves_as_a_copy(qtbot, db, tmp_path: Path) -> None:
    board = tmp_path / "plade.pdf"
    write_board(get_deck(db, "palette"), board, "A3")
    dialog = PdfPreviewDialog(board, "Spilleplade", "plade.pdf", owns_file=True)
    qtbot.addWidget(dialog)
    printed = tmp_path / "plade-printet.pdf"
    dialog.print_to(pdf_printer(printed, 72))
    page = PdfReader(printed).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    assert abs(float(page.mediabox.width) - 1190.55) < 3  # A3 long side in points

    saved = dialog.save_to(tmp_path / "gemt")
    assert saved.name == "gemt.pdf" and saved.read_bytes() == board.read_bytes()
    dialog.reject()
    assert not board.exists()  # the temporary file went with the preview


def _accept_modal(prepare=None) -> None:
    dialog = QApplication.activeModalWidget()
    if prepare is not None:
        prepare(dialog)
    dialog.accept()


def test_cards_for_print_are_chosen_written_in_the_background_and_previewed(qtbot, db) -> None:
    previews: list[PdfPreviewDialog] = []

    def choose(dialog) -> None:
        assert isinstance(dialog, CardSetDialog)
        assert [d.key for d in dialog.selection()] == ["palette"]

    QTimer.singleShot(0, lambda: _accept_modal(choose))
    task = print_cards(None, db, previews.append)
    assert task is not None
    qtbot.waitUntil(lambda: bool(previews), timeout=20_000)
    preview = previews[0]
    palette_cards = len(get_deck(db, "palette").all_cards())
    assert preview.page_count() == 2 * -(-palette_cards // 8)
    assert preview.pdf_path.exists()
    preview.reject()
    assert not preview.pdf_path.exists()


def test_the_board_is_chosen_as_a4(qtbot, db) -> None:
    previews: list[PdfPreviewDialog] = []

    def choose(dialog) -> None:
        assert isinstance(dialog, BoardDialog)
        dialog.a4.setChecked(True)

    QTimer.singleShot(0, lambda: _accept_modal(choose))
    print_board(None, db, previews.append)
    qtbot.waitUntil(lambda: bool(previews), timeout=20_000)
    size = previews[0].document.pagePointSize(0)
    assert round(size.width()) == 842 and round(size.height()) == 595
    previews[0].reject()
