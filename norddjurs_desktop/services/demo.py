"""A fictional unit with a whole turn of the cycle, so a newcomer has something to look at.

Two screenings about six months apart: the first with its plan, the second a
follow-up that reviewed that plan (some actions done, some carried on, one
given up) and made a new one, with a deadline close enough that the home has
something due.
"""

from __future__ import annotations

from datetime import date, timedelta

from norddjurs_desktop.domain.absence import AbsenceStats
from norddjurs_desktop.domain.dates import danish_date, format_percent
from norddjurs_desktop.domain.plan import DataReference
from norddjurs_desktop.paths import DEMO
from norddjurs_desktop.services import actions, followup, screenings, units
from norddjurs_desktop.services.absence import import_absence_files, unit_stats
from norddjurs_desktop.services.changes import Changes, Kind, NewId
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.storage.database import Database

DEMO_UNIT = "Eksempel: Børnehuset Æblehaven"

_SCORES = {
    "handling": (
        3,
        "Vi ringer altid på første sygedag, og de fleste kender 1-3-10.",
        "Samtalen på dag 10 bliver tit glemt, når lederen selv er presset.",
    ),
    "data": (
        2,
        "Lederen får fraværstallene hver måned fra dataportalen.",
        "Tallene bliver ikke vist i TRIO eller MED, og vi kender ikke vores mønstre.",
    ),
    "prevention": (
        3,
        "APV'en er lavet, og der er handlinger på støj i grupperummene.",
        "Vi opdager først tidlige tegn på mistrivsel, når folk allerede er sygemeldt.",
    ),
    "leadership": (
        4,
        "Klare forventninger på personalemøder; lederen er synlig på stuerne.",
        "Feedback gives mest, når noget går galt.",
    ),
    "ownership": (
        3,
        "AMR og TR deltager gerne i indsatsen.",
        "Det er uklart, hvem der gør hvad, når en kollega er langtidssyg.",
    ),
    "coordination": (
        2,
        "Vikarpuljen dækker de fleste dage.",
        "Kollegerne løber stærkt om mandagen; pauser bliver droppet.",
    ),
    "culture": (
        4,
        "Man må gerne være syg, og vi taler ordentligt om det.",
        "Der bliver snakket i krogene om dem, der ofte er korttidssyge.",
    ),
    "return": (
        5,
        "Delvis raskmelding bruges, og der er altid en plan for de første uger.",
        "",
    ),
}

_ACTIONS = (
    ("data", "Tallene bliver ikke delt, så ingen ser mønstrene.",
     "Fraværstal på TRIO-mødet hver måned: sygedage, antal forløb og ugedage.",
     "Leder", 30, 60, "i gang", "Tallene er gennemgået på tre møder i træk."),
    ("data", "Vi ved ikke, om korttidsfraværet samler sig om mandagen.",
     "Se på fraværets ugedage og måneder for det seneste rullende år.",
     "TR", 45, 75, "ikke startet", "TRIO kan sige, hvilke dage fraværet topper."),
    ("coordination", "Mandagene er hårde, og pauser bliver droppet.",
     "Fast plan for dækning om mandagen, så to kolleger ikke står alene.",
     "Leder", 21, 60, "ikke startet", "Ingen droppede pauser i en måneds registrering."),
    ("coordination", "Kollegerne ved ikke, hvem der kaldes ind som vikar.",
     "Lav en synlig vikarliste på personalestuen og i appen.",
     "AMR", 14, 45, "gennemført", "Alle kender listen ved næste personalemøde."),
    ("handling", "Samtalen på dag 10 bliver glemt.",
     "Kalenderpåmindelse ved sygemelding på dag 3 og dag 10.",
     "Leder", 14, 90, "i gang", "Alle forløb over 10 dage har haft en samtale."),
)


def _monday_action(stats: AbsenceStats, today: date) -> ActionData:
    """The action the group took from the weekday chart, with the figure it saw."""
    share = stats.weekday_starts["mandag"] / stats.sick_spells * 100 if stats.sick_spells else 0
    reference = DataReference(
        chart="Ugedag for første sygedag",
        period=f"{danish_date(stats.period_from)} – {danish_date(stats.period_to)}",
        filter="",
        figure=f"{format_percent(share, 0)} af forløbene starter mandag",
        observation="Flere sygeforløb begynder mandag end nogen anden dag; "
        "med jævn fordeling ville det være omkring hvert femte.",
    )
    return ActionData(
        id=None,
        theme_key="coordination",
        problem="Mange sygeforløb starter om mandagen.",
        action="Tal på personalemødet om, hvad der gør mandagen tung, "
        "og prøv en roligere mandagsstart i tre måneder.",
        owner="TRIO",
        deadline=today + timedelta(days=30),
        follow_up=today + timedelta(days=120),
        status="ikke startet",
        success="Andelen af forløb, der starter mandag, er faldet ved næste opgørelse.",
        data_reference=reference,
    )


