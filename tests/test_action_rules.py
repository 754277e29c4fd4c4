"""One rule for an action's dates, whether it comes from the form or straight to the service.

The tester's case: a follow-up on 01-01-2024 for a screening held 10-03-2025
was refused by the dialog but stored by the service. Now both refuse it, with
the same sentence.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel

from norddjurs_desktop.domain.action_rules import action_problem
from norddjurs_desktop.services import actions, screenings, units
from norddjurs_desktop.services.dto import ActionData
from norddjurs_desktop.services.errors import ValidationError
from norddjurs_desktop.ui.plan.action_dialog import ActionDialog

SCREENING_DAY = date(2025, 3, 10)

CASES = [
    # (deadline, follow-up, the words the refusal must contain)
    (None, date(2024, 1, 1), "Opfølgningsdatoen (01-01-2024) ligger før screeningens dato"),
    (date(2025, 3, 1), None, "Deadline (01-03-2025) ligger før screeningens dato"),
    (date(2025, 6, 1), date(2025, 5, 1), "Opfølgningsdatoen (01-05-2025) ligger før deadline"),
]


def an_action(deadline: date | None, follow_up: date | None) -> ActionData:
    return ActionData(
        id=None, theme_key="handling", problem="", action="Ring dag 3", owner="Leder",
        deadline=deadline, follow_up=follow_up, status="ikke startet", success="",
    )


@pytest.mark.parametrize(("deadline", "follow_up", "words"), CASES)
def test_the_service_refuses_what_the_dialog_refuses(qtbot, db, deadline, follow_up, words):
    unit = units.create_unit(db, "Rengøringen")
    screening = screenings.create_screening(db, unit, on=SCREENING_DAY)
    with pytest.raises(ValidationError) as refused:
        actions.add_action(db, screening, an_action(deadline, follow_up))
    assert words in str(refused.value)
    assert actions.list_actions(db, screening) == []

    dialog = ActionDialog(SCREENING_DAY, an_action(deadline, follow_up))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible()  # not accepted
    assert words in dialog.findChild(QLabel, "errorLabel").text()
    assert str(refused.value) in dialog.findChild(QLabel, "errorLabel").text()


def test_a_valid_action_passes_everywhere(qtbot, db) -> None:
    good = an_action(date(2025, 4, 1), date(2025, 5, 1))
    assert action_problem(
        action=good.action, theme_key=good.theme_key, status=good.status,
        deadline=good.deadline, follow_up=good.follow_up, screening_date=SCREENING_DAY,
    ) is None
    unit = units.create_unit(db, "Rengøringen")
    screening = screenings.create_screening(db, unit, on=SCREENING_DAY)
    stored = actions.add_action(db, screening, good).value
    assert stored.follow_up == date(2025, 5, 1)
    dialog = ActionDialog(SCREENING_DAY, good)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == ActionDialog.DialogCode.Accepted
