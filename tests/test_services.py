"""Use cases without a window: what the GUI and the CLI both rely on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from norddjurs_desktop.domain.palette import PALETTE_KEYS
from norddjurs_desktop.services import actions, screenings, units
from norddjurs_desktop.services.decks import library as decks
from norddjurs_desktop.services.demo import DEMO_UNIT, create_demo
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.services.errors import ValidationError
from norddjurs_desktop.services.overview import list_units

# Every use case here runs on a SQLite file and on the PostgreSQL test server.
pytestmark = pytest.mark.both_databases

DAY = date(2026, 3, 2)


def _action(**changes: object) -> ActionData:
    base = ActionData(
        id=None,
        theme_key="data",
        problem="Vi ser ikke tallene",
        action="Fraværstal på hvert TRIO-møde",
        owner="Leder",
        deadline=DAY + timedelta(days=30),
        follow_up=DAY + timedelta(days=60),
        status="ikke startet",
        success="Tallene er gennemgået tre gange",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def screening(db) -> int:
    unit_id = units.create_unit(db, "Hjemmeplejen Øst")
    return screenings.create_screening(db, unit_id, on=DAY, forum="TRIO")


def test_a_unit_name_must_be_unique_ignoring_case(db) -> None:
    units.create_unit(db, "Børnehuset Mælkebøtten")
    with pytest.raises(ValidationError, match="findes allerede"):
        units.create_unit(db, "  børnehuset   mælkebøtten ")
    with pytest.raises(ValidationError, match="navn"):
        units.create_unit(db, "   ")


def test_a_new_screening_has_all_eight_themes_unscored(db, screening) -> None:
    data = screenings.get_screening(db, screening)
    assert [a.theme_key for a in data.assessments] == list(PALETTE_KEYS)
    assert all(a.score is None for a in data.assessments)


def test_scores_notes_and_priorities_are_kept(db, screening) -> None:
    screenings.set_score(db, screening, "culture", 2)
    screenings.set_notes(
        db, screening, "culture", resources="Vi hjælper hinanden", challenges="Snak i krogene"
    )
    screenings.set_priorities(db, screening, ["culture", "data"])
    data = screenings.get_screening(db, screening)
    culture = data.assessment("culture")
    assert (culture.score, culture.resources, culture.challenges, culture.priority) == (
        2,
        "Vi hjælper hinanden",
        "Snak i krogene",
        1,
    )
    assert data.assessment("data").priority == 2
    with pytest.raises(ValidationError):
        screenings.set_score(db, screening, "culture", 6)


def test_an_action_with_a_deadline_before_the_screening_is_refused(db, screening) -> None:
    with pytest.raises(ValidationError, match="før screeningens dato"):
        actions.add_action(db, screening, _action(deadline=DAY - timedelta(days=1)))
    with pytest.raises(ValidationError, match="før deadline"):
        actions.add_action(db, screening, _action(follow_up=DAY + timedelta(days=10)))
    with pytest.raises(ValidationError, match="hvad handlingen"):
        actions.add_action(db, screening, _action(action="  "))
    assert actions.list_actions(db, screening) == []


def test_a_deleted_action_comes_back_with_its_id_and_place(db, screening) -> None:
    first = actions.add_action(db, screening, _action(action="Første")).value
    second = actions.add_action(db, screening, _action(action="Anden")).value
    removed = actions.delete_action(db, first.id or 0).value
    actions.add_action(db, screening, _action(action="Tredje"))
    restored = actions.restore_action(db, screening, removed).value
    assert restored.id == first.id
    assert [a.action for a in actions.list_actions(db, screening)] == ["Første", "Anden", "Tredje"]
    assert second.id != restored.id


def test_the_latest_screening_is_the_one_changed_last(db) -> None:
    unit_id = units.create_unit(db, "Rengøringen")
    older = screenings.create_screening(db, unit_id, on=DAY)
    newer = screenings.create_screening(db, unit_id, on=DAY + timedelta(days=1))
    assert screenings.latest_screening_id(db) == newer
    import time

    time.sleep(1.1)  # updated_at has whole seconds
    screenings.set_score(db, older, "data", 4)
    assert screenings.latest_screening_id(db) == older


def test_shipped_decks_are_loaded_and_user_edits_and_notes_survive_an_update(
    db, screening, tmp_path: Path
) -> None:
    palette = decks.get_deck(db, "palette")
    assert [t.key for t in palette.themes] == list(PALETTE_KEYS)
    card = palette.themes[0].cards[0]
    decks.set_card_note(db, screening, "palette", card.id, discussed=True, note="Godt kort")

    from norddjurs_desktop.domain.decks import Card, deck_to_toml, load_deck
    from norddjurs_desktop.paths import DECKS

    newer = load_deck(DECKS / "palette.toml")
    newer.version += 1
    newer.themes[0].cards.append(Card(id="handling-99", text="Et helt nyt kort om 1-3-10."))
    newer.themes[0].cards[0].text = "Ny udgave af det første kort."
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "palette.toml").write_text(deck_to_toml(newer), encoding="utf-8")
    decks.sync_shipped_decks(db, folder)

    updated = decks.get_deck(db, "palette")
    texts = [c.text for c in updated.themes[0].cards]
    assert "Et helt nyt kort om 1-3-10." in texts
    assert updated.themes[0].cards[0].text == "Ny udgave af det første kort."
    notes = decks.card_notes(db, screening, "palette")
    assert notes[card.id].discussed and notes[card.id].note == "Godt kort"


def test_the_demo_is_a_finished_screening(db) -> None:
    screening_id = create_demo(db)
    data = screenings.get_screening(db, screening_id)
    assert data.unit_name == DEMO_UNIT
    assert all(a.score is not None and (a.resources or a.challenges) for a in data.assessments)
    assert len([a for a in data.assessments if a.priority]) == 2
    assert len(actions.list_actions(db, screening_id)) >= 5
    # running it again replaces the demo rather than adding a second one
    create_demo(db)
    assert [u.name for u in list_units(db)].count(DEMO_UNIT) == 1


def test_every_edit_says_what_it_changed_so_other_screenings_views_stay_put(db) -> None:
    """The views decide from the service's answer: an edit of one screening touches that
    screening and its unit, and a view of a neighbour's screening is left alone."""
    from norddjurs_desktop.services import followup, rounds
    from norddjurs_desktop.services.changes import Changes, Kind

    unit = units.create_unit(db, "Hjemmeplejen Nord")
    neighbour = units.create_unit(db, "Hjemmeplejen Syd")
    sid = screenings.create_screening(db, unit, on=DAY)
    other = screenings.create_screening(db, neighbour, on=DAY)
    pid = screenings.add_participant(db, sid, "Karen", "Leder")
    stored = actions.add_action(db, sid, _action())
    action_id = stored.value.id or 0
    follow = followup.start_follow_up(db, unit, on=DAY + timedelta(days=90))
    edits: list[tuple[Changes, Kind, int]] = [
        (unit.changes, Kind.UNITS, sid),
        (sid.changes, Kind.SCREENINGS, sid),
        (screenings.update_preparation(db, sid, summary="Aftalt"), Kind.SCREENING, sid),
        (pid.changes, Kind.PARTICIPANTS, sid),
        (screenings.update_participant(db, pid, "Karen Ø", "Leder"), Kind.PARTICIPANTS, sid),
        (screenings.set_score(db, sid, "data", 3), Kind.ASSESSMENTS, sid),
        (screenings.set_notes(db, sid, "data", resources="Tal"), Kind.ASSESSMENTS, sid),
        (screenings.set_priorities(db, sid, ["data"]), Kind.PRIORITIES, sid),
        (stored.changes, Kind.ACTIONS, sid),
        (actions.reorder_actions(db, sid, [action_id]), Kind.ACTIONS, sid),
        (rounds.start_round(db, sid, ["data"]), Kind.ROUNDS, sid),
        (rounds.record_votes(db, sid, "Karen", "Leder", {"data": 2}), Kind.ROUNDS, sid),
        (follow.changes, Kind.SCREENINGS, follow),
        (followup.review_action(db, follow, action_id, status="i gang").changes,
         Kind.ACTIONS, sid),  # the status is the last plan's
        (followup.carry_over(db, follow, action_id).changes, Kind.ACTIONS, follow),
        (screenings.remove_participant(db, pid), Kind.PARTICIPANTS, sid),
        (units.rename_unit(db, unit, "Hjemmeplejen Nord-Øst"), Kind.UNITS, sid),
    ]
    for changes, kind, screening_id in edits:
        assert changes.touches(kind, screening_id=screening_id, unit_id=unit), changes
        assert not changes.touches(kind, screening_id=other, unit_id=neighbour), changes
    assert rounds.set_anonymity(db, sid, "navne") == Changes()  # already so: nothing
    gone = units.delete_unit(db, unit)
    assert gone.touches(Kind.ABSENCE, unit_id=unit)  # its imported data went with it
    assert not gone.touches(Kind.ABSENCE, unit_id=neighbour)


