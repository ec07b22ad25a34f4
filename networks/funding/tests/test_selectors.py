from decimal import Decimal

import pytest

from networks.funding.factories import (
    FundingReceiptFactory,
    InKindContributionFactory,
    SpendingPlanRevisionFactory,
)
from networks.funding.models import ContributionKind
from networks.funding.selectors import (
    funding_totals,
    in_kind_by_school,
    plan_history_entries,
    spending_plan_history,
)
from tests.world import world_built_once

# These tests only read the world: it is built once for the module.
world = world_built_once()
pytestmark = pytest.mark.django_db


def test_funding_totals_count_money_value_and_staff_days_separately(world):
    FundingReceiptFactory(network=world.network, amount=Decimal("12000"))
    FundingReceiptFactory(network=world.network, amount=Decimal("3000"))
    FundingReceiptFactory(network=world.other_network, amount=Decimal("99"))
    InKindContributionFactory(network=world.network, school=world.school, quantity=Decimal("4"))
    InKindContributionFactory(
        network=world.network,
        school=world.second_school,
        kind=ContributionKind.STAFF_DAYS,
        quantity=Decimal("2.5"),
        money_value=Decimal("500"),
    )
    InKindContributionFactory(
        network=world.network,
        school=world.school,
        kind=ContributionKind.MONEY,
        quantity=Decimal("1500"),
        money_value=Decimal("1500"),
    )

    totals = funding_totals(world.network)

    assert (totals.received, totals.receipts) == (Decimal("15000"), 2)
    assert (totals.in_kind_money, totals.staff_days, totals.contributions) == (
        Decimal("2000"),
        Decimal("6.5"),
        3,
    )


def test_funding_totals_are_zero_for_a_network_with_no_records(world):
    totals = funding_totals(world.network)

    assert (totals.received, totals.in_kind_money, totals.staff_days) == (0, 0, 0)


def test_in_kind_by_school_sums_each_school(world):
    InKindContributionFactory(network=world.network, school=world.school, quantity=Decimal("4"))
    InKindContributionFactory(network=world.network, school=world.school, quantity=Decimal("1"))
    InKindContributionFactory(
        network=world.network, school=world.second_school, quantity=Decimal("2")
    )

    rows = {row["school__name"]: row["staff_days"] for row in in_kind_by_school(world.network)}

    assert rows == {
        "Seaforth Primary School": Decimal("5"),
        "Bootle Church of England Primary": Decimal("2"),
    }


def test_plan_history_is_newest_first(world):
    for _ in range(3):
        SpendingPlanRevisionFactory(network=world.network)

    numbers = [revision.number for revision in spending_plan_history(world.network)]

    assert numbers == [3, 2, 1]


def test_plan_history_entries_are_newest_first_with_what_changed(world):
    SpendingPlanRevisionFactory(
        network=world.network,
        lines=[("Supply cover", Decimal("4800")), ("Hosting costs", Decimal("600"))],
    )
    SpendingPlanRevisionFactory(
        network=world.network,
        lines=[("Supply cover", Decimal("7200")), ("Pupil researcher training", Decimal("650"))],
    )

    newest, first = plan_history_entries(spending_plan_history(world.network))

    assert (newest.revision.number, first.revision.number) == (2, 1)
    assert newest.total_change_text == "up £2,450"
    assert newest.changes == [
        "Changed: Supply cover from £4,800 to £7,200",
        "Added: Pupil researcher training (£650)",
        "Removed: Hosting costs (£600)",
    ]
    assert (first.total_change, first.changes) == (None, [])
