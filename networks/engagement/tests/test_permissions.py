"""The permission matrix: every kind of person × every engagement view."""

import pytest

from django.contrib.auth.models import AnonymousUser

from networks.engagement import permissions
from networks.engagement.tests.world import ROLES

INSIDERS = {"member", "critical_friend", "co_leader", "broker", "admin"}

NETWORK_ACTIONS = {
    "can_view_active_people_total": set(ROLES),  # public: how alive the network is
    "can_view_active_people_by_school": INSIDERS,  # not a public league table of schools
}
MATRIX = [
    pytest.param(
        action,
        role,
        role in allowed,
        id=f"{action}-{role}-{'allowed' if role in allowed else 'refused'}",
    )
    for action, allowed in NETWORK_ACTIONS.items()
    for role in ROLES
]


@pytest.mark.parametrize(("action", "role", "expected"), MATRIX)
def test_permission(world, action, role, expected):
    user = world.person(role) or AnonymousUser()

    assert getattr(permissions, action)(user, world.network) is expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [pytest.param(role, role in {"broker", "admin"}, id=role) for role in ROLES],
)
def test_only_brokers_and_admins_see_the_engagement_overview(world, role, expected):
    user = world.person(role) or AnonymousUser()

    assert permissions.can_view_engagement_overview(user) is expected
