"""Joining counts as activity, a person counts once however they were active, and the trend by
school term."""

from datetime import datetime, timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from networks.engagement.factories import ActivityFactory
from networks.engagement.models import ActivityKind
from networks.engagement.selectors import active_people_in_network, network_engagement
from networks.factories import MembershipFactory
from networks.models import Membership
from tests.world import world_built_once

world = world_built_once()
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("members_joined_long_ago")]

# Mid spring term 2026, far from any term's edge; the last six terms run from summer 2024.
NOW = timezone.make_aware(datetime(2026, 2, 10, 12, 0))


def on(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 10, 0))


def joined(world, user, when):
    membership = MembershipFactory(network=world.network, user=user, school=world.school)
    Membership.objects.filter(pk=membership.pk).update(joined_at=when)
    return membership


def contributed(world, user, when, kind=ActivityKind.CONTRIBUTED):
    return ActivityFactory(user=user, network=world.network, kind=kind, occurred_at=when)


def test_joining_a_network_counts_as_activity(world):
    joined(world, world.outsider, NOW - timedelta(days=5))

    assert active_people_in_network(world.network, now=NOW) == 1


def test_joining_before_the_window_does_not_count(world):
    joined(world, world.outsider, NOW - timedelta(days=91))

    assert active_people_in_network(world.network, now=NOW) == 0


@pytest.mark.parametrize("kind", [ActivityKind.CONTRIBUTED, ActivityKind.REVIEWED])
def test_recorded_contributions_and_reviews_count(world, kind):
    contributed(world, world.member, NOW - timedelta(days=2), kind=kind)

    assert active_people_in_network(world.network, now=NOW) == 1


def test_a_person_who_joined_and_contributed_counts_once(world):
    joined(world, world.outsider, NOW - timedelta(days=5))
    contributed(world, world.outsider, NOW - timedelta(days=2))

    assert active_people_in_network(world.network, now=NOW) == 1


def test_a_person_who_joined_and_contributed_counts_once_for_their_school(world):
    joined(world, world.outsider, NOW - timedelta(days=5))
    ActivityFactory(
        user=world.outsider,
        network=world.network,
        school=world.school,
        occurred_at=NOW - timedelta(days=2),
    )

    links = network_engagement(world.network, now=NOW).school_links

    assert {link.school.name: link.active_people for link in links} == {
        "Seaforth Primary School": 1,
        "Bootle Church of England Primary": 0,
    }


def test_the_trend_counts_people_in_each_of_the_last_six_terms(world):
    contributed(world, world.member, on(2024, 5, 1))  # summer 2024
    contributed(world, world.member, on(2025, 10, 1))  # autumn 2025
    contributed(world, world.co_leader, on(2025, 11, 20))  # autumn 2025
    contributed(world, world.co_leader, on(2025, 12, 1))  # autumn 2025, again
    joined(world, world.outsider, on(2026, 1, 5))  # spring 2026
    contributed(world, world.critical_friend, on(2024, 3, 1))  # spring 2024: too long ago

    terms = network_engagement(world.network, now=NOW).terms

    assert [(count.term.label, count.active_people) for count in terms] == [
        ("Summer 2024", 1),
        ("Autumn 2024", 0),
        ("Spring 2025", 0),
        ("Summer 2025", 0),
        ("Autumn 2025", 2),
        ("Spring 2026", 1),
    ]


def test_the_current_term_is_the_last_one(world):
    terms = network_engagement(world.network, now=NOW).terms

    assert [count.is_current for count in terms] == [False] * 5 + [True]


def test_the_profile_shows_the_trend_table_and_chart(client, world):
    contributed(world, world.member, timezone.now())

    content = client.get(world.network.url).content.decode()

    assert "People active in each of the last 6 school terms" in content
    assert "(so far)</th><td>1</td>" in content
    assert f'id="engagement-{world.network.pk}-terms-title"' in content


def test_the_overview_shows_the_trend_across_networks_once_per_network(client, world):
    contributed(world, world.member, timezone.now())
    contributed(world, world.member, timezone.now(), kind=ActivityKind.REVIEWED)
    ActivityFactory(user=world.member, network=world.other_network, occurred_at=timezone.now())
    client.force_login(world.broker)

    content = client.get(reverse("engagement:overview")).content.decode()

    assert "each counted once per network" in content
    assert "(so far)</th><td>2</td>" in content
