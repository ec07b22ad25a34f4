"""Fixtures for the networks tests: networks with people, built by the shared test world."""

import pytest

from core.accounts.factories import UserFactory
from networks.factories import SchoolFactory
from tests.world import build_network


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