# Follow-up: (index of the first plan's action, new status, "Virkede det?", comment, carry on)
_REVIEWS = (
    (0, "gennemført", "ja", "Tallene er på dagsordenen hver måned nu.", False),
    (1, "gennemført", "delvist", "Mandagene topper, men kun i vinterhalvåret.", False),
    (2, "i gang", "for tidligt at sige", "Planen er lavet, men kun prøvet i en måned.", True),
    (3, "gennemført", "ja", "", False),
    (4, "i gang", "delvist", "Påmindelsen på dag 3 virker; dag 10 glemmes stadig.", True),
    (5, "opgivet", "nej", "Vi fandt ikke en form, der passede til personalemøderne.", False),
)
# The follow-up's scores where they changed since the first screening.
_LATER_SCORES = {"data": 3, "coordination": 3, "handling": 4}
_NEW_ACTIONS = (
    ("prevention", "Tidlige tegn på mistrivsel opdages for sent.",
     "Korte trivselssamtaler på stuemøderne hver anden uge.", "AMR", 7, 30, "i gang",
     "Alle stuer har haft tre samtaler."),
    ("ownership", "Det er uklart, hvem der gør hvad ved langtidsfravær.",
     "Skriv en rollefordeling for TRIO ved langtidsfravær på én side.", "TR", 17, 40,
     "ikke startet", "Rollefordelingen er hængt op og gennemgået i MED."),
    ("culture", "Der bliver stadig snakket i krogene om korttidsfravær.",
     "Tal om, hvordan vi taler om fravær, på næste personalemøde.", "Leder", 42, 70,
     "ikke startet", "Emnet er taget op, og der er aftalt en fælles tone."),
)


def _first_screening(db: Database, unit_id: int, on: date) -> int:
    screening_id = screenings.create_screening(
        db,
        unit_id,
        on=on,
        forum="TRIO",
        purpose="Finde ud af, hvorfor fremmødet er faldet, og hvor vi skal sætte ind.",
    )
    for name, role in (("Mette Sørensen", "Leder"), ("Jørgen Ås", "TR"), ("Åse Bødker", "AMR")):
        screenings.add_participant(db, screening_id, name, role)
    for key, (score, resources, challenges) in _SCORES.items():
        screenings.set_score(db, screening_id, key, score)
        screenings.set_notes(db, screening_id, key, resources=resources, challenges=challenges)
    screenings.set_priorities(db, screening_id, ["data", "coordination"])
    for theme, problem, what, owner, due, follow, status, success in _ACTIONS:
        actions.add_action(
            db,
            screening_id,
            ActionData(
                id=None,
                theme_key=theme,
                problem=problem,
                action=what,
                owner=owner,
                deadline=on + timedelta(days=due),
                follow_up=on + timedelta(days=follow),
                status=status,
                success=success,
            ),
        )
    stats = unit_stats(db, unit_id)
    if stats is not None:
        actions.add_action(db, screening_id, _monday_action(stats, on))
    screenings.update_preparation(
        db,
        screening_id,
        next_follow_up=on + timedelta(days=175),
        summary="Vi prioriterer brug af data og koordinering af fremmøde.",
        status="afsluttet",
    )
    return screening_id


def _follow_up(db: Database, unit_id: int, first_id: int, on: date) -> int:
    screening_id = followup.start_follow_up(db, unit_id, on=on)
    reviews = followup.list_reviews(db, screening_id)
    for index, status, effect, comment, carry in _REVIEWS:
        if index >= len(reviews):
            continue
        action_id = reviews[index].action.id or 0
        followup.review_action(db, screening_id, action_id, status=status, effect=effect,
                               comment=comment)
        if carry:
            copy = followup.carry_over(db, screening_id, action_id).value
            actions.update_action(db, ActionData(**{
                **copy.__dict__,
                "deadline": on + timedelta(days=17),  # due within the next two weeks
                "follow_up": on + timedelta(days=60),
            }))
    first = screenings.get_screening(db, first_id)
    for assessment in first.assessments:
        key = assessment.theme_key
        screenings.set_score(db, screening_id, key, _LATER_SCORES.get(key, assessment.score))
        screenings.set_notes(db, screening_id, key, resources=assessment.resources,
                             challenges=assessment.challenges)
    screenings.set_priorities(db, screening_id, ["prevention", "ownership"])
    for theme, problem, what, owner, due, follow, status, success in _NEW_ACTIONS:
        actions.add_action(db, screening_id, ActionData(
            id=None, theme_key=theme, problem=problem, action=what, owner=owner,
            # days after the meeting; held nine days ago, the first is already overdue
            deadline=on + timedelta(days=due),
            follow_up=on + timedelta(days=follow), status=status, success=success,
        ))
    screenings.update_preparation(
        db,
        screening_id,
        next_follow_up=on + timedelta(days=182),
        summary="Data bruges nu fast i TRIO. Mandagsplanen og påmindelserne føres videre; "
        "næste halvår ser vi på trivsel og roller ved langtidsfravær.",
        status="afsluttet",
    )
    return screening_id


def create_demo(db: Database, today: date | None = None) -> NewId:
    """Create (or recreate) the demo unit; returns the id of its latest screening,
    carrying what that changed (a unit, its data and screenings)."""
    today = today or date.today()
    # Several transactions, not one: the demo's data action is built from figures read
    # through the fast reader (its own connection), which sees only committed imports.
    existing = units.find_unit(db, DEMO_UNIT)
    if existing is not None:
        units.delete_unit(db, existing)
    unit_id = units.create_unit(db, DEMO_UNIT)
    import_absence_files(db, unit_id, DEMO / "medarbejdere.csv", DEMO / "fravaer.csv")
    first_id = _first_screening(db, unit_id, today - timedelta(days=182))
    latest = _follow_up(db, unit_id, first_id, today - timedelta(days=9))
    changes = Changes.of(Kind.UNITS, Kind.SCREENINGS, Kind.ABSENCE, unit_id=unit_id)
    return NewId(latest, changes)
