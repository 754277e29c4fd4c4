"""The hidden scoring round: anonymity, each participant's own votes, and the results.

Anonymity is kept where the data is written, not where it is shown: in
"anonym" mode the voter's name and role are stored as empty strings, and
after every vote the theme's votes are all written again in one canonical
order (by score) with one shared time stamp (the day), each row padded to
the same size, so that neither the rows, their order, their ids, their
places in the file nor the clock tells who voted when: the same votes cast in
any order leave the same bytes. The file itself keeps nothing
either: it has a rollback journal (deleted at each commit) and
``secure_delete`` (deleted rows are overwritten with zeros).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from norddjurs_desktop.domain.palette import PALETTE_KEYS, ROLES
from norddjurs_desktop.domain.plan import ScoreSpread
from norddjurs_desktop.domain.rounds import ANONYMITY_LABELS, ANONYMITY_MODES, names_visible
from norddjurs_desktop.domain.rounds import spread_of as _spread_of
from norddjurs_desktop.domain.scoring import SCORE_MAX, SCORE_MIN, is_valid_score
from norddjurs_desktop.services.changes import Changes, Kind
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.services.screenings import changed, touch
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Screening
from norddjurs_desktop.storage.round_models import Vote


@dataclass(frozen=True)
class VoterScore:
    """One named vote, only handed out where the anonymity mode allows names."""

    name: str
    role: str
    score: int | None  # None = "ved ikke"
    by_facilitator: bool = False


@dataclass(frozen=True)
class ThemeRound:
    theme_key: str
    scores: tuple[int, ...]  # sorted, so their order tells nothing
    passes: int
    median: float | None
    spread: int | None
    by_facilitator: int  # how many votes the facilitator entered for someone
    names_shown: bool
    voters: tuple[VoterScore, ...] = ()  # empty unless names_shown

    @property
    def score_spread(self) -> ScoreSpread:
        return ScoreSpread(scores=self.scores, passes=self.passes)


def _screening(session: Session, screening_id: int) -> Screening:
    screening = session.get(Screening, screening_id)
    if screening is None:
        raise NotFoundError("Screeningen findes ikke længere.")
    return screening


def _check_themes(theme_keys: list[str] | tuple[str, ...]) -> None:
    unknown = [key for key in theme_keys if key not in PALETTE_KEYS]
    if unknown:
        raise ValidationError(f"Ukendt tema '{unknown[0]}'.")


def _theme_votes(session: Session, screening_id: int, theme_key: str) -> list[Vote]:
    return list(
        session.exec(
            select(Vote)
            .where(Vote.screening_id == screening_id, Vote.theme_key == theme_key)
            .order_by(col(Vote.position), col(Vote.id))
        ).all()
    )


def anonymity(db: Database, screening_id: int) -> str:
    with db.session() as session:
        return _screening(session, screening_id).anonymity


def set_anonymity(db: Database, screening_id: int, mode: str) -> Changes:
    """Choose who may see names; "anonym" is final and wipes names already stored."""
    if mode not in ANONYMITY_MODES:
        labels = ", ".join(ANONYMITY_LABELS[m] for m in ANONYMITY_MODES)
        raise ValidationError(f"Vælg en af: {labels}.")
    with db.session() as session:
        screening = _screening(session, screening_id)
        if screening.anonymity == mode:
            return Changes()  # nothing to tell anyone
        if screening.anonymity == "anonym":
            raise ValidationError(
                "Runden er anonym, og det kan ikke fortrydes: navnene er aldrig gemt."
            )
        touch(session, screening_id)
        screening.anonymity = mode
        session.add(screening)
        if mode == "anonym":
            for key in PALETTE_KEYS:
                _rewrite_anonymously(session, screening_id, key, [])
        return changed(session, screening_id, Kind.ROUNDS)


def start_round(
    db: Database, screening_id: int, theme_keys: list[str] | tuple[str, ...]
) -> Changes:
    """A new round for these themes: their earlier votes are removed."""
    _check_themes(theme_keys)
    with db.session() as session:
        touch(session, screening_id)
        for key in theme_keys:
            for vote in _theme_votes(session, screening_id, key):
                session.delete(vote)
        return changed(session, screening_id, Kind.ROUNDS)


def record_votes(
    db: Database,
    screening_id: int,
    voter: str,
    voter_role: str,
    scores: dict[str, int | None],
    *,
    by_facilitator: bool = False,
) -> Changes:
    """One participant's own scores (None = "ved ikke") for one or more themes, in one go.

    In a named round a second vote by the same person on a theme replaces the
    first; in an anonymous round that cannot be known, so it simply counts.
    """
    if not scores:
        raise ValidationError("Der er ingen svar at gemme.")
    _check_themes(list(scores))
    bad = [value for value in scores.values() if not is_valid_score(value)]
    if bad:
        raise ValidationError(f"Scoren skal være fra {SCORE_MIN} til {SCORE_MAX} eller 'ved ikke'.")
    with db.session() as session:
        screening = _screening(session, screening_id)
        touch(session, screening_id)
        anonymous = screening.anonymity == "anonym"
        name, role = "", ""
        if not anonymous:
            name = " ".join(voter.split())
            role = voter_role.strip()
            if not name:
                raise ValidationError("Skriv hvem der giver scoren.")
            if role and role not in ROLES:
                raise ValidationError(f"Rollen skal være en af: {', '.join(ROLES)}.")
        for key, score in scores.items():
            new = Vote(
                screening_id=screening_id,
                theme_key=key,
                voter=name,
                voter_role=role,
                score=score,
                by_facilitator=by_facilitator,
            )
            if anonymous:
                _rewrite_anonymously(session, screening_id, key, [new])
                continue
            earlier = _theme_votes(session, screening_id, key)
            for vote in earlier:
                if vote.voter.casefold() == name.casefold():
                    session.delete(vote)
            new.position = max((v.position for v in earlier), default=-1) + 1
            session.add(new)
        return changed(session, screening_id, Kind.ROUNDS)


def _rewrite_anonymously(
    session: Session, screening_id: int, theme_key: str, new: list[Vote]
) -> None:
    """Write a theme's votes again without names, in score order and with one time stamp."""
    kept = [
        (vote.score, vote.by_facilitator) for vote in _theme_votes(session, screening_id, theme_key)
    ]
    if not kept and not new:
        return
    for vote in _theme_votes(session, screening_id, theme_key):
        session.delete(vote)
    session.flush()
    kept += [(vote.score, vote.by_facilitator) for vote in new]
    # Canonical order, not arrival order (nor a random one, which a test could not tell
    # from arrival order): score, "ved ikke" last, then entered-by-facilitator.
    kept.sort(key=lambda vote: (vote[0] is None, vote[0] or 0, vote[1]))
    stamp = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    for score, by_facilitator in kept:
        session.add(
            Vote(
                screening_id=screening_id,
                theme_key=theme_key,
                voter="",
                voter_role="",
                position=_same_size_padding(score),
                score=score,
                by_facilitator=by_facilitator,
                created_at=stamp,
            )
        )
    session.flush()


