from datetime import date, timedelta
from decimal import Decimal

import pytest

from core.errors import ActionRefused, NotAllowed
from networks.engagement.models import Activity, ActivityKind
from networks.funding import services
from networks.funding.models import (
    LEARNING_REQUIRED,
    ContributionKind,
    FundingReceipt,
    InKindContribution,
    SpendingPlanLine,
    SpendingPlanRevision,
)
from networks.models import NetworkSchool
from tests.world import world_built_once

# These tests only read the world: it is built once for the module.
world = world_built_once()
pytestmark = pytest.mark.django_db


LAST_MONTH = date.today() - timedelta(days=30)


def record_grant(world, **overrides):
    arguments = {
        "network": world.network,
        "by": world.co_leader,
        "source": "Local authority school improvement grant",
        "amount": Decimal("12000"),
        "received_on": LAST_MONTH,
        "note": "For joint enquiry in 2025–26.",
    } | overrides
    return services.record_funding(**arguments)


def contribute(world, **overrides):
    arguments = {
        "network": world.network,
        "by": world.co_leader,
        "school": world.school,
        "kind": ContributionKind.STAFF_DAYS,
        "quantity": Decimal("4"),
        "description": "Two teachers released for two lesson study days",
        "contributed_on": LAST_MONTH,
    } | overrides
    return services.record_contribution(**arguments)


def revise(world, **overrides):
    arguments = {
        "network": world.network,
        "by": world.co_leader,
        "plan": "Release teachers for enquiry trios.",
        "lines": [("Supply cover for enquiry trios", Decimal("4800"))],
    } | overrides
    return services.revise_spending_plan(**arguments)


def test_record_funding_saves_the_receipt(world):
    receipt = record_grant(world)

    assert FundingReceipt.objects.get() == receipt
    assert receipt.recorded_by == world.co_leader
    assert receipt.amount == Decimal("12000")


def test_record_funding_counts_the_co_leader_as_contributing(world):
    receipt = record_grant(world)

    activity = Activity.objects.get()
    assert (activity.user, activity.kind, activity.school, activity.source) == (
        world.co_leader,
        ActivityKind.CONTRIBUTED,
        world.school,
        receipt,
    )


def test_record_funding_by_an_admin_who_is_not_a_member_is_not_counted_as_activity(world):
    record_grant(world, by=world.admin)

    assert FundingReceipt.objects.count() == 1
    assert Activity.objects.count() == 0


def test_record_funding_refuses_a_date_in_the_future(world):
    with pytest.raises(ActionRefused) as error:
        record_grant(world, received_on=date.today() + timedelta(days=1))

    assert "cannot be in the future" in error.value.field_errors["received_on"]
    assert FundingReceipt.objects.count() == 0


def test_record_funding_refuses_an_amount_of_nothing(world):
    with pytest.raises(ActionRefused) as error:
        record_grant(world, amount=Decimal("0"))

    assert error.value.field_errors["amount"] == "The amount must be more than £0."


def test_record_funding_is_refused_for_a_member_who_is_not_a_co_leader(world):
    with pytest.raises(NotAllowed):
        record_grant(world, by=world.member)

    assert FundingReceipt.objects.count() == 0


def test_record_funding_is_refused_in_a_closed_network_with_a_reason(world, closed_network):
    with pytest.raises(ActionRefused) as error:
        record_grant(world)

    assert error.value.message == (
        "Mersey Feedback Network has closed, so its funding records and spending plan are "
        "read-only. What it recorded stays available."
    )


def test_record_contribution_from_a_member_school(world):
    contribution = contribute(world)

    assert InKindContribution.objects.get() == contribution
    assert contribution.quantity_display == "4 days"


def test_record_contribution_from_a_school_outside_the_network_is_refused(world):
    with pytest.raises(ActionRefused) as error:
        contribute(world, school=world.outside_school)

    assert error.value.field_errors["school"] == (
        "Wirral Grammar School for Girls is not a current member school of Mersey Feedback "
        "Network. Only member schools' contributions count towards the network's match "
        "funding: add the school to the network first."
    )
    assert InKindContribution.objects.count() == 0


def test_record_contribution_from_a_school_that_has_left_is_refused(world):
    NetworkSchool.objects.filter(network=world.network, school=world.second_school).update(
        left_on=LAST_MONTH
    )

    with pytest.raises(ActionRefused, match="not a current member school"):
        contribute(world, school=world.second_school)


