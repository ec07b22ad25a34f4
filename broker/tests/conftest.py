"""Fixtures for the broker's tests: two networks with people, a broker, built by factories."""

from dataclasses import dataclass

import pytest

from artefacts.factories import ArtefactPageFactory
from core.accounts.factories import AdminFactory, BrokerFactory, UserFactory
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    MembershipFactory,
    NetworkSchoolFactory,
    ThemeFactory,
)
from visits.factories import VisitOfferFactory, VisitSessionFactory


@dataclass
class World:
    network: object
    other_network: object
    co_leader: object  # of `network`
    member: object  # of `network`
    other_co_leader: object  # of `other_network`
    other_member: object  # of `other_network`
    outsider: object  # signed in, in no network
    broker: object
    admin: object


def build_network(**fields):
    network = ActiveNetworkFactory(**fields)
    co_leaders = [CoLeaderFactory(network=network) for _ in range(2)]
    members = [MembershipFactory(network=network) for _ in range(2)]
    for membership in co_leaders + members:
        NetworkSchoolFactory(network=network, school=membership.school)
    return network, co_leaders, members


@pytest.fixture
def world(db) -> World:
    network, co_leaders, members = build_network(title="Mersey Feedback Network")
    other, other_leaders, other_members = build_network(title="Pennine Enquiry Network")
    return World(
        network=network,
        other_network=other,
        co_leader=co_leaders[0].user,
        member=members[0].user,
        other_co_leader=other_leaders[0].user,
        other_member=other_members[0].user,
        outsider=UserFactory(),
        broker=BrokerFactory(),
        admin=AdminFactory(),
    )


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Assessment for learning")


@pytest.fixture
def make_artefact(world):
    """A published artefact in the world's network (override anything)."""

    def make(**fields):
        fields.setdefault("network", world.network)
        fields.setdefault("owner", world.member)
        return ArtefactPageFactory(**fields)

    return make


@pytest.fixture
def make_offer(world):
    """A study-visit offer of the world's network, open for booking with a session a fortnight
    ahead (override anything: `network`, `visibility`, `status`, `private`, …)."""

    def make(*, sessions: int = 1, **fields):
        fields.setdefault("network", world.network)
        fields.setdefault("created_by", world.co_leader)
        offer = VisitOfferFactory(**fields)
        for _ in range(sessions):
            VisitSessionFactory(offer=offer)
        return offer

    return make
