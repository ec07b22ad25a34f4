"""The permission matrix: every kind of person × every action on a network's funding."""

import pytest

from django.contrib.auth.models import AnonymousUser

from networks.engagement.tests.world import ROLES
from networks.funding import permissions

INSIDERS = {"member", "critical_friend", "co_leader", "broker", "admin"}
MANAGERS = {"co_leader", "admin"}

ACTIONS = {
    "can_view_funding_totals": set(ROLES),  # public: networks publish their learning
    "can_view_spending_plan": set(ROLES),  # public, with what changed it
    "can_view_funding_records": INSIDERS,
    "can_record_funding": MANAGERS,
    "can_revise_spending_plan": MANAGERS,
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


@pytest.mark.parametrize("action", ["can_record_funding", "can_revise_spending_plan"])
@pytest.mark.parametrize("role", sorted(MANAGERS))
def test_nobody_changes_the_funding_of_a_closed_network(world, closed_network, action, role):
    assert getattr(permissions, action)(world.person(role), closed_network) is False


def test_a_closed_network_s_records_stay_visible_to_its_members(world, closed_network):
    assert permissions.can_view_funding_records(world.member, closed_network) is True
