""""Del enhed …": write one unit to a ``.fremmoede`` share file (format in domain.share_format).

Everything is read in one session, so the file is one consistent picture of
the unit; it is written to a temporary file beside the target and moved into
place, so a failed write never leaves half a share file under the chosen name.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from norddjurs_desktop import __version__
from norddjurs_desktop.domain.palette import PALETTE_KEYS
from norddjurs_desktop.domain.share_format import (
    CONTENT,
    FILE_SUFFIX,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MAX_FILE_BYTES,
    SCORES,
    check_content,
    shareable_owner,
)
from norddjurs_desktop.services.errors import NotFoundError, ValidationError
from norddjurs_desktop.services.share_months import month_record, months_to_share
from norddjurs_desktop.storage.database import Database
from norddjurs_desktop.storage.models import (
    Action,
    ActionReview,
    FollowUp,
    Participant,
    Screening,
    ThemeAssessment,
    Unit,
)
from norddjurs_desktop.storage.round_models import Vote

__all__ = [
    "ShareExportResult",
    "build_share",
    "export_unit",
    "screening_records",
    "share_file_name",
]


@dataclass(frozen=True)
class ShareExportResult:
    path: Path
    unit_name: str
    screenings: int
    months: int
    owners_left_out: int  # actions whose "ansvarlig" was neither a role nor a participant

    def lines(self) -> list[str]:
        """What was written, in Danish, for the message after saving."""
        text = [
            f"Enheden '{self.unit_name}' er delt i {self.path}.",
            f"Filen har {self.screenings} screening(er) og fraværstal for "
            f"{self.months} måned(er) (kun måneder med mindst fem personer).",
            "Deltagere står kun med deres rolle; ingen navne, personnøgler eller "
            "personoplysninger er med.",
        ]
        if self.owners_left_out:
            text.append(
                f"Ved {self.owners_left_out} handling(er) er den ansvarlige udeladt, "
                "fordi det ikke var en rolle (det kunne være et navn)."
            )
        return text


def share_file_name(unit_name: str) -> str:
    """A file name for the unit's share file, safe on every system."""
    stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", unit_name).strip(" .") or "enhed"
    return " ".join(stem.split())[:100] + FILE_SUFFIX


def _iso(value: object) -> str | None:
    return None if value is None else value.isoformat()  # type: ignore[attr-defined]


def _moment(value: datetime) -> str:
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


def _actions(session: Session, screening_id: int) -> list[Action]:
    return list(session.exec(
        select(Action).where(Action.screening_id == screening_id)
        .order_by(col(Action.position), col(Action.id))
    ).all())


def _rounds(session: Session, screening_id: int) -> list[dict[str, object]]:
    """Each theme's hidden round as counts per score, never the votes themselves."""
    votes = session.exec(select(Vote).where(Vote.screening_id == screening_id)).all()
    by_theme: dict[str, Counter[str]] = {}
    for vote in votes:
        counter = by_theme.setdefault(vote.theme_key, Counter())
        counter["pass" if vote.score is None else str(vote.score)] += 1
    return [
        {
            "theme": key,
            "counts": {score: by_theme[key][score] for score in SCORES},
            "passes": by_theme[key]["pass"],
        }
        for key in PALETTE_KEYS
        if key in by_theme
    ]


