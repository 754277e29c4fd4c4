"""The printed action plan: content, Danish letters, page numbers and repeated headers."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from norddjurs_desktop.domain.palette import PALETTE_THEMES  # noqa: E402
from norddjurs_desktop.domain.plan import (  # noqa: E402
    ACTION_STATUSES,
    ActionPlan,
    DataReference,
    PlanAction,
    PlanParticipant,
    PlanTheme,
    ScoreSpread,
)
from norddjurs_desktop.reports.plan_pdf import write_action_plan  # noqa: E402

UNIT = "Børnehuset Æblegården"
COLOURS = ("#1f5fa8", "#e07b1a", "#3a8f3a", "#b8322a", "#7a4fa0", "#8a5a3c", "#c8509b", "#1a9aa8")
SYMBOLS = ("circle", "square", "triangle", "diamond", "star", "hexagon", "cross", "ring")
REFERENCE = DataReference(
    chart="Fravær pr. ugedag",
    period="01-01-2024–31-12-2024",
    filter="Team Solsikken",
    figure="38 % af første sygedage er mandage",
    observation="Mandage skiller sig ud.",
)


def _action(number: int) -> PlanAction:
    start = date(2025, 3, 1)
    return PlanAction(
        theme_title=PALETTE_THEMES[number % 8][1],
        problem=(
            f"Problem nummer {number}: medarbejderne oplever, at sygemeldinger på "
            "mandage håndteres forskelligt fra gang til gang, og at ingen ved, hvem "
            "der ringer på dag 3 og dag 10, når lederen selv er væk."
        ),
        action=(
            f"Handling nummer {number}: vi aftaler en fast procedure for 1-3-10-kontakten, "
            "skriver den på én side, hænger den op i personalestuen og gennemgår den på "
            "næste personalemøde, så både faste og vikarer kender den."
        ),
        owner=f"Søren Ærø {number}",
        deadline=start + timedelta(days=7 * number),
        follow_up=start + timedelta(days=7 * number + 30),
        status=ACTION_STATUSES[number % 4],
        success=(
            f"Succes nummer {number}: alle sygemeldte er kontaktet på dag 1, 3 og 10, "
            "og det kan ses i opfølgningsskemaet ved næste TRIO-møde."
        ),
        data_reference=REFERENCE if number == 7 else None,
    )


def build_plan() -> ActionPlan:
    themes = tuple(
        PlanTheme(
            key=key,
            title=title,
            colour=COLOURS[index],
            symbol=SYMBOLS[index],
            score=index % 5 + 1,
            resources=f"Ressource i {title}: vi hjælper hinanden, og lederen er synlig.",
            challenges=f"Udfordring i {title}: få kender reglerne for § 56 og fastholdelse.",
            priority={3: 1, 0: 2}.get(index),
            spread=ScoreSpread((2, 3, 3, 4, 5), passes=1) if index % 2 else None,
        )
        for index, (key, title) in enumerate(PALETTE_THEMES)
    )
    return ActionPlan(
        unit_name=UNIT,
        screening_date=date(2025, 2, 14),
        forum="TRIO",
        purpose="Årlig selvscreening af fremmøde og aftale om indsatser for det næste år.",
        participants=(
            PlanParticipant("Åse Kjærgård", "Leder"),
            PlanParticipant("Bjørn Læssøe", "TR"),
            PlanParticipant("Mette Højbjerg", "AMR"),
        ),
        themes=themes,
        actions=tuple(_action(number) for number in range(1, 31)),
        next_follow_up=date(2025, 6, 2),
        anonymous_round=True,
    )


def _squash(text: str) -> str:
    """Text without any whitespace: robust against line wrapping in table cells."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pdf_pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("plan") / "handlingsplan.pdf"
    write_action_plan(build_plan(), out)
    return [page.extract_text() or "" for page in pypdf.PdfReader(out).pages]


def test_plan_pdf_contains_title_unit_and_danish_letters(pdf_pages: list[str]) -> None:
    text = "\n".join(pdf_pages)
    assert "Handlingsplan" in text
    assert UNIT in text
    for letter in ("æ", "ø", "å", "Æ", "Å"):
        assert letter in text
    assert "14-02-2025" in text
    assert "02-06-2025" in text  # next follow-up
    assert "Prioritet 1" in text and "Prioritet 2" in text


def test_plan_pdf_contains_every_action(pdf_pages: list[str]) -> None:
    text = _squash("".join(pdf_pages))
    for action in build_plan().actions:
        for part in (action.problem, action.action, action.success, action.owner):
            assert _squash(part) in text, part


def test_plan_pdf_contains_data_reference(pdf_pages: list[str]) -> None:
    text = _squash("".join(pdf_pages))
    assert _squash("Baggrund i data: " + REFERENCE.as_text()) in text


def test_plan_pdf_has_signature_lines(pdf_pages: list[str]) -> None:
    last = pdf_pages[-1]
    for role in ("Leder", "TR", "AMR"):
        assert re.search(rf"\b{role}\b", last), role
    assert "Underskrift" in last
    assert "Åse Kjærgård" in last


def test_plan_pdf_numbers_every_page(pdf_pages: list[str]) -> None:
    total = len(pdf_pages)
    assert total >= 3
    for number, page in enumerate(pdf_pages, start=1):
        assert f"Side {number} af {total}" in page
        assert UNIT in page


def test_plan_pdf_repeats_table_header(pdf_pages: list[str]) -> None:
    actions = build_plan().actions
    table_pages = [
        page for page in pdf_pages
        if any(_squash(a.action) in _squash(page) for a in actions)
    ]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert "Handling (hvad)" in page
        assert "Succes-kriterium" in page


def test_plan_pdf_spread_has_no_names(pdf_pages: list[str]) -> None:
    text = "\n".join(pdf_pages)
    assert "median 3" in text
    assert "laveste–højeste 2–5" in text
    assert "5 stemmer, 1 meldte pas" in text


def test_unwritable_path_raises_oserror(tmp_path: Path) -> None:
    blocker = tmp_path / "en fil"
    blocker.write_text("ikke en mappe")
    with pytest.raises(OSError):
        write_action_plan(build_plan(), blocker / "plan.pdf")
    with pytest.raises(OSError):
        write_action_plan(build_plan(), tmp_path / "findes ikke" / "plan.pdf")
    assert list(tmp_path.iterdir()) == [blocker]


def test_failed_write_keeps_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")
    plan = build_plan()
    broken = ActionPlan(**{**plan.__dict__, "themes": (*plan.themes[:7], None)})  # type: ignore[arg-type]
    with pytest.raises(Exception):  # noqa: B017 - any rendering error
        write_action_plan(broken, out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]
