"""Every field of the plan at 5,000 characters prints, and prints in full.

Each field is filled with its own numbered words ("F07ø0001 F07ø0002 …"),
so reading the PDF back shows whether any word of any field went missing —
wherever rows were split across pages.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import count
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from norddjurs_desktop.domain.followup import (  # noqa: E402
    FollowUpReport,
    ReviewedAction,
    ScoreChange,
)
from norddjurs_desktop.domain.palette import PALETTE_THEMES  # noqa: E402
from norddjurs_desktop.domain.plan import (  # noqa: E402
    ActionPlan,
    DataReference,
    PlanAction,
    PlanCardNote,
    PlanParticipant,
    PlanTheme,
)
from norddjurs_desktop.reports.plan_pdf import write_action_plan  # noqa: E402

LENGTH = 5000
_codes = count(1)


def field_text(fields: dict[str, str], name: str, joiner: str = " ") -> str:
    """Exactly 5,000 characters of numbered words, remembered under ``name``."""
    code = f"F{next(_codes):02d}ø"
    words, length, number = [], 0, 0
    while length < LENGTH:
        number += 1
        word = f"{code}{number:04d}"
        words.append(word)
        length += len(word) + len(joiner)
    text = joiner.join(words)[:LENGTH]
    fields[name] = text
    return text


ACTION_FIELDS = ("problem", "action", "owner", "success",
                 "chart", "period", "filter", "figure", "observation")


def long_plan(fields: dict[str, str]) -> ActionPlan:
    """A plan in which every kind of field is 5,000 characters long somewhere.

    Each row carries one long field (a row with all of them would only test
    reportlab's speed); every field kind is long in some row.
    """

    def t(name: str, long: bool = True) -> str:
        return field_text(fields, name) if long else f"kort {name}"

    def theme(index: int, key: str, title: str) -> PlanTheme:
        return PlanTheme(
            key=key, title=title, colour="#1f5fa8", symbol="circle", score=index % 5 + 1,
            resources=t(f"resources {key}", index == 0),
            challenges=t(f"challenges {key}", index == 1),
            priority=1 if index == 0 else None,
            card_notes=(PlanCardNote(t(f"card {key}", index == 2),
                                     t(f"card note {key}", index == 3)),),
        )

    def action(long_field: str) -> PlanAction:
        v = {name: t(f"{name} {long_field}", name == long_field) for name in ACTION_FIELDS}
        return PlanAction(
            theme_title="Håndtering", problem=v["problem"], action=v["action"],
            owner=v["owner"], deadline=date(2026, 3, 1), follow_up=date(2026, 4, 1),
            status="i gang", success=v["success"],
            data_reference=DataReference(
                chart=v["chart"], period=v["period"], filter=v["filter"],
                figure=v["figure"], observation=v["observation"],
            ),
            carried_from=date(2025, 8, 1) if long_field == "action" else None,
        )

    def review(long_field: str) -> ReviewedAction:
        v = {name: t(f"review {name}", name == long_field)
             for name in ("action", "owner", "comment")}
        return ReviewedAction(theme_title="Håndtering", action=v["action"], owner=v["owner"],
                              status="i gang", effect="delvist", comment=v["comment"],
                              carried_over=True)

    changes = tuple(ScoreChange(k, title, 2, 3) for k, title in PALETTE_THEMES)
    return ActionPlan(
        unit_name=t("unit"),
        screening_date=date(2026, 2, 1),
        forum="TRIO",
        purpose=t("purpose"),
        participants=tuple(PlanParticipant(t(f"participant {r}"), r) for r in ("Leder", "TR")),
        themes=tuple(theme(i, key, title) for i, (key, title) in enumerate(PALETTE_THEMES)),
        actions=tuple(action(name) for name in ACTION_FIELDS),
        next_follow_up=date(2026, 8, 1),
        summary=t("summary"),
        other_card_notes=(PlanCardNote(t("other card"), t("other note"), "Tryghed – Tale"),),
        follow_up=FollowUpReport(date(2025, 8, 1),
                                 tuple(review(n) for n in ("action", "owner", "comment")),
                                 changes),
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], str, int]:
    fields: dict[str, str] = {}
    plan = long_plan(fields)
    out = tmp_path_factory.mktemp("lang") / "lang plan.pdf"
    write_action_plan(plan, out)
    pages = pypdf.PdfReader(out).pages
    return fields, _squash("".join(page.extract_text() or "" for page in pages)), len(pages)


def test_every_field_of_5000_characters_prints_every_word(
    printed: tuple[dict[str, str], str, int],
) -> None:
    fields, text, _pages = printed
    assert len(fields) == 23
    for name, value in fields.items():
        if name == "unit":
            continue  # the unit's name is checked below: the footer shortens it by design
        missing = [word for word in value.split() if word not in text]
        assert not missing, f"{name}: {len(missing)} words missing, first {missing[:3]}"


def test_the_unit_name_prints_in_full_on_the_first_page(
    printed: tuple[dict[str, str], str, int],
) -> None:
    fields, text, _pages = printed
    for word in fields["unit"].split():
        assert word in text


def test_headers_of_split_tables_repeat(printed: tuple[dict[str, str], str, int]) -> None:
    _fields, text, _pages = printed
    # Each action row is taller than a page, so the table continues over many pages
    assert text.count(_squash("Handling (hvad)")) >= 9
    assert text.count(_squash("Virkede det?")) >= 3


def test_a_long_word_without_spaces_wraps_instead_of_failing(tmp_path: Path) -> None:
    fields: dict[str, str] = {}
    link = field_text(fields, "link", joiner="/")
    plan = long_plan({})
    plan = ActionPlan(**{**plan.__dict__, "summary": link, "purpose": link})
    out = tmp_path / "link.pdf"
    write_action_plan(plan, out)
    reader = pypdf.PdfReader(out)
    text = _squash("".join(page.extract_text() or "" for page in reader.pages))
    words = link.split("/")
    code = words[0][:4]
    # A word cut by a page break is interrupted by the footer; all others are whole.
    found = sum(1 for word in words if word in text)
    assert found >= len(words) - len(reader.pages)
    assert text.count(code) >= 2 * len(words) - 2 * len(reader.pages)