def screening_records(session: Session, unit_id: int) -> tuple[list[dict[str, Any]], int]:
    """The unit's screenings as the share file writes them, and how many owners were left out.

    The import uses the same records to tell an unchanged screening from one
    edited on both sides.
    """
    left_out = 0
    screenings = list(session.exec(
        select(Screening).where(Screening.unit_id == unit_id)
        .order_by(col(Screening.date), col(Screening.id))
    ).all())
    uid_of = {s.id: s.uid for s in screenings}
    actions = {s.id: _actions(session, s.id or 0) for s in screenings}
    place = {
        a.id: (uid_of[sid], index)
        for sid, rows in actions.items()
        for index, a in enumerate(rows)
    }
    records = []
    for s in screenings:
        sid = s.id or 0
        people = session.exec(
            select(Participant).where(Participant.screening_id == sid)
            .order_by(col(Participant.position), col(Participant.id))
        ).all()
        roles = {" ".join(p.name.split()).casefold(): p.role for p in people}
        themes = session.exec(
            select(ThemeAssessment).where(ThemeAssessment.screening_id == sid)
        ).all()
        follows = session.exec(select(FollowUp).where(FollowUp.screening_id == sid)).first()
        own = {a.id: index for index, a in enumerate(actions[sid])}
        reviews = []
        for review in session.exec(
            select(ActionReview).where(ActionReview.screening_id == sid)
            .order_by(col(ActionReview.position), col(ActionReview.id))
        ).all():
            target = place.get(review.action_id)
            if target is None or target[0] == s.uid:
                continue
            reviews.append({
                "screening": target[0],
                "action": target[1],
                "effect": review.effect,
                "comment": review.comment,
                "carried_to": own.get(review.carried_action_id),
            })
        action_records = []
        for a in actions[sid]:
            owner = shareable_owner(a.owner, roles)
            left_out += bool(a.owner.strip()) and not owner
            action_records.append({
                "theme": a.theme_key,
                "problem": a.problem,
                "action": a.action,
                "owner": owner,
                "deadline": _iso(a.deadline),
                "follow_up": _iso(a.follow_up),
                "status": a.status,
                "success": a.success,
                "data_reference": json.loads(a.data_reference) if a.data_reference else None,
            })
        records.append({
            "uid": s.uid,
            "version": s.version,
            "date": s.date.isoformat(),
            "forum": s.forum,
            "purpose": s.purpose,
            "status": s.status,
            "summary": s.summary,
            "next_follow_up": _iso(s.next_follow_up),
            "updated_at": _moment(s.updated_at),
            "follows": uid_of.get(follows.previous_id) if follows else None,
            "participant_roles": [p.role for p in people],
            "themes": [
                {"key": t.theme_key, "score": t.score, "resources": t.resources,
                 "challenges": t.challenges, "priority": t.priority}
                for t in sorted(themes, key=lambda t: PALETTE_KEYS.index(t.theme_key))
            ],
            "rounds": _rounds(session, sid),
            "actions": action_records,
            "reviews": reviews,
        })
    return records, left_out


def build_share(db: Database, unit_id: int) -> tuple[dict[str, object], int]:
    """The unit's content as the share file holds it, and how many owners were left out."""
    with db.session() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFoundError("Enheden findes ikke længere.")
        records, left_out = screening_records(session, unit_id)
        content: dict[str, object] = {
            "unit": {"uid": unit.uid, "name": unit.name, "area": unit.area},
            "screenings": records,
            "absence_months": [month_record(m) for m in months_to_share(db, unit_id)],
        }
    check_content(content)  # what goes out is what the reader will accept
    return content, left_out


def export_unit(db: Database, unit_id: int, out: Path) -> ShareExportResult:
    """Write the unit's share file to ``out`` (the suffix is added when missing)."""
    content, left_out = build_share(db, unit_id)
    out = Path(out)
    if out.suffix.lower() != FILE_SUFFIX:
        out = out.with_name(out.name + FILE_SUFFIX)
    body = json.dumps(content, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")
    manifest = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created_at": datetime.now(UTC).isoformat(),
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    partial = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            archive.writestr(CONTENT, body)
        if partial.stat().st_size > MAX_FILE_BYTES:
            raise ValidationError(
                "Enheden fylder mere end en delingsfil må (20 MB); filen er ikke gemt."
            )
        os.replace(partial, out)
    except OSError as error:
        raise ValidationError(
            f"Kan ikke skrive {out}: {error.strerror or 'ingen adgang'}. Intet er gemt."
        ) from error
    finally:
        partial.unlink(missing_ok=True)
    unit = content["unit"]
    assert isinstance(unit, dict)
    screenings = content["screenings"]
    months = content["absence_months"]
    assert isinstance(screenings, list) and isinstance(months, list)
    return ShareExportResult(out, str(unit["name"]), len(screenings), len(months), left_out)
