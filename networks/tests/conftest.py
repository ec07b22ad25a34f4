"""Fixtures for the networks tests: networks with people, built by the factories."""

import pytest

from core.accounts.factories import UserFactory
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    CriticalFriendFactory,
    MembershipFactory,
    NetworkPageFactory,
    SchoolFactory,
)
from networks.models import NetworkStatus
from networks.wagtail_permissions import sync_network_access


def build_network(
    *, status=NetworkStatus.ACTIVE, co_leaders=2, members=1, critical_friends=0, **fields
):
    """A live network with current co-leaders, members and critical friends, groups in step."""
    factory = NetworkPageFactory if status == NetworkStatus.FORMING else ActiveNetworkFactory
    network = factory(status=status, **fields)
    network.co_leader_memberships = [CoLeaderFactory(network=network) for _ in range(co_leaders)]
    network.member_memberships = [MembershipFactory(network=network) for _ in range(members)]
    network.friend_memberships = [
        CriticalFriendFactory(network=network) for _ in range(critical_friends)
    ]
    sync_network_access(network)
    return network


@pytest.fixture
def make_network(db):
    return build_network


@pytest.fixture
def network(make_network):
    """An active network with two co-leaders and one member."""
    return make_network()


@pytest.fixture
def co_leader(network):
    return network.co_leader_memberships[0].user


@pytest.fixture
def second_co_leader(network):
    return network.co_leader_memberships[1].user


@pytest.fixture
def member(network):
    return network.member_memberships[0].user


@pytest.fixture
def outsider(db):
    return UserFactory()


@pytest.fixture
def school(db):
    return SchoolFactory()
