from datetime import timedelta

import pytest

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.accounts.factories import UserFactory
from networks.engagement.factories import ActivityFactory
from networks.engagement.views import NETWORKS_PER_PAGE
from networks.engagement.wagtail_hooks import register_engagement_menu_item
from networks.factories import MembershipFactory, SchoolFactory
from tests.world import network_with_schools, world_built_once

# These tests only read the world: it is built once for the module.
world = world_built_once()
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("members_joined_long_ago")]

OVERVIEW = reverse("engagement:overview")


def active(user, network, school=None, days_ago=1):
    return ActivityFactory(
        user=user,
        network=network,
        school=school,
        occurred_at=timezone.now() - timedelta(days=days_ago),
    )


@pytest.fixture
def broker_client(client, world):
    client.force_login(world.broker)
    return client


def test_the_overview_lists_networks_most_active_first_with_their_schools(broker_client, world):
    active(world.other_co_leader, world.other_network, world.outside_school)
    active(world.member, world.other_network)

    content = broker_client.get(OVERVIEW).content.decode()

    assert content.index("Pennine Enquiry Network") < content.index("Mersey Feedback Network")
    assert "Wirral Grammar School for Girls: 1" in content
    assert "Seaforth Primary School: 0" in content


def test_the_overview_is_paginated(broker_client, world):
    for number in range(NETWORKS_PER_PAGE):
        network_with_schools(f"Extra Network {number:02d}")

    first = broker_client.get(OVERVIEW).content.decode()
    second = broker_client.get(f"{OVERVIEW}?page=2").content.decode()

    assert "Page 1 of 2" in first and "Page 2 of 2" in second


def test_the_overview_is_refused_to_a_co_leader(client, world):
    client.force_login(world.co_leader)

    assert client.get(OVERVIEW).status_code == 403


def test_the_overview_sends_an_anonymous_visitor_to_sign_in(client, world):
    response = client.get(OVERVIEW)

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def add_networks_with_schools(count):
    for number in range(count):
        school = SchoolFactory()
        network = network_with_schools(f"Busy Network {count}-{number}", schools=[school])
        active(MembershipFactory(network=network, school=school).user, network, school)


def test_the_overview_runs_the_same_queries_for_2_or_20_networks(
    broker_client, world, django_assert_num_queries
):
    add_networks_with_schools(2)
    broker_client.get(OVERVIEW)
    with CaptureQueriesContext(connection) as few:
        broker_client.get(OVERVIEW)
    add_networks_with_schools(16)

    with django_assert_num_queries(len(few)):
        broker_client.get(OVERVIEW)


def test_the_profile_shows_the_public_the_network_total_only(client, world):
    active(world.member, world.network, world.school)
    active(world.co_leader, world.network, world.school)

    content = client.get(world.network.url).content.decode()

    assert "<strong>2</strong> people active in the last 90 days" in content
    assert "by member school" not in content


def test_the_profile_shows_members_the_per_school_table(client, world):
    active(world.member, world.network, world.school)
    client.force_login(world.member)

    content = client.get(world.network.url).content.decode()

    assert "People active in the last 90 days, by member school" in content
    assert '<th scope="row">Seaforth Primary School</th><td>1</td>' in content


def test_the_profile_links_the_broker_to_the_overview(broker_client, world):
    content = broker_client.get(world.network.url).content.decode()

    assert f'href="{OVERVIEW}"' in content


def test_the_profile_section_runs_the_same_queries_for_2_or_20_people(
    client, world, django_assert_num_queries
):
    client.force_login(world.member)
    for _ in range(2):
        active(UserFactory(), world.network, world.school)
    client.get(world.network.url)
    caches[settings.PAGE_CACHE_ALIAS].clear()  # read the section, not what the page cache kept
    with CaptureQueriesContext(connection) as few:
        client.get(world.network.url)
    for _ in range(18):
        active(UserFactory(), world.network, world.second_school)

    caches[settings.PAGE_CACHE_ALIAS].clear()  # read the section, not what the page cache kept
    with django_assert_num_queries(len(few)):
        client.get(world.network.url)


@pytest.mark.parametrize(
    ("role", "shown"), [("broker", True), ("admin", True), ("co_leader", False)]
)
def test_the_admin_menu_item_is_shown_to_brokers_and_admins_only(world, role, shown):
    request = RequestFactory().get("/admin/")
    request.user = world.person(role)

    assert register_engagement_menu_item().is_shown(request) is shown
