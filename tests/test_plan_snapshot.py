"""The plan is one moment of the screening, even when another window saves while it is read.

The export reads the screening, its round, card notes, actions and the
follow-up through several services. Here a colleague's program saves a new
summary and a new action in one commit right in the middle of those reads;
the plan must show either neither or both, never the summary from before and
the action from after.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from norddjurs_desktop.services import actions, followup, plan, screenings, units
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.errors import DatabaseBusyError

DAY = date(2025, 3, 10)


def _action(what: str) -> ActionData:
    return ActionData(id=None, theme_key="data", problem="Vi ser ikke tallene.", action=what,
                      owner="Leder", deadline=date(2025, 4, 1), follow_up=date(2025, 5, 1),
                      status="ikke startet", success="Tallene vises.")


def _colleague_saves(other: Database, screening_id: int) -> None:
    """A new summary and a new action, committed together by another program."""
    with other.session():
        screenings.update_preparation(other, screening_id, summary="Efter kollegaens rettelse")
        actions.add_action(other, screening_id, _action("Kollegaens nye handling"))


def test_a_plan_read_while_another_program_saves_shows_one_moment(
    db, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = units.create_unit(db, "Plejecentret Solsikken")
    sid = screenings.create_screening(db, unit, on=DAY)
    screenings.update_preparation(db, sid, summary="Aftalt på mødet")
    actions.add_action(db, sid, _action("Fraværstal på hvert møde"))

    impatient = Database(db_path, busy_timeout_ms=0)  # says at once whether it could save
    patient = Database(db_path)  # a normal program: waits for the lock, then saves
    outcome: list[str] = []
    writer: list[threading.Thread] = []
    read_card_notes = plan.card_notes

    def card_notes_while_colleague_saves(
        database: Database, screening_id: int
    ) -> tuple[dict, tuple]:
        # after the screening (with its summary) was read, before the actions are
        try:
            _colleague_saves(impatient, sid)
            outcome.append("saved during the export")
        except DatabaseBusyError:
            outcome.append("waited for the export")
            thread = threading.Thread(target=_colleague_saves, args=(patient, sid))
            thread.start()
            writer.append(thread)
        return read_card_notes(database, screening_id)

    monkeypatch.setattr(plan, "card_notes", card_notes_while_colleague_saves)
    try:
        during = plan.build_action_plan(db, sid)
        for thread in writer:
            thread.join(timeout=30)
        monkeypatch.setattr(plan, "card_notes", read_card_notes)
        after = plan.build_action_plan(db, sid)
    finally:
        impatient.close()
        patient.close()

    assert outcome == ["waited for the export"]
    assert during.summary == "Aftalt på mødet"
    assert [a.action for a in during.actions] == ["Fraværstal på hvert møde"]
    # the colleague's edit was not lost, only kept out of the plan being made
    assert after.summary == "Efter kollegaens rettelse"
    assert [a.action for a in after.actions] == [
        "Fraværstal på hvert møde", "Kollegaens nye handling"
    ]


def test_a_follow_up_review_is_read_as_one_moment(
    db, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review lists the previous plan's actions beside this meeting's answers; an
    action carried over meanwhile must not show with half of its review."""
    unit = units.create_unit(db, "Rengøringen Nord")
    first = screenings.create_screening(db, unit, on=DAY)
    actions.add_action(db, first, _action("Fast plan for dækning"))
    origin = actions.list_actions(db, first)[0]
    new = followup.start_follow_up(db, unit, on=date(2025, 9, 1))
    impatient = Database(db_path, busy_timeout_ms=0)
    refused: list[bool] = []
    read_actions = followup.list_actions

    def actions_while_colleague_edits(database: Database, screening_id: int) -> list:
        if refused:  # the colleague's own save reads the list too: interfere once
            return read_actions(database, screening_id)
        refused.append(True)
        try:
            with impatient.session():
                followup.review_action(impatient, new, origin.id or 0, effect="ja",
                                       status="gennemført")
            refused[0] = False
        except DatabaseBusyError:
            pass
        return read_actions(database, screening_id)

    monkeypatch.setattr(followup, "list_actions", actions_while_colleague_edits)
    try:
        reviews = followup.list_reviews(db, new)
    finally:
        impatient.close()
    assert refused == [True]
    assert [(r.action.status, r.effect) for r in reviews] == [("ikke startet", "")]
