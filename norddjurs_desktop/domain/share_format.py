"""The ``.fremmoede`` share file: what it holds, its limits, and what a file must pass.

**Why a zip with a JSON manifest and not a small SQLite file.** A share file
leaves the unit and travels by mail; what is in it must be exactly what was
meant to be in it, and what comes in must be checked before anything is
stored. JSON holds only the fields written (an SQLite file carries free pages,
a journal and whatever a deleted row left behind — the very leak the share
file exists to avoid); it can be read and audited with any text editor by HR or
the data-protection officer; and it is checked here field by field against
one closed schema before the database is touched, whereas an SQLite file from
outside would first have to be opened by the SQL engine (triggers, views and
malformed pages included) before it could be checked. The zip gives
compression and a CRC per member, so a file damaged in transit is caught.

**Layout.** Exactly two members, no folders: ``manifest.json`` (format name,
format version, app version, when it was made, and the SHA-256 of the content)
and ``enhed.json`` (the unit). Anything else is refused, as is a member whose
unpacked size exceeds its limit (a zip bomb), a file over 20 MB, a format
version newer than this app knows, and a content whose hash does not match
the manifest (changed after it was written).

**Personal data.** Participants are shared by role only; names are personal
data and stay in the unit's own database. An action's "ansvarlig" is kept only
when it is a role or a forum; a participant's name is replaced by that
participant's role, and any other text is left out (it could be a name).
Anonymous scoring rounds are shared as counts per score, never as votes with
voters. Absence figures are the unit's monthly totals, only for months that
describe at least five persons (the rule of :mod:`.absence_privacy`); never a
person-level row, a person key or a CPR number. Free texts the group wrote
(notes, actions) are shared as written — the app cannot tell a name in them.
"""

from __future__ import annotations

from datetime import date

from norddjurs_desktop.domain.absence_privacy import MIN_GROUP_SIZE
from norddjurs_desktop.domain.followup import EFFECTS
from norddjurs_desktop.domain.palette import FORUMS, PALETTE_KEYS, ROLES
from norddjurs_desktop.domain.plan import ACTION_STATUSES
from norddjurs_desktop.domain.scoring import SCORE_MAX, SCORE_MIN
from norddjurs_desktop.domain.share_schema import (
    Day,
    ListOf,
    Maybe,
    Moment,
    Number,
    Record,
    SchemaError,
    Text,
    Whole,
    check,
)
from norddjurs_desktop.domain.unit_area import AREA_MAX_LEN

FORMAT_NAME = "fremmoedepaletten-deling"
FORMAT_VERSION = 1
FILE_SUFFIX = ".fremmoede"
MANIFEST = "manifest.json"
CONTENT = "enhed.json"
MEMBERS = (MANIFEST, CONTENT)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024
MAX_CONTENT_BYTES = 60 * 1024 * 1024  # unpacked: the zip-bomb guard
MAX_SCREENINGS = 500
MAX_ACTIONS = 300
MAX_PARTICIPANTS = 100
MAX_MONTHS = 600
SHORT_TEXT = 200
LONG_TEXT = 20_000

SOURCE_DATA = "fraværsdata"  # computed from the unit's imported absence lists
SOURCE_KEY_FIGURES = "nøgletal"  # typed in from the data portal
UID = r"[0-9a-f]{32}"
SCORES = tuple(str(s) for s in range(SCORE_MIN, SCORE_MAX + 1))
SCREENING_STATUSES = ("i gang", "afsluttet")

_uid = Text(32, pattern=UID)
_long = Text(LONG_TEXT)
_count = Whole(0, 10_000)

MANIFEST_SCHEMA = Record({
    "format": Text(60, choices=(FORMAT_NAME,)),
    "format_version": Whole(1, 1_000_000),
    "app_version": Text(40, required=True),
    "created_at": Moment(),
    "sha256": Text(64, pattern=r"[0-9a-f]{64}"),
})

THEME = Record({
    "key": Text(40, choices=PALETTE_KEYS),
    "score": Maybe(Whole(SCORE_MIN, SCORE_MAX)),
    "resources": _long,
    "challenges": _long,
    "priority": Maybe(Whole(1, len(PALETTE_KEYS))),
})
ROUND = Record({
    "theme": Text(40, choices=PALETTE_KEYS),
    "counts": Record({score: _count for score in SCORES}),
    "passes": _count,
})
DATA_REFERENCE = Record({
    name: Text(2_000) for name in ("chart", "period", "filter", "figure", "observation")
})
ACTION = Record({
    "theme": Text(40, choices=("", *PALETTE_KEYS)),
    "problem": _long,
    "action": Text(LONG_TEXT, required=True),
    "owner": Text(SHORT_TEXT),
    "deadline": Maybe(Day()),
    "follow_up": Maybe(Day()),
    "status": Text(40, choices=ACTION_STATUSES),
    "success": _long,
    "data_reference": Maybe(DATA_REFERENCE),
})
REVIEW = Record({
    "screening": _uid,  # the earlier screening whose action is reviewed
    "action": Whole(0, MAX_ACTIONS - 1),  # its place in that screening's list of actions
    "effect": Text(40, choices=("", *EFFECTS)),
    "comment": _long,
    "carried_to": Maybe(Whole(0, MAX_ACTIONS - 1)),  # its place in this screening's list
})
SCREENING = Record({
    "uid": _uid,
    "version": Whole(1, 1_000_000_000),
    "date": Day(),
    "forum": Text(40, choices=FORUMS),
    "purpose": _long,
    "status": Text(40, choices=SCREENING_STATUSES),
    "summary": _long,
    "next_follow_up": Maybe(Day()),
    "updated_at": Moment(),
    "follows": Maybe(_uid),
    "participant_roles": ListOf(Text(40, choices=ROLES), MAX_PARTICIPANTS),
    "themes": ListOf(THEME, len(PALETTE_KEYS)),
    "rounds": ListOf(ROUND, len(PALETTE_KEYS)),
    "actions": ListOf(ACTION, MAX_ACTIONS),
    "reviews": ListOf(REVIEW, MAX_ACTIONS),
})
MONTH = Record({
    "month": Text(7, pattern=r"\d{4}-(0[1-9]|1[0-2])"),
    "absence_pct": Number(0, 100),
    "sick_days": Maybe(Number(0, 10_000_000)),
    "fte": Maybe(Number(0, 1_000_000)),
    "spells": Maybe(Whole(0, 10_000_000)),
    "source": Text(40, choices=(SOURCE_DATA, SOURCE_KEY_FIGURES)),
})
CONTENT_SCHEMA = Record({
    "unit": Record({
        "uid": _uid,
        "name": Text(120, required=True),
        "area": Text(AREA_MAX_LEN),
    }),
    "screenings": ListOf(SCREENING, MAX_SCREENINGS),
    "absence_months": ListOf(MONTH, MAX_MONTHS),
})


