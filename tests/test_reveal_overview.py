"""The reveal as one overview: all eight themes on a 1366×768 laptop, one click per agreed score."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from norddjurs_desktop.domain.palette import PALETTE_KEYS
from norddjurs_desktop.services import rounds
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.ui.common.operations import change_hub
from norddjurs_desktop.ui.rounds.score_dots import DOT, ScoreDots
from norddjurs_desktop.ui.shell.main_window import MainWindow

VOTERS = [
    ("Birgitte Østergaard", "Leder", 2),
    ("Åse Lund", "TR", 3),
    ("Jørgen Ås", "AMR", 3),
    ("Mette Sørensen", "Medarbejder", 3),
    ("Kim Bo", "Medarbejder", 5),
]


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    main = MainWindow(tmp_path / "reveal.sqlite")
    qtbot.addWidget(main)
    main.resize(1366, 740)  # a 1366×768 screen less the window's title bar
    main.show()
    with qtbot.waitSignal(main.databaseOpened, timeout=20_000):
        main.open_database()
    with qtbot.waitSignal(main.screeningOpened, timeout=20_000):
        main.home.open_demo()
    qtbot.waitExposed(main)
    page = main.screening_page
    sid, db = page.store.screening_id, page.store.db
    rounds.start_round(db, sid, list(PALETTE_KEYS))
    for offset, (name, role, score) in enumerate(VOTERS):
        votes: dict[str, int | None] = {
            key: min(5, score + (i + offset) % 2) for i, key in enumerate(PALETTE_KEYS)
        }
        rounds.record_votes(db, sid, name, role, votes)
    change_hub().announce(Changes.of(Kind.ROUNDS, screening_id=sid))
    page.go_to_step(1)
    yield main


def test_the_reveal_shows_all_eight_themes_without_scrolling(qtbot, window: MainWindow) -> None:
    dialog = window.screening_page.mapping.round_buttons.open_reveal()
    qtbot.waitExposed(dialog)
    view = dialog.view
    assert view.order() and set(view.order()) == set(PALETTE_KEYS)
    qtbot.waitUntil(lambda: view.results_scroll.verticalScrollBar().maximum() == 0)
    for key, row in view.rows.items():
        assert not row.visibleRegion().isEmpty(), key
        assert row.visibleRegion().boundingRect().height() == row.height(), key
    dialog.reject()


def test_one_click_agrees_a_theme_and_brug_medianerne_fills_the_rest(
    qtbot, window: MainWindow
) -> None:
    page = window.screening_page
    dialog = page.mapping.round_buttons.open_reveal()
    view = dialog.view
    before = {key: page.store.data.assessment(key).score for key in PALETTE_KEYS}
    chosen = 1 if before["culture"] != 1 else 2
    qtbot.mouseClick(
        view.findChild(QPushButton, f"agree_culture_{chosen}"), Qt.MouseButton.LeftButton
    )
    assert page.store.data.assessment("culture").score == chosen
    depth = window.undo_stack.count()
    qtbot.mouseClick(view.findChild(QPushButton, "useAllMedians"), Qt.MouseButton.LeftButton)
    after = {key: page.store.data.assessment(key).score for key in PALETTE_KEYS}
    assert after["culture"] == chosen  # the one the group chose stays
    for key in PALETTE_KEYS:
        if key != "culture":
            assert after[key] == view.rows[key].proposal, key
            assert view.rows[key].score_buttons[after[key]].isChecked()
    assert window.undo_stack.count() == depth + 1  # one step for all of them
    window.undo_stack.undo()
    assert {k: page.store.data.assessment(k).score for k in PALETTE_KEYS} == {
        **before,
        "culture": chosen,
    }
    dialog.reject()


def test_identical_votes_sit_side_by_side_and_never_overlap(qtbot) -> None:
    dots = ScoreDots()
    qtbot.addWidget(dots)
    dots.resize(360, 60)
    names = [f"Deltager {n}" for n in range(12)]
    dots.set_round([3] * 9 + [2, 4, 4], 3.0, names)
    dots.show()
    qtbot.waitExposed(dots)
    centres = dots.dot_centres()
    assert len(centres) == 12
    for a, b in itertools.combinations(centres, 2):
        distance = ((a.x() - b.x()) ** 2 + (a.y() - b.y()) ** 2) ** 0.5
        assert distance >= DOT
    assert all(c.y() - DOT / 2 >= 0 and c.y() + DOT / 2 <= dots.height() for c in centres)
    # the names are told in words (tooltip and reader), never painted over each other
    assert "3: Deltager" in dots.toolTip()


def test_identical_votes_never_overlap_in_the_plan_pdf_figure() -> None:
    from norddjurs_desktop.reports.palette_figure import spread_positions

    ring = 3.8 / 72 + 0.8 / 72  # the ring's diameter and edge, in inches
    for scores in ([3] * 7 + [4, 4], [1] * 12, [2, 2, 3, 3, 3, 5]):
        positions = spread_positions(scores, 1.0)
        assert len(positions) == len(scores)
        for (x1, y1), (x2, y2) in itertools.combinations(positions, 2):
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= ring