def test_staff_days_are_always_counted_in_days(world):
    contribution = contribute(world, unit="hours")

    assert contribution.unit == "days"


def test_a_contribution_of_money_is_its_own_money_value(world):
    contribution = contribute(world, kind=ContributionKind.MONEY, quantity=Decimal("1500"))

    assert (contribution.unit, contribution.money_value) == ("£", Decimal("1500"))
    assert contribution.quantity_display == "£1,500"


def test_a_contribution_of_money_with_a_different_money_value_is_refused(world):
    with pytest.raises(ActionRefused) as error:
        contribute(
            world, kind=ContributionKind.MONEY, quantity=Decimal("1500"), money_value=Decimal("20")
        )

    assert "leave the money value blank" in error.value.field_errors["money_value"]


def test_hosting_without_a_unit_is_refused(world):
    with pytest.raises(ActionRefused) as error:
        contribute(world, kind=ContributionKind.HOSTING, quantity=Decimal("3"), unit=" ")

    assert "Say what the quantity counts" in error.value.field_errors["unit"]


def test_hosting_keeps_its_unit_and_optional_money_value(world):
    contribution = contribute(
        world,
        kind=ContributionKind.HOSTING,
        quantity=Decimal("3"),
        unit="sessions",
        money_value=Decimal("450"),
    )

    assert (contribution.quantity_display, contribution.money_value) == (
        "3 sessions",
        Decimal("450"),
    )


def test_the_first_plan_needs_no_learning_note(world):
    revision = revise(world)

    assert (revision.number, revision.learning) == (1, "")


def test_a_later_revision_without_a_learning_note_is_refused_with_the_reason(world):
    revise(world)

    with pytest.raises(ActionRefused) as error:
        revise(world, plan="Fewer trios, more time each.", learning="   ")

    assert error.value.field_errors["learning"] == LEARNING_REQUIRED
    assert "only audit asks how each network's learning changed its plans" in LEARNING_REQUIRED
    assert SpendingPlanRevision.objects.count() == 1


def test_a_later_revision_is_numbered_after_the_last_and_totals_its_lines(world):
    revise(world)

    revision = revise(
        world,
        learning="Trios needed two observations a term.",
        lines=[("Supply cover", Decimal("7200")), ("Pupil researcher training", Decimal("650.50"))],
    )

    assert (revision.number, revision.total) == (2, Decimal("7850.50"))
    assert [line.description for line in revision.lines.all()] == [
        "Supply cover",
        "Pupil researcher training",
    ]


def test_a_revision_based_on_an_out_of_date_plan_is_refused(world):
    revise(world)
    revise(world, by=world.second_co_leader, learning="Hosting rotates now.", based_on=1)

    with pytest.raises(ActionRefused) as error:
        revise(world, learning="Trios needed more time.", based_on=1)

    assert error.value.message == (
        "Aisha Ahmed revised the plan (revision 2) while you were editing. Read their revision, "
        "then make your change again."
    )


def test_a_plan_with_no_planned_amounts_is_refused(world):
    with pytest.raises(ActionRefused) as error:
        revise(world, lines=[])

    assert "Add at least one planned amount" in error.value.field_errors["lines"]


def test_a_negative_planned_amount_is_refused_and_nothing_is_written(world):
    with pytest.raises(ActionRefused) as error:
        revise(world, lines=[("Cover", Decimal("100")), ("Refund", Decimal("-5"))])

    assert error.value.field_errors["lines"] == (
        "Line 2 ('Refund'): A planned amount cannot be negative."
    )
    assert SpendingPlanRevision.objects.count() == SpendingPlanLine.objects.count() == 0


def test_revisions_cannot_be_edited(world):
    revision = revise(world)
    revision.plan = "Something else entirely."

    with pytest.raises(ValueError, match="append-only"):
        revision.save()


def test_revisions_cannot_be_deleted(world):
    revision = revise(world)

    with pytest.raises(ValueError, match="append-only"):
        revision.delete()


def test_revising_the_plan_is_refused_in_a_closed_network(world, closed_network):
    with pytest.raises(ActionRefused, match="has closed"):
        revise(world)

    assert SpendingPlanRevision.objects.count() == 0
