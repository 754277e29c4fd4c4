"""The action plan of a screening: gathered from the database, written as PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from norddjurs_desktop.domain.palette import PALETTE_DECK_KEY, PALETTE_TITLES
from norddjurs_desktop.domain.plan import (
    ActionPlan,
    PlanAction,
    PlanParticipant,
    PlanTheme,
    ScoreSpread,
)
from norddjurs_desktop.services.actions import list_actions
from norddjurs_desktop.services.decks.library import get_deck
from norddjurs_desktop.services.errors import NotFoundError
from norddjurs_desktop.services.rounds import spreads as round_spreads
from norddjurs_desktop.services.screenings import get_screening
from norddjurs_desktop.storage.database import Database

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


def build_action_plan(
    db: Database, screening_id: int, spreads: dict[str, ScoreSpread] | None = None
) -> ActionPlan:
    screening = get_screening(db, screening_id)
    look = palette_look(db)
    if spreads is None:  # the screening's own hidden round, if one was held
        spreads = round_spreads(db, screening_id)
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
    )


def export_plan(db: Database, screening_id: int, out: Path) -> Path:
    """Write the plan PDF; raises OSError when the file cannot be written."""
    plan = build_action_plan(db, screening_id)
    from norddjurs_desktop.reports.plan_pdf import write_action_plan

    write_action_plan(plan, out)
    return out
