"""Screenings: starting one, its preparation fields, participants and theme assessments."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from norddjurs_desktop.domain.dates import danish_date
from norddjurs_desktop.domain.palette import FORUMS, PALETTE_KEYS, ROLES
from norddjurs_desktop.domain.scoring import SCORE_MAX, SCORE_MIN, is_valid_score
from norddjurs_desktop.services.changes import Changes, Kind, NewId
from norddjurs_desktop.services.dto import AssessmentData, ParticipantData, ScreeningData
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.services.screening_versions import ConflictError as ConflictError
from norddjurs_desktop.services.screening_versions import check_version as check_version
from norddjurs_desktop.services.screening_versions import touch as touch
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import Participant, Screening, ThemeAssessment, Unit

STATUSES = ("i gang", "afsluttet")


def changed(session: Session, screening_id: int, *kinds: Kind) -> Changes:
    """What an edit of this screening touched, with its unit (for views of the unit)."""
    screening = session.get(Screening, screening_id)
    unit_id = screening.unit_id if screening is not None else None
    return Changes.of(*kinds, screening_id=screening_id, unit_id=unit_id)


def create_screening(
    db: Database, unit_id: int, *, on: date, forum: str = "TRIO", purpose: str = ""
) -> NewId:
    if forum not in FORUMS:
        raise ValidationError(f"Forum skal være et af: {', '.join(FORUMS)}.")
    with db.session() as session:
        if session.get(Unit, unit_id) is None:
            raise NotFoundError("Enheden findes ikke længere.")
        screening = Screening(unit_id=unit_id, date=on, forum=forum, purpose=purpose.strip())
        session.add(screening)
        session.flush()
        assert screening.id is not None
        for key in PALETTE_KEYS:
            session.add(ThemeAssessment(screening_id=screening.id, theme_key=key))
        return NewId(screening.id, Changes.of(Kind.SCREENINGS, screening_id=screening.id,
                                              unit_id=unit_id))


def delete_screening(db: Database, screening_id: int) -> Changes:
    with db.session() as session:
        screening = session.get(Screening, screening_id)
        if screening is None:
            raise NotFoundError("Screeningen findes ikke længere.")
        unit_id = screening.unit_id
        session.delete(screening)
    return Changes.of(Kind.SCREENINGS, screening_id=screening_id, unit_id=unit_id)


def latest_screening_id(db: Database) -> int | None:
    """The screening most recently changed, for `export-plan --screening latest`."""
    with db.session() as session:
        screening = session.exec(
            select(Screening).order_by(
                col(Screening.updated_at).desc(), col(Screening.id).desc()
            )
        ).first()
        return screening.id if screening else None


def get_screening(db: Database, screening_id: int) -> ScreeningData:
    with db.session() as session:
        screening = session.get(Screening, screening_id)
        if screening is None:
            raise NotFoundError(f"Der findes ingen screening med id {screening_id}.")
        unit = session.get(Unit, screening.unit_id)
        assert unit is not None and screening.id is not None
        participants = session.exec(
            select(Participant)
            .where(Participant.screening_id == screening_id)
            .order_by(col(Participant.position), col(Participant.id))
        ).all()
        rows = {
            a.theme_key: a
            for a in session.exec(
                select(ThemeAssessment).where(ThemeAssessment.screening_id == screening_id)
            ).all()
        }
        assessments = tuple(
            AssessmentData(
                theme_key=key,
                score=rows[key].score if key in rows else None,
                resources=rows[key].resources if key in rows else "",
                challenges=rows[key].challenges if key in rows else "",
                priority=rows[key].priority if key in rows else None,
            )
            for key in PALETTE_KEYS
        )
        return ScreeningData(
            id=screening.id,
            unit_id=screening.unit_id,
            unit_name=unit.name,
            date=screening.date,
            forum=screening.forum,
            purpose=screening.purpose,
            status=screening.status,
            next_follow_up=screening.next_follow_up,
            summary=screening.summary,
            participants=tuple(
                ParticipantData(id=p.id or 0, name=p.name, role=p.role) for p in participants
            ),
            assessments=assessments,
        )


def update_preparation(
    db: Database,
    screening_id: int,
    *,
    on: date | None = None,
    forum: str | None = None,
    purpose: str | None = None,
    status: str | None = None,
    next_follow_up: date | None | bool = False,
    summary: str | None = None,
) -> Changes:
    """Change any of the screening's own fields; ``next_follow_up=None`` clears the date."""
    if forum is not None and forum not in FORUMS:
        raise ValidationError(f"Forum skal være et af: {', '.join(FORUMS)}.")
    if status is not None and status not in STATUSES:
        raise ValidationError(f"Status skal være et af: {', '.join(STATUSES)}.")
    with db.session() as session:
        screening = touch(session, screening_id)
        if on is not None:
            screening.date = on
        if forum is not None:
            screening.forum = forum
        if purpose is not None:
            screening.purpose = purpose
        if status is not None:
            screening.status = status
        if summary is not None:
            screening.summary = summary
        if next_follow_up is not False:
            if isinstance(next_follow_up, date) and next_follow_up < screening.date:
                raise ValidationError(
                    f"Næste opfølgning ({danish_date(next_follow_up)}) kan ikke ligge før "
                    f"screeningens dato ({danish_date(screening.date)})."
                )
            new_date: date | None = next_follow_up if isinstance(next_follow_up, date) else None
            screening.next_follow_up = new_date
        return changed(session, screening_id, Kind.SCREENING)


