"""The permission matrix: every kind of person × every action on a network's indicators."""

import pytest

from django.contrib.auth.models import AnonymousUser

from networks.baselining import permissions
from networks.engagement.tests.world import ROLES

INSIDERS = {"member", "critical_friend", "co_leader", "broker", "admin"}
MANAGERS = {"co_leader", "admin"}

ACTIONS = {
    "can_view_indicators": set(ROLES),  # public: charts and numbers are the network's learning
    "can_view_observation_notes": INSIDERS,
    "can_manage_indicators": MANAGERS,
}
MATRIX = [
    pytest.param(
        action,
        role,
        role in allowed,
        id=f"{action}-{role}-{'allowed' if role in allowed else 'refused'}",
    )
    for action, allowed in ACTIONS.items()
    for role in ROLES
]


@pytest.mark.parametrize(("action", "role", "expected"), MATRIX)
def test_permission(world, action, role, expected):
    user = world.person(role) or AnonymousUser()

    assert getattr(permissions, action)(user, world.network) is expected


@pytest.mark.parametrize("role", sorted(MANAGERS))
def test_nobody_manages_the_indicators_of_a_closed_network(world, closed_network, role):
    assert permissions.can_manage_indicators(world.person(role), closed_network) is False


def test_an_unpublished_network_s_indicators_are_hidden_from_the_public(world):
    world.network.unpublish()

    assert permissions.can_view_indicators(AnonymousUser(), world.network) is False
