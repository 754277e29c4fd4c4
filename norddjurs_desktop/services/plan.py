"""The action plan of a screening: gathered from the database, written as PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import col, select

from norddjurs_desktop.domain.palette import PALETTE_DECK_KEY, PALETTE_TITLES
from norddjurs_desktop.domain.plan import (
    ActionPlan,
    PlanAction,
    PlanCardNote,
    PlanParticipant,
    PlanTheme,
    ScoreSpread,
)
from norddjurs_desktop.services.actions import list_actions
from norddjurs_desktop.services.decks.library import get_deck
from norddjurs_desktop.services.errors import NotFoundError, ServiceError
from norddjurs_desktop.services.rounds import spreads as round_spreads
from norddjurs_desktop.services.screenings import get_screening
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Card, CardNote, Deck, DeckTheme

_FALLBACK_COLOURS = ("#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00")


def palette_look(db: Database) -> dict[str, tuple[str, str, str]]:
    """Theme key → (title, colour, symbol) as the palette deck in the database has them."""
    try:
        deck = get_deck(db, PALETTE_DECK_KEY)
        return {t.key: (t.title, t.colour, t.symbol) for t in deck.themes}
    except NotFoundError:
        return {
            key: (title, _FALLBACK_COLOURS[i % 6], "circle")
            for i, (key, title) in enumerate(PALETTE_TITLES.items())
        }


def card_notes(db: Database, screening_id: int) -> tuple[
    dict[str, tuple[PlanCardNote, ...]], tuple[PlanCardNote, ...]
]:
    """What the group wrote beside cards: palette theme key → its notes, and the notes
    on cards of the other decks (named by deck and theme), in the decks' own order."""
    with db.session() as session:
        rows = session.exec(
            select(CardNote, Card, DeckTheme, Deck)
            .join(Card, col(Card.id) == col(CardNote.card_id))
            .join(DeckTheme, col(DeckTheme.id) == col(Card.theme_id))
            .join(Deck, col(Deck.id) == col(Card.deck_id))
            .where(CardNote.screening_id == screening_id, CardNote.note != "")
            .order_by(col(Deck.position), col(DeckTheme.position), col(Card.position))
        ).all()
        found = [(d.key, d.title, t.key, t.title, c.text, n.note) for n, c, t, d in rows]
    palette: dict[str, list[PlanCardNote]] = {}
    others: list[PlanCardNote] = []
    for deck_key, deck_title, theme_key, theme_title, text, note in found:
        if not note.strip():
            continue
        if deck_key == PALETTE_DECK_KEY:
            palette.setdefault(theme_key, []).append(PlanCardNote(text, note))
        else:
            others.append(PlanCardNote(text, note, f"{deck_title} – {theme_title}"))
    return {key: tuple(notes) for key, notes in palette.items()}, tuple(others)


def build_action_plan(
    db: Database, screening_id: int, spreads: dict[str, ScoreSpread] | None = None
) -> ActionPlan:
    """Everything the plan prints, read as one snapshot of the file.

    The plan reads the screening, the round, the card notes, the actions and the
    follow-up through several services; one outer session makes all of them join
    one transaction, so an edit saved meanwhile (the facilitator's window while a
    colleague's export runs) is either wholly in the plan or wholly out of it. The
    session takes the write lock for these few reads; the PDF is written after it.
    """
    with db.session():
        return _gather_plan(db, screening_id, spreads)


def _gather_plan(
    db: Database, screening_id: int, spreads: dict[str, ScoreSpread] | None
) -> ActionPlan:
    screening = get_screening(db, screening_id)
    look = palette_look(db)
    if spreads is None:  # the screening's own hidden round, if one was held
        spreads = round_spreads(db, screening_id)
    notes, other_notes = card_notes(db, screening_id)
    from norddjurs_desktop.services.followup import carried_origins, follow_up_report

    origins = carried_origins(db, screening_id)
    themes = tuple(
        PlanTheme(
            key=a.theme_key,
            title=look.get(a.theme_key, (a.theme_key, "#808080", "circle"))[0],
            colour=look.get(a.theme_key, ("", "#808080", "circle"))[1],
            symbol=look.get(a.theme_key, ("", "#808080", "circle"))[2],
            score=a.score,
            resources=a.resources,
            challenges=a.challenges,
            priority=a.priority,
            spread=spreads.get(a.theme_key),
            card_notes=notes.get(a.theme_key, ()),
        )
        for a in screening.assessments
    )
    actions = tuple(
        PlanAction(
            theme_title=look.get(a.theme_key, ("",))[0] if a.theme_key else "",
            problem=a.problem,
            action=a.action,
            owner=a.owner,
            deadline=a.deadline,
            follow_up=a.follow_up,
            status=a.status,
            success=a.success,
            data_reference=a.data_reference,
            carried_from=origins.get(a.id) if a.id is not None else None,
        )
        for a in list_actions(db, screening_id)
    )
    return ActionPlan(
        unit_name=screening.unit_name,
        screening_date=screening.date,
        forum=screening.forum,
        purpose=screening.purpose,
        participants=tuple(PlanParticipant(p.name, p.role) for p in screening.participants),
        themes=themes,
        actions=actions,
        next_follow_up=screening.next_follow_up,
        anonymous_round=any(s.scores or s.passes for s in spreads.values()),
        created=date.today(),
        summary=screening.summary,
        other_card_notes=other_notes,
        follow_up=follow_up_report(db, screening_id),
    )


def export_plan(
    db: Database, screening_id: int, out: Path, *, with_card_notes: bool = True
) -> Path:
    """Write the plan PDF; raises OSError when the file cannot be written, and a
    Danish ServiceError naming the text when something is too large for a page."""
    plan = build_action_plan(db, screening_id)
    from reportlab.platypus import LayoutError

    from norddjurs_desktop.reports.plan_pdf import PlanTooLargeError, write_action_plan

    try:
        write_action_plan(plan, out, with_card_notes=with_card_notes)
    except PlanTooLargeError as error:
        raise ServiceError(
            f"{error.what} er for lang til siden. Del teksten op, og prøv igen."
        ) from error
    except LayoutError as error:  # outside our own flowables; never show reportlab's words
        raise ServiceError(
            "En tekst i handlingsplanen er for lang til siden. Del teksten op, og prøv igen."
        ) from error
    return out
