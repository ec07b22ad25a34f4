from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError

from networks.funding.factories import SpendingPlanRevisionFactory
from networks.funding.forms import SpendingPlanForm, parse_plan_lines
from networks.funding.models import LEARNING_REQUIRED


def test_plan_lines_are_read_with_pounds_signs_and_thousands_commas():
    lines = parse_plan_lines("Supply cover: £4,800\n\n  Cover: Year 6 visits: 250.5 \n")

    assert lines == [
        ("Supply cover", Decimal("4800.00")),
        ("Cover: Year 6 visits", Decimal("250.50")),
    ]


def test_a_plan_line_without_an_amount_is_named_in_the_error():
    with pytest.raises(ValidationError) as error:
        parse_plan_lines("Supply cover: £4,800\nHosting the summer conference")

    assert error.value.messages == [
        "Line 2 ('Hosting the summer conference'): put the amount after a colon, e.g. "
        "'Supply cover: £4,800'."
    ]


def test_a_plan_line_with_an_amount_that_is_not_money_is_named_in_the_error():
    with pytest.raises(ValidationError) as error:
        parse_plan_lines("Supply cover: about £4k")

    assert error.value.messages == ["Line 1: 'about £4k' is not an amount in pounds."]


def test_the_first_plan_form_does_not_ask_what_was_learned():
    form = SpendingPlanForm(latest=None)

    assert "learning" not in form.fields


def test_a_later_plan_form_starts_from_the_current_plan(world):
    latest = SpendingPlanRevisionFactory(
        network=world.network, plan="Trios.", lines=[("Supply cover", Decimal("4800"))]
    )

    form = SpendingPlanForm(latest=latest)

    assert (form["plan"].value(), form["lines"].value(), form["based_on"].value()) == (
        "Trios.",
        "Supply cover: £4,800",
        1,
    )


def test_a_later_plan_form_with_no_learning_says_why_it_matters(world):
    latest = SpendingPlanRevisionFactory(network=world.network)

    form = SpendingPlanForm(
        {"plan": "Trios.", "lines": "Cover: 100", "learning": "", "based_on": "1"}, latest=latest
    )

    assert not form.is_valid()
    assert form.errors["learning"] == [LEARNING_REQUIRED]
