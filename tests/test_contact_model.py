"""The contact model's calendar rules: day N, moving contacts off holidays, alerts by month."""

from __future__ import annotations

from datetime import date

import pytest

from norddjurs_desktop.domain.contact_model import (
    ContactModelError,
    add_months,
    model_with_days,
    parse_contact_model,
    parse_days,
    plan_contacts,
)
from norddjurs_desktop.services.contact import load_models


@pytest.fixture(scope="module")
def models():
    return load_models()


def contacts(plan) -> list[tuple[int, date, date]]:
    return [(c.day, c.date, c.planned) for c in plan.contacts]


def alerts(plan) -> dict[str, date]:
    return {a.label: a.date for a in plan.alerts}


def test_first_sick_day_on_maundy_thursday_moves_every_contact_past_easter(models) -> None:
    plan = plan_contacts(models["1-3-10"], date(2026, 4, 2))  # Skærtorsdag
    assert contacts(plan) == [
        (1, date(2026, 4, 2), date(2026, 4, 7)),  # Easter ends Monday 6 April
        (3, date(2026, 4, 4), date(2026, 4, 7)),  # Saturday of Easter
        (10, date(2026, 4, 11), date(2026, 4, 13)),  # Saturday → Monday
    ]
    assert [c.reason for c in plan.contacts] == ["Skærtorsdag", "lørdag", "lørdag"]
    # alerts keep their dates, weekend or not
    assert alerts(plan)["3 dage"] == date(2026, 4, 4)
    assert alerts(plan)["10 dage"] == date(2026, 4, 11)
    assert alerts(plan)["28 dage"] == date(2026, 4, 29)
    assert alerts(plan)["2 måneder"] == date(2026, 6, 2)
    assert alerts(plan)["3 måneder"] == date(2026, 7, 2)


def test_christmas_and_new_year_push_contacts_to_the_next_working_day(models) -> None:
    plan = plan_contacts(models["1-3-10"], date(2026, 12, 23))
    assert contacts(plan) == [
        (1, date(2026, 12, 23), date(2026, 12, 23)),
        (3, date(2026, 12, 25), date(2026, 12, 28)),  # juledag, 2. juledag, Sunday
        (10, date(2027, 1, 1), date(2027, 1, 4)),  # nytårsdag (Friday), weekend
    ]
    assert plan.contacts[1].reason == "Juledag"
    assert plan.contacts[2].reason == "Nytårsdag"


def test_christmas_eve_is_a_working_day_as_in_the_rest_of_the_figures(models) -> None:
    plan = plan_contacts(models["1-3-10"], date(2026, 12, 22))
    assert contacts(plan)[1] == (3, date(2026, 12, 24), date(2026, 12, 24))
    assert not plan.contacts[1].moved


def test_new_year_on_day_three(models) -> None:
    plan = plan_contacts(models["1-3-10"], date(2026, 12, 30))
    assert contacts(plan)[1:] == [
        (3, date(2027, 1, 1), date(2027, 1, 4)),
        (10, date(2027, 1, 8), date(2027, 1, 8)),
    ]


def test_a_friday_first_day_puts_day_three_and_ten_on_sundays(models) -> None:
    plan = plan_contacts(models["1-3-10"], date(2026, 3, 6))
    assert contacts(plan) == [
        (1, date(2026, 3, 6), date(2026, 3, 6)),
        (3, date(2026, 3, 8), date(2026, 3, 9)),
        (10, date(2026, 3, 15), date(2026, 3, 16)),
    ]
    assert alerts(plan)["3 dage"] == date(2026, 3, 8)  # Sunday: an alert is never moved


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2026, 1, 31), 2, date(2026, 3, 31)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2027, 12, 31), 2, date(2028, 2, 29)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
    ],
)
def test_months_keep_the_day_or_take_the_months_last_day(start, months, expected) -> None:
    assert add_months(start, months) == expected


