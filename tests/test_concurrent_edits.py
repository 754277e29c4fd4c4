"""Two people editing one screening: the second is told, reloaded, and keeps the text typed.

Each person is a separate :class:`Database` on the same file or server (as two
laptops are), with the screening open in a store and edits pushed as the pages
push them (:func:`push_guarded` with the real undo commands).
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QUndoStack

from norddjurs_desktop.services import actions, screenings, units
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.services.screening_versions import ConflictError, check_version
from norddjurs_desktop.storage.database import open_database
from norddjurs_desktop.ui.screening.screening_store import ScreeningStore
from norddjurs_desktop.ui.screening.undo_commands import (
    AddActionCommand,
    SetNotesCommand,
    SetScoreCommand,
)
from norddjurs_desktop.ui.screening.undo_guard import push_guarded

pytestmark = pytest.mark.both_databases

CONFLICT = "ændret af en anden – genindlæst"


@pytest.fixture
def two_people(db, qtbot):  # noqa: ARG001 - qtbot: a QApplication for the stores
    unit_id = units.create_unit(db, "Rengøringen Syd")
    screening_id = screenings.create_screening(db, unit_id, on=date(2026, 11, 2))
    other = open_database(db.location)  # the second laptop
    anne, bo = ScreeningStore(db, screening_id), ScreeningStore(other, screening_id)
    yield anne, bo
    other.close()


def _told(store: ScreeningStore) -> list[str]:
    messages: list[str] = []
    store.failed.connect(messages.append)
    return messages


def test_the_second_note_is_refused_with_its_text_kept_and_the_page_reloaded(two_people) -> None:
    anne, bo = two_people
    told_bo = _told(bo)
    assert push_guarded(
        QUndoStack(), SetNotesCommand(anne, "data", "resources", "Vi har faste tal."), anne
    )

    stack = QUndoStack()
    stored = push_guarded(
        stack, SetNotesCommand(bo, "data", "resources", "Bo skrev noget andet."), bo
    )

    assert not stored and stack.count() == 0
    assert CONFLICT in told_bo[-1] and "Bo skrev noget andet." in told_bo[-1]
    stored_now = screenings.get_screening(anne.db, anne.screening_id).assessment("data")
    assert stored_now.resources == "Vi har faste tal."  # Anne's note was not overwritten
    assert bo.data.assessment("data").resources == "Vi har faste tal."  # Bo sees it now

    # Having seen Anne's note, Bo's next edit is stored — and now Anne is the one told.
    told_anne = _told(anne)
    assert push_guarded(stack, SetScoreCommand(bo, "data", 4), bo)
    assert not push_guarded(QUndoStack(), SetScoreCommand(anne, "data", 1), anne)
    assert CONFLICT in told_anne[-1]
    assert screenings.get_screening(bo.db, bo.screening_id).assessment("data").score == 4


def test_an_undo_after_someone_else_edited_is_refused(two_people) -> None:
    anne, bo = two_people
    stack = QUndoStack()
    assert push_guarded(stack, SetScoreCommand(anne, "culture", 2), anne)
    note = SetNotesCommand(bo, "culture", "challenges", "Travlt.")
    assert not push_guarded(QUndoStack(), note, bo)  # refused once: Bo had not seen the score
    assert push_guarded(QUndoStack(), SetNotesCommand(bo, "culture", "challenges", "Travlt."), bo)
    told_anne = _told(anne)

    stack.undo()

    assert CONFLICT in told_anne[-1]
    stored = screenings.get_screening(bo.db, bo.screening_id).assessment("culture")
    assert (stored.score, stored.challenges) == (2, "Travlt.")


def test_an_action_typed_while_the_plan_changed_elsewhere_is_kept_in_the_message(
    two_people,
) -> None:
    anne, bo = two_people
    told_bo = _told(bo)
    assert push_guarded(QUndoStack(), SetScoreCommand(anne, "data", 3), anne)
    data = ActionData(id=None, theme_key="data", problem="Ingen tal", action="Tal på tavlen",
                      owner="Leder", deadline=date(2026, 12, 1), follow_up=None,
                      status="ikke startet", success="")

    assert not push_guarded(QUndoStack(), AddActionCommand(bo, data), bo)

    assert "Tal på tavlen" in told_bo[-1]
    assert actions.list_actions(anne.db, anne.screening_id) == []


def test_the_check_sees_an_edit_committed_after_the_version_was_read(db) -> None:
    unit_id = units.create_unit(db, "Køkkenet")
    screening_id = screenings.create_screening(db, unit_id, on=date(2026, 11, 2))
    seen = screenings.get_screening(db, screening_id)
    other = open_database(db.location)
    try:
        version = db.read("SELECT version FROM screening WHERE id = ?", (screening_id,))[0][0]
        screenings.set_score(other, screening_id, "data", 5)
        with pytest.raises(ConflictError, match=CONFLICT), db.session():
            check_version(db, screening_id, version)
            screenings.set_score(db, screening_id, "data", 1)  # never reached
    finally:
        other.close()
    assert screenings.get_screening(db, seen.id).assessment("data").score == 5


def test_two_pages_on_one_screening_keep_the_second_persons_typing(db, qtbot) -> None:
    """Through the real note fields: Bo's note is refused, stays in his field marked
    unsaved, his page shows Anne's note, and his next save goes through."""
    from norddjurs_desktop.ui.screening.screening_page import ScreeningPage

    unit_id = units.create_unit(db, "Skolen ved Søen")
    screening_id = screenings.create_screening(db, unit_id, on=date(2026, 11, 2))
    other = open_database(db.location)
    try:
        pages = [ScreeningPage(d, screening_id, QUndoStack()) for d in (db, other)]
        for page in pages:
            qtbot.addWidget(page)
            page.mapping.open_theme("data")
        anne, bo = (page.mapping.theme_view for page in pages)

        anne.resources.setPlainText("Tallene ligger på intra.")
        anne.resources.flush()
        bo.challenges.setPlainText("Ingen ser på dem.")
        bo.challenges.flush()

        assert bo.challenges.unsaved and bo.challenges.toPlainText() == "Ingen ser på dem."
        assert CONFLICT in pages[1].unsaved.label.text()
        qtbot.waitUntil(lambda: bo.resources.toPlainText() == "Tallene ligger på intra.")
        assert bo.challenges.toPlainText() == "Ingen ser på dem."  # the reload kept it

        bo.challenges.flush()
        assert not bo.challenges.unsaved
        stored = screenings.get_screening(db, screening_id).assessment("data")
        assert (stored.resources, stored.challenges) == (
            "Tallene ligger på intra.", "Ingen ser på dem.")
    finally:
        other.close()


