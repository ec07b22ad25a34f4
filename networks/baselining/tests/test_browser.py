"""Axe in a real browser on the indicator pages and the profile's charts."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from networks.baselining.factories import IndicatorFactory, ObservationFactory
from tests.world import sign_in

pytestmark = pytest.mark.browser


def with_indicators(world):
    reading = IndicatorFactory(network=world.network, baseline_on=date(2024, 9, 1))
    for month, value in [(1, "63"), (7, "66.5"), (12, "65")]:
        ObservationFactory(
            indicator=reading, observed_on=date(2025, month, 10), value=Decimal(value)
        )
    IndicatorFactory(network=world.network, name="Staff taking part in joint enquiry", unit="staff")
    return reading


def test_the_indicator_form_with_errors_is_accessible(page, live_server, world, assert_accessible):
    sign_in(page, live_server, world.co_leader)
    page.goto(reverse("baselining:define_indicator", kwargs={"network_slug": world.network.slug}))

    page.get_by_role("button", name="Add indicator").click()

    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)


def test_the_observation_form_is_accessible(page, live_server, world, assert_accessible):
    reading = with_indicators(world)
    sign_in(page, live_server, world.co_leader)

    page.goto(
        reverse(
            "baselining:record_observation",
            kwargs={"network_slug": world.network.slug, "pk": reading.pk},
        )
    )

    assert_accessible(page)


def test_the_indicator_page_is_accessible(page, live_server, world, assert_accessible):
    with_indicators(world)
    sign_in(page, live_server, world.member)

    page.goto(reverse("baselining:indicators", kwargs={"network_slug": world.network.slug}))

    assert_accessible(page)


def test_the_profile_charts_are_images_with_their_numbers_in_a_table(
    page, world, assert_accessible
):
    reading = with_indicators(world)

    page.goto(world.network.url)
    page.get_by_text(f"The numbers for {reading.name}").click()

    expect(
        page.get_by_role("img", name=f"{reading.name}: trend since the baseline")
    ).to_be_visible()
    expect(
        page.get_by_role("table", name=f"{reading.name}: the baseline and every observation since")
    ).to_be_visible()
    assert_accessible(page)
