"""Test fixtures shared by the funding, baselining and engagement tests: one network with
every kind of person around it, and a second network for isolation checks.

Each tests package imports `world` and `closed_network` into its conftest.
"""

from dataclasses import dataclass

import pytest

from core.accounts.factories import AdminFactory, BrokerFactory, UserFactory
from core.schools.models import School
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    CriticalFriendFactory,
    MembershipFactory,
    NetworkSchoolFactory,
    SchoolFactory,
)
from networks.models import NetworkPage, NetworkStatus


def make_network(title: str, *, schools=()) -> NetworkPage:
    network = ActiveNetworkFactory(title=title)
    for school in schools:
        NetworkSchoolFactory(network=network, school=school)
    return network


@dataclass
class World:
    network: NetworkPage
    other_network: NetworkPage
    school: School
    second_school: School
    outside_school: School
    co_leader: object
    second_co_leader: object
    member: object
    critical_friend: object
    other_co_leader: object
    outsider: object
    broker: object
    admin: object

    def person(self, role: str):
        return None if role == "anonymous" else getattr(self, role)


@pytest.fixture
def world(db) -> World:
    school = SchoolFactory(name="Seaforth Primary School")
    second_school = SchoolFactory(name="Bootle Church of England Primary")
    outside_school = SchoolFactory(name="Wirral Grammar School for Girls")
    network = make_network("Mersey Feedback Network", schools=[school, second_school])
    other_network = make_network("Pennine Enquiry Network", schools=[outside_school])
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
def closed_network(world) -> NetworkPage:
    """The world's network, closed."""
    NetworkPage.objects.filter(pk=world.network.pk).update(status=NetworkStatus.CLOSED)
    world.network.refresh_from_db()
    return world.network


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


def sign_in(browser_page, live_server, user) -> None:
    """Give the browser tab a signed-in session for `user` (the sign-in form is tested elsewhere)."""
    from django.conf import settings
    from django.test import Client

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