def test_month_end_first_day_gives_month_end_alerts_up_to_twelve_months(models) -> None:
    plan = plan_contacts(models["1-3-10"], date(2026, 1, 31))
    found = alerts(plan)
    assert found["2 måneder"] == date(2026, 3, 31)
    assert found["3 måneder"] == date(2026, 4, 30)
    assert found["4 måneder"] == date(2026, 5, 31)
    assert found["12 måneder"] == date(2027, 1, 31)
    assert list(found) == [
        "3 dage", "10 dage", "28 dage",
        *(f"{m} måneder" for m in range(2, 13)),
    ]
    dates = [a.date for a in plan.alerts]
    assert dates == sorted(dates)


def test_leap_day_first_day(models) -> None:
    plan = plan_contacts(models["1-3-10"], date(2028, 2, 29))  # Tuesday
    assert alerts(plan)["12 måneder"] == date(2029, 2, 28)
    assert alerts(plan)["28 dage"] == date(2028, 3, 27)
    assert contacts(plan)[2] == (10, date(2028, 3, 9), date(2028, 3, 9))


def test_the_1_5_14_model_around_easter(models) -> None:
    plan = plan_contacts(models["1-5-14"], date(2026, 4, 2))
    assert contacts(plan) == [
        (1, date(2026, 4, 2), date(2026, 4, 7)),
        (5, date(2026, 4, 6), date(2026, 4, 7)),  # 2. påskedag
        (14, date(2026, 4, 15), date(2026, 4, 15)),
    ]
    assert list(alerts(plan))[:3] == ["5 dage", "14 dage", "28 dage"]


def test_the_2_6_14_model_around_ascension_and_whitsun(models) -> None:
    plan = plan_contacts(models["2-6-14"], date(2026, 5, 13))
    assert contacts(plan) == [
        (2, date(2026, 5, 14), date(2026, 5, 15)),  # Kristi himmelfartsdag
        (6, date(2026, 5, 18), date(2026, 5, 18)),
        (14, date(2026, 5, 26), date(2026, 5, 26)),
    ]
    assert plan.contacts[0].reason == "Kristi himmelfartsdag"
    assert alerts(plan)["6 dage"] == date(2026, 5, 18)


def test_own_contact_days_bring_their_own_reminders_and_keep_the_later_alerts(models) -> None:
    own = model_with_days(models["1-3-10"], (1, 4, 12))
    plan = plan_contacts(own, date(2026, 3, 2))
    assert [c.day for c in plan.contacts] == [1, 4, 12]
    labels = list(alerts(plan))
    assert labels[:3] == ["4 dage", "12 dage", "28 dage"]
    assert "3 dage" not in labels and "10 dage" not in labels
    assert plan.contacts[0].text == models["1-3-10"].contacts[0].text  # day 1 keeps its text


@pytest.mark.parametrize("text", ["", "1,,3", "1,tre,10", "0,3", "1,3,3", "1,400", "-1,3"])
def test_bad_day_lists_are_refused_in_danish(text: str) -> None:
    with pytest.raises(ContactModelError) as error:
        parse_days(text)
    assert any(word in str(error.value) for word in ("dag", "Dag", "dage"))


def test_day_lists_are_read_and_sorted() -> None:
    assert parse_days("10, 1,3") == (1, 3, 10)


def test_a_model_file_without_contact_days_is_refused() -> None:
    with pytest.raises(ContactModelError):
        parse_contact_model('key = "x"\ntitle = "X"\n')
    with pytest.raises(ContactModelError):
        parse_contact_model('key = "x"\ntitle = "X"\n[[alerts]]\nlabel="a"\ntext="t"\n'
                            '[[contacts]]\nday=1\ntext="t"\n')


def test_the_shipped_models_milestones(models) -> None:
    labels = [label for label, _d, _m in models["1-3-10"].milestones()]
    assert labels == ["dag 3", "dag 10", "dag 28", "2 måneder", "3 måneder"]
    labels = [label for label, _d, _m in models["1-5-14"].milestones()]
    assert labels == ["dag 5", "dag 14", "dag 28", "2 måneder", "3 måneder"]
