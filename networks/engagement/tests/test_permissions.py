"""Who sees the all-networks engagement overview (the per-network matrix is in
networks/tests/test_section_permissions.py)."""

import pytest

from django.contrib.auth.models import AnonymousUser

from networks.engagement import permissions
from tests.world import ROLES, world_built_once

# These tests only read the world: it is built once for the module.
world = world_built_once()

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "expected"),
    [pytest.param(role, role in {"broker", "admin"}, id=role) for role in ROLES],
)
def test_only_brokers_and_admins_see_the_engagement_overview(world, role, expected):
    user = world.person(role) or AnonymousUser()

    assert permissions.can_view_engagement_overview(user) is expected
    assert (permissions.why_not_view_engagement_overview(user) is None) is expected
