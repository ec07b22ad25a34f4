from datetime import timedelta

import pytest

from django.utils import timezone

from networks.engagement.factories import ActivityFactory
from networks.engagement.models import ActivityKind
from networks.engagement.selectors import (
    active_people_by_network,
    active_people_by_school,
    active_people_in_network,
)
from networks.engagement.sources import activity_sources
from networks.models import NetworkSchool
from tests.world import world_built_once

# These tests only read the world: it is built once for the module.
world = world_built_once()
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("members_joined_long_ago")]

NOW = timezone.now().replace(microsecond=0)


def active(
    world, user, *, network=None, school=None, days_ago=1, seconds=0, kind=ActivityKind.CONTRIBUTED
):
    return ActivityFactory(
        user=user,
        network=network or world.network,
        school=school,
        kind=kind,
        occurred_at=NOW - timedelta(days=days_ago, seconds=seconds),
    )


def test_a_person_active_many_times_counts_once(world):
    for kind in ActivityKind.values:
        active(world, world.member, school=world.school, kind=kind)
    active(world, world.co_leader, school=world.school)

    assert active_people_in_network(world.network, now=NOW) == 2


def test_activity_exactly_90_days_ago_counts(world):
    active(world, world.member, days_ago=90)

    assert active_people_in_network(world.network, now=NOW) == 1


def test_activity_a_second_more_than_90_days_ago_does_not_count(world):
    active(world, world.member, days_ago=90, seconds=1)

    assert active_people_in_network(world.network, now=NOW) == 0


def test_the_window_can_be_shorter(world):
    active(world, world.member, days_ago=20)

    assert active_people_in_network(world.network, since_days=14, now=NOW) == 0


def test_active_people_by_network_counts_distinct_people_per_network(world):
    active(world, world.member)
    active(world, world.member, days_ago=3)
    active(world, world.other_co_leader, network=world.other_network)
    active(world, world.member, network=world.other_network)
    active(world, world.co_leader, network=world.other_network)

    counts = {network.title: network.active_people for network in active_people_by_network(now=NOW)}

    assert counts == {"Pennine Enquiry Network": 3, "Mersey Feedback Network": 1}


def test_active_people_by_network_puts_the_most_active_first_and_keeps_quiet_networks(world):
    active(world, world.other_co_leader, network=world.other_network)

    titles = [network.title for network in active_people_by_network(now=NOW)]

    assert titles == ["Pennine Enquiry Network", "Mersey Feedback Network"]


def test_active_people_by_network_is_one_query_and_one_per_source(world, django_assert_num_queries):
    active(world, world.member)

    with django_assert_num_queries(1 + len(activity_sources())):
        list(active_people_by_network(now=NOW))


def test_active_people_by_school_counts_distinct_people_per_member_school(world):
    active(world, world.member, school=world.school)
    active(world, world.member, school=world.school, days_ago=5)
    active(world, world.co_leader, school=world.school)
    active(world, world.second_co_leader, school=world.second_school, days_ago=100)
    active(world, world.critical_friend)

    counts = {
        link.school.name: link.active_people
        for link in active_people_by_school(world.network, now=NOW)
    }

    assert counts == {"Seaforth Primary School": 2, "Bootle Church of England Primary": 0}


def test_active_people_by_school_ignores_the_same_school_s_activity_in_another_network(world):
    active(world, world.member, network=world.other_network, school=world.school)

    counts = [link.active_people for link in active_people_by_school(world.network, now=NOW)]

    assert counts == [0, 0]


def test_active_people_by_school_leaves_out_schools_that_have_left(world):
    NetworkSchool.objects.filter(school=world.second_school).update(left_on=NOW.date())

    schools = [link.school for link in active_people_by_school(world.network, now=NOW)]

    assert schools == [world.school]


@pytest.mark.parametrize("activities", [2, 20])
def test_active_people_by_school_is_one_query_and_one_per_source(
    world, django_assert_num_queries, activities
):
    for days_ago in range(activities):
        active(world, world.member, school=world.school, days_ago=days_ago)

    with django_assert_num_queries(1 + len(activity_sources())):
        [link.school.name for link in active_people_by_school(world.network, now=NOW)]
