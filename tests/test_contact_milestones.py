"""'Kontaktmodellen i tal' on small hand-made data whose answers were worked out by hand."""

from __future__ import annotations

from datetime import date

from norddjurs_desktop.domain.absence import AbsenceRow, StaffMember
from norddjurs_desktop.domain.contact_milestones import count_milestones

SICK = "Egen sygdom"


def staff(*keys: str) -> list[StaffMember]:
    return [StaffMember(k, "Team A", "Pædagog", 40, 1.0, date(2020, 1, 1), None) for k in keys]


def row(key: str, start: date, end: date | None) -> AbsenceRow:
    return AbsenceRow(key, SICK, start, end)


# Each person's spells in 2026, with what it reached (worked out by hand):
ROWS = [
    # a: 2 March – 29 March = exactly 28 days → dag 3, dag 10, dag 28
    row("a", date(2026, 3, 2), date(2026, 3, 29)),
    # b: 2 – 28 March = 27 days → dag 3, dag 10; and a spell running into 2027: not counted
    row("b", date(2026, 3, 2), date(2026, 3, 28)),
    row("b", date(2026, 12, 20), date(2027, 1, 10)),
    # c: from 31 Dec 2025; its 2-month date is 28 Feb 2026; it ends the day before → no 2 months
    row("c", date(2025, 12, 31), date(2026, 2, 27)),
    # d: the same start, ending on the 2-month date → 2 months
    row("d", date(2025, 12, 31), date(2026, 2, 28)),
    # e: Friday 5 June and Monday–Tuesday 8–9 June: one spell of 5 days (weekend between)
    row("e", date(2026, 6, 5), date(2026, 6, 5)),
    row("e", date(2026, 6, 8), date(2026, 6, 9)),
    # f: Friday 12 June and Tuesday 16 June: a working Monday between → two 1-day spells
    row("f", date(2026, 6, 12), date(2026, 6, 12)),
    row("f", date(2026, 6, 16), date(2026, 6, 16)),
    # g: 31 January – 30 April: 2 months on 31 March, 3 months on 30 April → both
    row("g", date(2026, 1, 31), date(2026, 4, 30)),
]


def test_milestones_by_hand() -> None:
    result = count_milestones(
        staff("a", "b", "c", "d", "e", "f", "g"), ROWS, date(2026, 1, 1), date(2026, 12, 31)
    )
    assert result.spells == 8  # a, b, c, d, e (merged), f twice, g; b's 2027 spell is not in
    assert result.reached == {
        "dag 3": 6,  # a b c d e g
        "dag 10": 5,  # a b c d g
        "dag 28": 4,  # a c d g
        "2 måneder": 2,  # d g
        "3 måneder": 1,  # g
    }
    assert result.persons == 7 and not result.too_few_persons
    assert result.share("dag 28") == 50.0


def test_a_spell_counts_in_the_period_it_ends_in() -> None:
    result = count_milestones(staff("b"), ROWS, date(2027, 1, 1), date(2027, 12, 31))
    assert result.spells == 1
    assert result.reached["dag 10"] == 1 and result.reached["dag 28"] == 0  # 22 days


def test_the_two_month_date_in_a_leap_year() -> None:
    rows = [
        row("x", date(2023, 12, 31), date(2024, 2, 28)),  # 2-month date is 29 Feb 2024
        row("y", date(2023, 12, 31), date(2024, 2, 29)),
    ]
    result = count_milestones(staff("x", "y"), rows, date(2024, 1, 1), date(2024, 12, 31))
    assert result.reached["2 måneder"] == 1
    assert result.too_few_persons  # two persons: the view must show nothing


def test_an_open_spell_ends_at_the_last_day_of_the_data() -> None:
    rows = [row("a", date(2026, 9, 1), None)]
    result = count_milestones(
        staff("a"), rows, date(2026, 1, 1), date(2026, 12, 31), data_end=date(2026, 9, 28)
    )
    assert result.spells == 1
    assert result.reached["dag 28"] == 1 and result.reached["2 måneder"] == 0


def test_other_milestones_for_another_model() -> None:
    milestones = (("dag 5", 5, None), ("dag 14", 14, None))
    result = count_milestones(
        staff("e", "f"), ROWS, date(2026, 1, 1), date(2026, 12, 31), milestones
    )
    assert result.reached == {"dag 5": 1, "dag 14": 0}  # e's merged Friday–Tuesday spell


def test_the_chart_and_sentences_carry_counts_and_shares_in_words() -> None:
    from norddjurs_desktop.domain.contact_milestones import ContactMilestones
    from norddjurs_desktop.reports.charts.contact_charts import (
        milestone_sentence,
        milestones_chart,
        milestones_headline,
    )

    counts = {"dag 3": 120, "dag 10": 7, "dag 28": 23, "2 måneder": 0, "3 måneder": 0}
    found = ContactMilestones(date(2025, 1, 1), date(2025, 12, 31), None, 41, 256, counts)
    assert milestone_sentence(found, "dag 28") == "23 forløb nåede dag 28 — 9 % af forløbene"
    assert milestones_headline(found).startswith("256 forløb sluttede i perioden")
    figure = milestones_chart(found, 72)
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert "23 (9 %)" in texts and "0 (0 %)" in texts  # every bar says its number: no colour code
    ticks = {t.get_text(): t.get_position()[1] for t in figure.axes[0].get_yticklabels()}
    order = sorted(ticks, key=ticks.__getitem__, reverse=True)  # top of the chart first
    assert order == ["Nåede dag 3", "Nåede dag 10", "Nåede dag 28", "Nåede 2 måneder",
                     "Nåede 3 måneder"]