def test_absence_and_setting_services_say_what_they_changed(db, tmp_path) -> None:
    """Key figures, deleting an import and the contact model report their own Changes."""
    from datetime import date as day

    from norddjurs_desktop.paths import DEMO
    from norddjurs_desktop.services.absence import import_absence_files
    from norddjurs_desktop.services.absence_import import delete_import
    from norddjurs_desktop.services.changes import Kind
    from norddjurs_desktop.services.contact import set_model_choice
    from norddjurs_desktop.services.key_figures import (
        KeyFigureRow,
        delete_key_figure,
        save_key_figure,
    )

    unit = units.create_unit(db, "Plejecenter Åbo")
    saved = save_key_figure(db, unit, KeyFigureRow(day(2025, 3, 1), 6.5, 120.0, 20.0))
    assert saved.touches(Kind.ABSENCE, unit_id=unit) and not saved.touches(Kind.ACTIONS)
    assert delete_key_figure(db, unit, day(2025, 3, 1)).touches(Kind.ABSENCE, unit_id=unit)
    info = import_absence_files(db, unit, DEMO / "medarbejdere.csv", DEMO / "fravaer.csv")
    assert info.changes.touches(Kind.ABSENCE, unit_id=unit)
    assert not info.changes.touches(Kind.ABSENCE, unit_id=unit + 1)
    assert delete_import(db, info.id).touches(Kind.ABSENCE, unit_id=unit)
    changed = set_model_choice(db, "1-5-14")
    assert changed.value.key == "1-5-14" and changed.changes.touches(Kind.CONTACT_MODEL)
