"""Every voice counted: a hidden round on the shared laptop, the reveal, and the agreed score.

A TRIO of three scores all eight themes on their own, one at a time: the
leader first, the TR's scores typed in by the facilitator (he is on the
phone), and the AMR, who passes on one theme. The reveal shows the dots and
the medians; the group takes the median of the most disputed theme as its
shared score. In each anonymity mode the names go exactly where they may.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QMessageBox, QPushButton
from sqlmodel import select

from norddjurs_desktop.domain.palette import PALETTE_KEYS
from norddjurs_desktop.services import rounds as round_service
from norddjurs_desktop.services import screenings as screening_service
from norddjurs_desktop.services.errors import ValidationError
from norddjurs_desktop.services.plan import build_action_plan, export_plan
from norddjurs_desktop.services.units import create_unit
from norddjurs_desktop.storage.round_models import Vote
from norddjurs_desktop.ui.rounds.reveal_view import RevealView
from norddjurs_desktop.ui.rounds.round_dialog import RoundDialog
from norddjurs_desktop.ui.rounds.score_dots import ScoreDots
from norddjurs_desktop.ui.screening.screening_page import ScreeningPage

PEOPLE = [("Birgit Løvstrøm", "Leder"), ("Søren Åkjær", "TR"), ("Ønne Hald", "AMR")]
NAMES = [name for name, _ in PEOPLE]
# each person's own scores; None = "Ved ikke". "culture" is where they differ most.
BALLOTS: dict[str, dict[str, int | None]] = {
    "Birgit Løvstrøm": {key: 4 for key in PALETTE_KEYS} | {"culture": 5},
    "Søren Åkjær": {key: 2 for key in PALETTE_KEYS},
    "Ønne Hald": {key: 3 for key in PALETTE_KEYS} | {"culture": None},
}
FACILITATOR_ENTERS_FOR = "Søren Åkjær"


def click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def make_screening(db) -> int:
    unit_id = create_unit(db, "Plejecentret Ærøhøj")
    screening_id = screening_service.create_screening(db, unit_id, on=date(2026, 11, 23))
    for name, role in PEOPLE:
        screening_service.add_participant(db, screening_id, name, role)
    return screening_id


def choose_anonymity(qtbot, page: ScreeningPage, mode: str, monkeypatch) -> None:
    combo = page.preparation.findChild(QComboBox, "anonymityCombo")
    asked: list[str] = []

    def confirm(*args, **_kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    index = combo.findData(mode)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert combo.currentData() == mode
    if mode == "anonym":
        assert asked and "kan ikke fortrydes" in asked[0]
        assert not combo.isEnabled()  # locked for good
    else:
        assert not asked and combo.isEnabled()


def vote_through_the_dialog(qtbot, dialog: RoundDialog, mode: str) -> None:
    for number, (name, role) in enumerate(PEOPLE, start=1):
        handover = dialog.findChild(QLabel, "handoverLabel")
        assert dialog.pages.currentWidget() is dialog.handover
        assert f"{number} af 3" in dialog.findChild(QLabel, "handoverProgress").text()
        start = dialog.findChild(QPushButton, "startVoterButton")
        if mode == "anonym":
            assert handover.text() == "Giv computeren videre til næste deltager"
            assert start.text() == "Næste deltager – start"
        else:
            assert handover.text() == f"Giv computeren videre til {name} ({role})"
            assert start.text() == f"Jeg er {name} – start"
        if name == FACILITATOR_ENTERS_FOR:
            click(qtbot, dialog.findChild(QPushButton, "facilitatorEntryButton"))
        else:
            click(qtbot, start)
        assert dialog.pages.currentWidget() is dialog.ballot
        # a fresh sheet: nothing of the previous voter's answers is on it
        assert dialog.ballot.answers() == {}
        save = dialog.findChild(QPushButton, "saveBallotButton")
        assert not save.isEnabled()
        for key, score in BALLOTS[name].items():
            suffix = "pass" if score is None else str(score)
            click(qtbot, dialog.findChild(QPushButton, f"ballot_{key}_{suffix}"))
        click(qtbot, save)
    assert dialog.pages.currentWidget() is dialog.done_page


def stored_votes(db, screening_id: int) -> list[Vote]:
    with db.session() as session:
        return list(session.exec(select(Vote).where(Vote.screening_id == screening_id)).all())


@pytest.mark.parametrize("mode", ["navne", "facilitator", "anonym"])
def test_a_trio_holds_a_hidden_round_and_agrees_a_score(
    qtbot, db, tmp_path: Path, monkeypatch, mode: str
) -> None:
    screening_id = make_screening(db)
    undo_stack = QUndoStack()
    page = ScreeningPage(db, screening_id, undo_stack)
    qtbot.addWidget(page)
    page.show()
    choose_anonymity(qtbot, page, mode, monkeypatch)

    # the round from the palette page: all eight themes, all three participants
    page.go_to_step(1)
    buttons = page.mapping.round_buttons
    assert not buttons.show_button.isEnabled()  # no round yet
    assert buttons.round_button.objectName() == "roundButton"
    click(qtbot, buttons.round_button)
    dialog = buttons.round_dialog
    assert dialog is not None and dialog.isVisible()
    for key in PALETTE_KEYS:
        assert dialog.findChild(QCheckBox, f"roundTheme_{key}").isChecked()
    click(qtbot, dialog.findChild(QPushButton, "roundStartButton"))
    vote_through_the_dialog(qtbot, dialog, mode)

    # reveal: every score as a dot, the median and the spread
    click(qtbot, dialog.findChild(QPushButton, "showRevealButton"))
    reveal = dialog.reveal
    assert isinstance(reveal, RevealView)
    assert set(reveal.order()) == set(PALETTE_KEYS)
    culture = reveal.findChild(ScoreDots, "dots_culture")
    assert sorted(culture.scores) == [2, 5] and culture.median == 3.5
    summary = reveal.findChild(QLabel, "revealSummary_culture").text()
    assert "Median 3,5" in summary and "1 ved ikke" in summary and "Stor uenighed" in summary
    assert "1 indtastet af facilitator" in summary
    handling = reveal.findChild(ScoreDots, "dots_handling")
    assert sorted(handling.scores) == [2, 3, 4] and handling.median == 3.0

    # names beside the dots only where the mode allows, in the shared view
    names_button = reveal.findChild(QPushButton, "facilitatorNamesButton")
    if mode == "navne":
        assert sorted(culture.names) == ["Birgit Løvstrøm", "Søren Åkjær"]
        assert "Ønne Hald" in reveal.findChild(QLabel, "revealPasses_culture").full_text()
    else:
        assert culture.names == [] and handling.names == []
        every_text = " ".join(label.text() for label in reveal.findChildren(QLabel))
        assert not any(name in every_text for name in NAMES)
    if mode == "facilitator":  # the facilitator may look, on purpose
        assert names_button.isVisibleTo(reveal)
        names_button.click()
        facilitator_dots = reveal.findChild(ScoreDots, "dots_culture")
        assert sorted(facilitator_dots.names) == ["Birgit Løvstrøm", "Søren Åkjær"]
        names_button.click()
        assert reveal.findChild(ScoreDots, "dots_culture").names == []
    else:
        assert not names_button.isVisibleTo(reveal)

    # most disagreement first: culture (2 and 5) leads
    reveal.findChild(QCheckBox, "sortByDisagreement").setChecked(True)
    assert reveal.order()[0] == "culture"

    # the median of culture becomes the shared score (3,5 rounds up to 4) …
    click(qtbot, reveal.findChild(QPushButton, "useMedian_culture"))
    assert page.store.data.assessment("culture").score == 4
    assert "4 – ressource" in reveal.findChild(QLabel, "agreed_culture").text()
    # … and for handling the group picks another score than the median
    click(qtbot, reveal.findChild(QPushButton, "agree_handling_2"))
    assert page.store.data.assessment("handling").score == 2
    undo_stack.undo()
    assert page.store.data.assessment("handling").score is None
    undo_stack.redo()

    # the individual votes are kept beside the agreed score
    votes = stored_votes(db, screening_id)
    assert len(votes) == 3 * len(PALETTE_KEYS)
    culture_votes = sorted((v.score or 0) for v in votes if v.theme_key == "culture")
    assert culture_votes == [0, 2, 5]
    assert sum(v.by_facilitator for v in votes) == len(PALETTE_KEYS)
    if mode == "anonym":
        assert all(v.voter == "" and v.voter_role == "" for v in votes)
        assert len({v.created_at for v in votes}) == 1  # the clock tells no order either
    else:
        assert {v.voter for v in votes} == set(NAMES)
        assert all(v.by_facilitator == (v.voter == FACILITATOR_ENTERS_FOR) for v in votes)

    click(qtbot, dialog.findChild(QPushButton, "closeRoundButton"))
    assert not dialog.isVisible()

    # "Vis runden" opens the reveal again
    assert buttons.show_button.isEnabled()
    click(qtbot, buttons.show_button)
    assert buttons.reveal_dialog is not None
    again = buttons.reveal_dialog.view
    assert set(again.order()) == set(PALETTE_KEYS)
    assert (again.findChild(ScoreDots, "dots_culture").names != []) == (mode == "navne")
    buttons.reveal_dialog.reject()

    # the plan: the agreed score, and the spread in words; no voter's name with it
    plan = build_action_plan(db, screening_id)
    assert plan.anonymous_round
    assert plan.themes[PALETTE_KEYS.index("culture")].spread is not None
    pdf = export_plan(db, screening_id, tmp_path / "plan.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    flat = " ".join(text.split())
    assert "Den skjulte runde: median 3,5" in flat
    assert "score 4 – ressource" in flat
    round_lines = [line for line in text.splitlines() if "skjulte runde" in line]
    assert len(round_lines) >= 2  # the themes with an agreed score get a block of their own
    for line in round_lines:
        assert not any(name in line for name in NAMES)
    # names appear only where people are listed and sign, never beside a score
    scoring_part = flat.split("Paletten – overblik", 1)[1].split("Underskrifter", 1)[0]
    assert not any(name in scoring_part for name in NAMES)


def test_one_theme_from_its_own_page(qtbot, db) -> None:
    screening_id = make_screening(db)
    page = ScreeningPage(db, screening_id, QUndoStack())
    qtbot.addWidget(page)
    page.go_to_step(1)
    page.mapping.open_theme("data")
    buttons = page.mapping.theme_view.round_buttons
    click(qtbot, buttons.round_button)
    dialog = buttons.round_dialog
    assert dialog is not None
    checked = [k for k in PALETTE_KEYS if dialog.setup.theme_boxes[k].isChecked()]
    assert checked == ["data"]
    click(qtbot, dialog.findChild(QPushButton, "roundStartButton"))
    for name, _role in PEOPLE:
        click(qtbot, dialog.findChild(QPushButton, "startVoterButton"))
        assert list(dialog.ballot.groups) == ["data"]
        click(qtbot, dialog.findChild(QPushButton, f"ballot_data_{BALLOTS[name]['data']}"))
        click(qtbot, dialog.findChild(QPushButton, "saveBallotButton"))
    click(qtbot, dialog.findChild(QPushButton, "showRevealButton"))
    assert dialog.reveal is not None and dialog.reveal.order() == ["data"]
    assert buttons.show_button.isEnabled()
    assert page.mapping.round_buttons.show_button.isEnabled()  # the palette sees it too


# -- the service on its own ---------------------------------------------------------------


def test_anonymous_cannot_be_switched_back(db) -> None:
    screening_id = make_screening(db)
    assert round_service.anonymity(db, screening_id) == "navne"
    round_service.set_anonymity(db, screening_id, "facilitator")
    round_service.set_anonymity(db, screening_id, "navne")  # still free to change
    round_service.set_anonymity(db, screening_id, "anonym")
    for mode in ("navne", "facilitator"):
        with pytest.raises(ValidationError, match="kan ikke fortrydes"):
            round_service.set_anonymity(db, screening_id, mode)
    assert round_service.anonymity(db, screening_id) == "anonym"
    with pytest.raises(ValidationError):
        round_service.set_anonymity(db, screening_id, "hemmelig")


def test_choosing_anonymous_wipes_names_already_given(db) -> None:
    screening_id = make_screening(db)
    round_service.record_votes(db, screening_id, "Birgit Løvstrøm", "Leder", {"data": 4})
    round_service.set_anonymity(db, screening_id, "anonym")
    votes = stored_votes(db, screening_id)
    assert [(v.voter, v.voter_role, v.score) for v in votes] == [("", "", 4)]


def test_a_new_round_replaces_the_theme_and_a_revote_replaces_the_person(db) -> None:
    screening_id = make_screening(db)
    round_service.record_votes(db, screening_id, "Birgit Løvstrøm", "Leder", {"data": 4})
    round_service.record_votes(db, screening_id, "Birgit Løvstrøm", "Leder", {"data": 2})
    round_service.record_votes(db, screening_id, "Ønne Hald", "AMR", {"data": None, "return": 5})
    assert round_service.spreads(db, screening_id)["data"].scores == (2,)
    assert round_service.spreads(db, screening_id)["data"].passes == 1
    round_service.start_round(db, screening_id, ["data"])
    assert set(round_service.spreads(db, screening_id)) == {"return"}
    results = round_service.round_results(db, screening_id, for_facilitator=True)
    assert [r.voters[0].name for r in results] == ["Ønne Hald"]


def test_bad_votes_change_nothing(db) -> None:
    screening_id = make_screening(db)
    for scores in ({"data": 6}, {"nope": 3}, {}):
        with pytest.raises(ValidationError):
            round_service.record_votes(db, screening_id, "Birgit Løvstrøm", "Leder", scores)
    with pytest.raises(ValidationError):
        round_service.record_votes(db, screening_id, "  ", "Leder", {"data": 3})
    assert stored_votes(db, screening_id) == []
