"""What the plan prints beyond the tables: the agreements, card notes, empty themes,
and a Danish message (never reportlab's) when something will not fit on a page."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from norddjurs_desktop.reports import plan_styles  # noqa: E402
from norddjurs_desktop.services import actions, screenings, units  # noqa: E402
from norddjurs_desktop.services.decks import library as decks  # noqa: E402
from norddjurs_desktop.services.dto import ActionData  # noqa: E402
from norddjurs_desktop.services.errors import ServiceError  # noqa: E402
from norddjurs_desktop.services.plan import export_plan  # noqa: E402

SUMMARY = "Vi aftalte at mødes hver måned og at invitere AMR til alle samtaler om fravær."
CARD_NOTE = "Ingen vidste, hvem der ringer på dag 3, når lederen er på kursus."
OTHER_NOTE = "Det er svært at sige fra på personalemøderne."


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def screening(db) -> int:
    unit = units.create_unit(db, "Hjemmeplejen Syd")
    screening_id = screenings.create_screening(db, unit, on=date(2026, 3, 2))
    screenings.add_participant(db, screening_id, "Åse", "Leder")
    screenings.set_score(db, screening_id, "handling", 2)
    screenings.set_notes(db, screening_id, "handling", resources="Vi ringer altid dag 1.")
    screenings.set_score(db, screening_id, "culture", 4)  # scored, but no notes at all
    screenings.update_preparation(db, screening_id, summary=SUMMARY)
    palette = decks.get_deck(db, "palette")
    handling = next(t for t in palette.themes if t.key == "handling")
    decks.set_card_note(db, screening_id, "palette", handling.cards[0].id, note=CARD_NOTE)
    other = decks.get_deck(db, "tryghed")
    decks.set_card_note(db, screening_id, "tryghed", other.themes[0].cards[0].id,
                        note=OTHER_NOTE)
    return screening_id


def test_summary_prints_above_the_signatures(db, screening: int, tmp_path: Path) -> None:
    text = _text(export_plan(db, screening, tmp_path / "plan.pdf"))
    assert "Resumé og aftaler" in text
    squashed = _squash(text)
    assert _squash(SUMMARY) in squashed
    assert squashed.index(_squash(SUMMARY)) < squashed.index("Underskrifter")


def test_card_notes_print_under_their_theme_unless_left_out(
    db, screening: int, tmp_path: Path
) -> None:
    squashed = _squash(_text(export_plan(db, screening, tmp_path / "med.pdf")))
    note = _squash(CARD_NOTE)
    assert note in squashed
    # under Håndtering: after its heading, before the next theme that is shown
    assert squashed.index("Håndtering·score") < squashed.index(note)
    assert squashed.index(note) < squashed.index("Kulturforfravær·score")
    assert _squash(OTHER_NOTE) in squashed

    without = _squash(_text(export_plan(db, screening, tmp_path / "uden.pdf",
                                        with_card_notes=False)))
    assert note not in without and _squash(OTHER_NOTE) not in without


def test_an_empty_theme_takes_one_line_and_no_filler(db, screening: int, tmp_path: Path) -> None:
    text = _text(export_plan(db, screening, tmp_path / "plan.pdf"))
    assert "Intet noteret" not in text
    assert "Kultur for fravær · score 4 – ressource · ingen noter" in " ".join(text.split())
    assert "Ikke scoret og uden noter:" in text


def test_a_layout_failure_is_told_in_danish_and_names_the_action(
    db, screening: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_text = "Ringe til den sygemeldte på dag tre og aftale næste skridt. " * 120
    actions.add_action(db, screening, ActionData(
        id=None, theme_key="handling", problem="", action=long_text, owner="Leder",
        deadline=None, follow_up=None, status="ikke startet", success="",
    ))
    # What reportlab did before rows could continue on the next page: give up.
    monkeypatch.setattr(plan_styles.FlowingTable, "split", lambda self, w, h: [])
    out = tmp_path / "plan.pdf"
    with pytest.raises(ServiceError) as caught:
        export_plan(db, screening, out)
    message = str(caught.value)
    assert message.startswith("Handlingen 'Ringe til den sygemeldte på dag tre")
    assert "er for lang til siden" in message
    for raw in ("Flowable", "LayoutError", "frame", "template"):
        assert raw not in message
    assert not out.exists()
