"""Engagement reads a fixed number of queries whatever the data: the broker's overview and a
network's profile with 3 networks' worth of every kind of activity, then 30."""

from datetime import timedelta

import pytest

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.accounts.factories import BrokerFactory
from networks.engagement.factories import ActivityFactory
from networks.engagement.models import ActivityKind
from networks.engagement.selectors import network_engagement
from networks.engagement.sources import activity_sources
from networks.factories import CoLeaderFactory, MembershipFactory, SchoolFactory
from peer_review.factories import cycle_for, framework_version, version_criteria
from peer_review.models import ProposedLevel
from tests.world import network_with_schools
from visits.factories import BookingFactory, VisitSessionFactory

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("engagement:overview")


def busy_network(number: int, version):
    """A network whose people joined, contributed, reviewed, attended and took part in a
    review cycle, each in a different term."""
    school = SchoolFactory()
    network = network_with_schools(f"Busy Network {number:02d}", schools=[school])
    co_leader = CoLeaderFactory(network=network, school=school).user
    member = MembershipFactory(network=network, school=school).user
    now = timezone.now()
    for kind, days in ((ActivityKind.CONTRIBUTED, 3), (ActivityKind.REVIEWED, 130)):
        ActivityFactory(
            user=member,
            network=network,
            school=school,
            kind=kind,
            occurred_at=now - timedelta(days),
        )
    past = now - timedelta(days=250)
    BookingFactory(
        session=VisitSessionFactory(starts_at=past, ends_at=past + timedelta(hours=6)),
        person=member,
        network=network,
        attended=True,
    )
    cycle = cycle_for(network, co_leader, version=version)
    ProposedLevel.objects.create(
        cycle=cycle, criterion=version_criteria(version)[0], by=member, level=2
    )
    return network


@pytest.fixture
def version():
    return framework_version()


def queries_of(client, url) -> int:
    caches[settings.PAGE_CACHE_ALIAS].clear()  # work the figures out, not read them kept
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_overview_runs_the_same_queries_for_3_or_30_networks(client, version):
    client.force_login(BrokerFactory())
    for number in range(3):
        busy_network(number, version)
    client.get(OVERVIEW)
    few = queries_of(client, OVERVIEW)
    for number in range(3, 30):
        busy_network(number, version)

    assert queries_of(client, OVERVIEW) == few


def test_a_profile_runs_the_same_queries_beside_3_or_30_networks(client, version):
    network = busy_network(0, version)
    for number in range(1, 3):
        busy_network(number, version)
    client.get(network.url)
    few = queries_of(client, network.url)
    for number in range(3, 30):
        busy_network(number, version)

    assert queries_of(client, network.url) == few


@pytest.mark.parametrize("networks", [3, 30])
def test_a_network_s_engagement_is_one_query_per_source_and_one_for_its_schools(
    django_assert_num_queries, version, networks
):
    built = [busy_network(number, version) for number in range(networks)]

    with django_assert_num_queries(len(activity_sources()) + 1):
        engagement = network_engagement(built[0])

    assert engagement.active_people == 2  # the member and the co-leader, who joined
