"""The shared test world: networks with people in every role, built by the factories.

One module builds it for every app's tests. Two ways to use it:

* `build_network(...)`: one live network with current co-leaders, members and critical friends
  (the networks tests' `make_network` fixture);
* `build_world()`: the named world (two networks, their schools and people in every role, a
  broker and an administrator), as the fixtures below give it:

  - `world`: built afresh for each test, for tests that change it;
  - `world = world_built_once()` in a test module whose tests only read it: built once for the
    module inside a transaction rolled back when the module ends (like Django's `setUpTestData`);
  - `closed_network`: the world's network, closed for one test.

A conftest that wants the fixtures imports them: `from tests.world import world  # noqa: F401`.
"""

from dataclasses import dataclass

import pytest

from django.conf import settings
from django.db import transaction
from django.test import Client

from core.accounts.factories import AdminFactory, BrokerFactory, UserFactory
from core.schools.models import School
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    CriticalFriendFactory,
    MembershipFactory,
    NetworkPageFactory,
    NetworkSchoolFactory,
    SchoolFactory,
)
from networks.models import NetworkPage, NetworkStatus

# Everyone a permission can be asked about, from the public to platform staff.
ROLES = [
    "anonymous",
    "outsider",
    "member",
    "critical_friend",
    "co_leader",
    "other_co_leader",
    "broker",
    "admin",
]


def build_network(
    *, status=NetworkStatus.ACTIVE, co_leaders=2, members=1, critical_friends=0, **fields
) -> NetworkPage:
    """A live network with current co-leaders, members and critical friends.

    The memberships are kept on the network as `co_leader_memberships`, `member_memberships`
    and `friend_memberships`.
    """
    factory = NetworkPageFactory if status == NetworkStatus.FORMING else ActiveNetworkFactory
    network = factory(status=status, **fields)
    network.co_leader_memberships = [CoLeaderFactory(network=network) for _ in range(co_leaders)]
    network.member_memberships = [MembershipFactory(network=network) for _ in range(members)]
    network.friend_memberships = [
        CriticalFriendFactory(network=network) for _ in range(critical_friends)
    ]
    return network


@dataclass
class World:
    network: NetworkPage
    other_network: NetworkPage
    school: School
    second_school: School
    outside_school: School  # in `other_network` only
    co_leader: object
    second_co_leader: object
    member: object
    critical_friend: object
    other_co_leader: object  # co-leader of `other_network`
    outsider: object  # signed in, in no network
    broker: object
    admin: object

    def person(self, role: str):
        """The person in `role` (one of ROLES); None for the anonymous visitor."""
        return None if role == "anonymous" else getattr(self, role)


def network_with_schools(title: str, *, schools=()) -> NetworkPage:
    """An active network with these member schools (and nobody in it yet)."""
    network = ActiveNetworkFactory(title=title)
    for school in schools:
        NetworkSchoolFactory(network=network, school=school)
    return network


def build_world() -> World:
    """Mersey Feedback Network (two schools, two co-leaders, a member and a critical friend) and
    Pennine Enquiry Network (one school, one co-leader), with an outsider, a broker and an admin."""
    school = SchoolFactory(name="Seaforth Primary School")
    second_school = SchoolFactory(name="Bootle Church of England Primary")
    outside_school = SchoolFactory(name="Wirral Grammar School for Girls")
    network = network_with_schools("Mersey Feedback Network", schools=[school, second_school])
    other_network = network_with_schools("Pennine Enquiry Network", schools=[outside_school])
    co_leader = UserFactory(first_name="Tom", last_name="Brennan")
    second_co_leader = UserFactory(first_name="Aisha", last_name="Ahmed")
    member = UserFactory(first_name="Ben", last_name="Byrne")
    critical_friend = UserFactory(first_name="Chloe", last_name="Clarke")
    other_co_leader = UserFactory(first_name="Dev", last_name="Davies")
    CoLeaderFactory(network=network, user=co_leader, school=school)
    CoLeaderFactory(network=network, user=second_co_leader, school=second_school)
    MembershipFactory(network=network, user=member, school=school)
    CriticalFriendFactory(network=network, user=critical_friend)
    CoLeaderFactory(network=other_network, user=other_co_leader, school=outside_school)
    return World(
        network=network,
        other_network=other_network,
        school=school,
        second_school=second_school,
        outside_school=outside_school,
        co_leader=co_leader,
        second_co_leader=second_co_leader,
        member=member,
        critical_friend=critical_friend,
        other_co_leader=other_co_leader,
        outsider=UserFactory(),
        broker=BrokerFactory(),
        admin=AdminFactory(),
    )


@pytest.fixture
def world(db) -> World:
    return build_world()


def world_built_once():
    """A `world` fixture for a test module whose tests only read the world: built once for the
    module inside a transaction rolled back when the module ends (like `setUpTestData`). Each
    test still runs in its own rolled-back transaction, so what it writes is gone after it; it
    must not change the world's objects in memory. Use: `world = world_built_once()` at the top
    of the module, with `pytestmark = pytest.mark.django_db`."""

    @pytest.fixture(scope="module")
    def world(django_db_setup, django_db_blocker) -> World:
        with django_db_blocker.unblock(), transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)

    return world


@pytest.fixture
def closed_network(world) -> NetworkPage:
    """The world's network, closed for this test (and open again after it)."""
    network = world.network
    status = network.status
    NetworkPage.objects.filter(pk=network.pk).update(status=NetworkStatus.CLOSED)
    network.status = NetworkStatus.CLOSED
    yield network
    network.status = status


def sign_in(browser_page, live_server, user) -> None:
    """Give the browser tab a signed-in session for `user` (the sign-in form is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    browser_page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