def _same_size_padding(score: int | None) -> int:
    """An anonymous vote's ``position``, chosen so every vote row has the same size on disk.

    SQLite stores None, 0 and 1 in no bytes and 2–5 in one. Rows of different
    sizes land in different places of the page depending on what was there
    before, i.e. on the order the votes came in; rows of one size always end
    up in the same places. ``position`` means nothing in an anonymous round
    (the votes are in score order), so it carries the missing byte.
    """
    return 2 if score is None or score in (0, 1) else 0


def round_results(db: Database, screening_id: int, *, for_facilitator: bool) -> list[ThemeRound]:
    """Every theme that has votes, in palette order; names only where the mode allows."""
    with db.session() as session:
        mode = _screening(session, screening_id).anonymity
        show = names_visible(mode, for_facilitator=for_facilitator)
        results: list[ThemeRound] = []
        for key in PALETTE_KEYS:
            votes = _theme_votes(session, screening_id, key)
            if not votes:
                continue
            spread = _spread_of(vote.score for vote in votes)
            results.append(
                ThemeRound(
                    theme_key=key,
                    scores=spread.scores,
                    passes=spread.passes,
                    median=spread.median,
                    spread=spread.spread,
                    by_facilitator=sum(1 for vote in votes if vote.by_facilitator),
                    names_shown=show,
                    voters=tuple(
                        VoterScore(v.voter, v.voter_role, v.score, v.by_facilitator) for v in votes
                    )
                    if show
                    else (),
                )
            )
        return results


def spreads(db: Database, screening_id: int) -> dict[str, ScoreSpread]:
    """Theme key → the spread of its round (no names), for the plan and its figure."""
    return {
        result.theme_key: result.score_spread
        for result in round_results(db, screening_id, for_facilitator=False)
    }
