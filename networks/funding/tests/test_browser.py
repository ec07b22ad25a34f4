"""Axe in a real browser on the funding pages and the profile's funding section."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from networks.funding.factories import (
    FundingReceiptFactory,
    InKindContributionFactory,
    SpendingPlanRevisionFactory,
)
from tests.world import sign_in

pytestmark = pytest.mark.browser


def url(name, network):
    return reverse(f"funding:{name}", kwargs={"network_slug": network.slug})


def with_records(world):
    FundingReceiptFactory(network=world.network, amount=Decimal("25000"))
    InKindContributionFactory(network=world.network, school=world.school)
    SpendingPlanRevisionFactory(network=world.network)
    SpendingPlanRevisionFactory(network=world.network, learning="Trios needed a second visit.")


def test_the_funding_form_with_errors_is_accessible(page, live_server, world, assert_accessible):
    sign_in(page, live_server, world.co_leader)
    page.goto(url("record_funding", world.network))

    page.get_by_role("button", name="Record funding").click()

    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)


def test_the_contribution_form_is_accessible(page, live_server, world, assert_accessible):
    sign_in(page, live_server, world.co_leader)

    page.goto(url("record_contribution", world.network))

    assert_accessible(page)


def test_the_plan_revision_form_with_errors_is_accessible(
    page, live_server, world, assert_accessible
):
    with_records(world)
    sign_in(page, live_server, world.co_leader)
    page.goto(url("revise_plan", world.network))

    page.get_by_role("button", name="Save this revision").click()

    expect(page.get_by_text("only audit asks how each network").first).to_be_visible()
    assert_accessible(page)


def test_the_funding_records_page_is_accessible(page, live_server, world, assert_accessible):
    with_records(world)
    sign_in(page, live_server, world.co_leader)

    page.goto(url("overview", world.network))
    page.get_by_text("The plan in revision 2").click()

    assert_accessible(page)


def test_the_profile_funding_section_is_accessible(page, live_server, world, assert_accessible):
    with_records(world)

    page.goto(world.network.url)

    expect(page.get_by_role("heading", name="Match funding and spending plan")).to_be_visible()
    assert_accessible(page)
