"""Axe in a real browser on the broker's overview and the profile's engagement section."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.urls import reverse
from django.utils import timezone

from networks.engagement.factories import ActivityFactory
from tests.world import sign_in

pytestmark = pytest.mark.browser


def with_activity(world):
    for user in (world.member, world.co_leader):
        ActivityFactory(
            user=user,
            network=world.network,
            school=world.school,
            occurred_at=timezone.now() - timedelta(days=3),
        )


def test_the_engagement_overview_is_accessible(page, live_server, world, assert_accessible):
    with_activity(world)
    sign_in(page, live_server, world.broker)

    page.goto(reverse("engagement:overview"))

    expect(page.get_by_role("table", name="Networks by people active")).to_be_visible()
    expect(page.get_by_role("img", name="People active across all networks")).to_be_visible()
    assert_accessible(page)


def test_the_profile_engagement_section_is_accessible_to_a_member(
    page, live_server, world, assert_accessible
):
    with_activity(world)
    sign_in(page, live_server, world.member)

    page.goto(world.network.url)

    expect(
        page.get_by_role("table", name="People active in the last 90 days, by member school")
    ).to_be_visible()
    expect(page.get_by_role("table", name="People active in each of the last 6")).to_be_visible()
    assert_accessible(page)