def test_two_edits_at_the_same_moment_never_both_pass_the_check(db) -> None:
    """The check locks: the second edit waits for the first to commit, then is refused."""
    import threading
    import time

    from norddjurs_desktop.services.screening_versions import stored_version

    unit_id = units.create_unit(db, "Biblioteket")
    screening_id = screenings.create_screening(db, unit_id, on=date(2026, 11, 2))
    other = open_database(db.location)
    version = stored_version(db, screening_id)
    inside, outcome = threading.Event(), {}

    def edit(database, score: int, hold: bool) -> None:
        try:
            with database.session():
                check_version(database, screening_id, version)
                screenings.set_score(database, screening_id, "data", score)
                if hold:
                    inside.set()
                    time.sleep(0.5)  # the other edit arrives meanwhile (not asserted on)
            outcome[score] = "gemt"
        except ConflictError:
            outcome[score] = "afvist"

    first = threading.Thread(target=edit, args=(db, 2, True))
    first.start()
    assert inside.wait(10)
    second = threading.Thread(target=edit, args=(other, 5, False))
    second.start()
    first.join(20)
    second.join(20)
    other.close()

    # The threads report in either order once the first has committed.
    assert outcome == {2: "gemt", 5: "afvist"}
    assert screenings.get_screening(db, screening_id).assessment("data").score == 2


def test_the_message_with_the_kept_text_can_be_selected_for_copying(qtbot) -> None:
    from PySide6.QtCore import Qt

    from norddjurs_desktop.ui.widgets.unsaved_banner import UnsavedBanner

    banner = UnsavedBanner()
    qtbot.addWidget(banner)
    banner.show_failure("Screeningen er ændret af en anden – genindlæst. »Min tekst«")
    banner.label.setSelection(0, len(banner.label.text()))
    assert banner.label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert "Min tekst" in banner.label.selectedText()