def _clean_participant(name: str, role: str) -> tuple[str, str]:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("Skriv deltagerens navn eller initialer.")
    if role not in ROLES:
        raise ValidationError(f"Rollen skal være en af: {', '.join(ROLES)}.")
    return cleaned, role


def add_participant(db: Database, screening_id: int, name: str, role: str) -> NewId:
    cleaned, role = _clean_participant(name, role)
    with db.session() as session:
        touch(session, screening_id)
        count = len(
            session.exec(
                select(Participant.id).where(Participant.screening_id == screening_id)
            ).all()
        )
        participant = Participant(
            screening_id=screening_id, name=cleaned, role=role, position=count
        )
        session.add(participant)
        session.flush()
        assert participant.id is not None
        return NewId(participant.id, changed(session, screening_id, Kind.PARTICIPANTS))


def update_participant(db: Database, participant_id: int, name: str, role: str) -> Changes:
    cleaned, role = _clean_participant(name, role)
    with db.session() as session:
        participant = session.get(Participant, participant_id)
        if participant is None:
            raise NotFoundError("Deltageren findes ikke længere.")
        touch(session, participant.screening_id)
        participant.name, participant.role = cleaned, role
        session.add(participant)
        return changed(session, participant.screening_id, Kind.PARTICIPANTS)


def remove_participant(db: Database, participant_id: int) -> Changes:
    with db.session() as session:
        participant = session.get(Participant, participant_id)
        if participant is None:
            raise NotFoundError("Deltageren findes ikke længere.")
        touch(session, participant.screening_id)
        session.delete(participant)
        return changed(session, participant.screening_id, Kind.PARTICIPANTS)


def _assessment(session: Session, screening_id: int, theme_key: str) -> ThemeAssessment:
    if theme_key not in PALETTE_KEYS:
        raise ValidationError(f"Ukendt tema '{theme_key}'.")
    touch(session, screening_id)
    row = session.exec(
        select(ThemeAssessment).where(
            ThemeAssessment.screening_id == screening_id,
            ThemeAssessment.theme_key == theme_key,
        )
    ).first()
    if row is None:
        row = ThemeAssessment(screening_id=screening_id, theme_key=theme_key)
    return row


def set_score(db: Database, screening_id: int, theme_key: str, score: int | None) -> Changes:
    if not is_valid_score(score):
        raise ValidationError(f"Scoren skal være fra {SCORE_MIN} til {SCORE_MAX}.")
    with db.session() as session:
        row = _assessment(session, screening_id, theme_key)
        row.score = score
        session.add(row)
        return changed(session, screening_id, Kind.ASSESSMENTS)


def set_notes(
    db: Database,
    screening_id: int,
    theme_key: str,
    *,
    resources: str | None = None,
    challenges: str | None = None,
) -> Changes:
    with db.session() as session:
        row = _assessment(session, screening_id, theme_key)
        if resources is not None:
            row.resources = resources
        if challenges is not None:
            row.challenges = challenges
        session.add(row)
        return changed(session, screening_id, Kind.ASSESSMENTS)


def set_priorities(db: Database, screening_id: int, ordered_keys: list[str]) -> Changes:
    """The prioritised themes in the group's order; every other theme is unprioritised."""
    if len(set(ordered_keys)) != len(ordered_keys):
        raise ValidationError("Et tema kan kun prioriteres én gang.")
    unknown = [key for key in ordered_keys if key not in PALETTE_KEYS]
    if unknown:
        raise ValidationError(f"Ukendt tema '{unknown[0]}'.")
    with db.session() as session:
        for key in PALETTE_KEYS:
            row = _assessment(session, screening_id, key)
            row.priority = ordered_keys.index(key) + 1 if key in ordered_keys else None
            session.add(row)
        return changed(session, screening_id, Kind.PRIORITIES)


def priorities(db: Database, screening_id: int) -> list[str]:
    data = get_screening(db, screening_id)
    chosen = [a for a in data.assessments if a.priority is not None]
    return [a.theme_key for a in sorted(chosen, key=lambda a: a.priority or 0)]