class ShareFileError(SchemaError):
    """The file cannot be brought in; the text says why, and that nothing was stored."""


def refusal(reason: str) -> ShareFileError:
    return ShareFileError(f"Den delte fil kan ikke hentes: {reason}. Intet er gemt.")


def check_members(names: list[str]) -> None:
    """Exactly the two expected members, each once, no folders or paths."""
    if sorted(names) != sorted(MEMBERS):
        unexpected = [name for name in names if name not in MEMBERS]
        if unexpected:
            raise refusal(f"filen indeholder noget uventet ('{unexpected[0][:60]}')")
        raise refusal("filen er ikke en hel delingsfil fra Fremmødepaletten")


def check_manifest(manifest: object) -> dict[str, object]:
    """The manifest, checked; a newer format is refused before its shape is judged."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise refusal("filen er ikke en delingsfil fra Fremmødepaletten")
    version = manifest.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise ShareFileError(
            f"Den delte fil er lavet med en nyere version af Fremmødepaletten "
            f"({manifest.get('app_version', 'ukendt')!s:.40}, format {version}); denne version "
            f"kender kun format {FORMAT_VERSION}. Opdatér programmet, og hent filen igen. "
            "Intet er gemt."
        )
    _checked(MANIFEST_SCHEMA, manifest, "manifestet")
    return manifest


def check_content(content: object) -> dict[str, object]:
    """The unit's content, checked field by field and then as a whole."""
    _checked(CONTENT_SCHEMA, content, "indholdet")
    assert isinstance(content, dict)
    screenings = content["screenings"]
    uids = [s["uid"] for s in screenings]
    if len(set(uids)) != len(uids):
        raise refusal("den samme screening står der flere gange")
    known = set(uids)
    for index, screening in enumerate(screenings):
        where = f"screening nr. {index + 1}"
        keys = [theme["key"] for theme in screening["themes"]]
        if len(set(keys)) != len(keys):
            raise refusal(f"{where} har det samme tema flere gange")
        rounds = [r["theme"] for r in screening["rounds"]]
        if len(set(rounds)) != len(rounds):
            raise refusal(f"{where} har en scorerunde for det samme tema flere gange")
        if screening["follows"] is not None and screening["follows"] not in known:
            raise refusal(f"{where} bygger på en screening, der ikke er i filen")
        for review in screening["reviews"]:
            if review["screening"] not in known or review["screening"] == screening["uid"]:
                raise refusal(f"{where} gennemgår en handling, der ikke er i filen")
            carried = review["carried_to"]
            if carried is not None and carried >= len(screening["actions"]):
                raise refusal(f"{where} fører en handling videre til en, der ikke findes")
    months = [m["month"] for m in content["absence_months"]]
    if len(set(months)) != len(months):
        raise refusal("den samme måned står der flere gange i fraværstallene")
    return content


def _checked(schema: Record, value: object, where: str) -> None:
    try:
        check(schema, value, where)
    except ShareFileError:
        raise
    except SchemaError as error:
        raise refusal(f"{error} – filen er ændret eller ikke lavet af Fremmødepaletten") from error


def month_key(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def month_from_key(key: str) -> date:
    year, month = key.split("-")
    return date(int(year), int(month), 1)


def shareable_persons(persons: int) -> bool:
    """A month of the unit's own data may be shared when it describes at least five persons."""
    return persons >= MIN_GROUP_SIZE


def shareable_key_figure(fte: float | None) -> bool:
    """A typed month may be shared when its FTE shows at least five persons.

    Typed figures carry no head count, but nobody works more than full time, so
    at least five FTE means at least five persons; without FTE it is not shared.
    """
    return fte is not None and fte >= MIN_GROUP_SIZE


def shareable_owner(owner: str, participant_roles: dict[str, str]) -> str:
    """An action's "ansvarlig" as it may be shared: a role or a forum, else nothing.

    ``participant_roles`` maps each participant's name (case-folded) to their role.
    """
    cleaned = " ".join(owner.split())
    folded = cleaned.casefold()
    for word in (*ROLES, *FORUMS):
        if folded == word.casefold():
            return word
    return participant_roles.get(folded, "")
