"""Every kind of person × every action on a network's funding, indicators and engagement.

One parametrised matrix for the nested apps: each cell asks the `can_*` predicate and its
`why_not_*` companion, which must agree (None exactly when allowed, a message otherwise). The
world is built once for the module and only read.
"""

import pytest

from django.contrib.auth.models import AnonymousUser

from networks.baselining import permissions as baselining
from networks.engagement import permissions as engagement
from networks.funding import permissions as funding
from tests.world import ROLES, world_built_once

# These tests only read the world: it is built once for the module.
world = world_built_once()


pytestmark = pytest.mark.django_db

EVERYONE = set(ROLES)
INSIDERS = {"member", "critical_friend", "co_leader", "broker", "admin"}
MANAGERS = {"co_leader", "admin"}

ACTIONS = {
    # Public: that the network matches its funding, and the totals; the plan's history names
    # people and is the network's own.
    (funding, "view_funding_totals"): EVERYONE,
    (funding, "view_spending_plan"): INSIDERS,
    (funding, "view_funding_records"): INSIDERS,
    (funding, "record_funding"): MANAGERS,
    (funding, "revise_spending_plan"): MANAGERS,
    # Public: the charts and numbers are the network's learning; notes may name a class.
    (baselining, "view_indicators"): EVERYONE,
    (baselining, "view_observation_notes"): INSIDERS,
    (baselining, "manage_indicators"): MANAGERS,
    # Public: how alive the network is; not a public league table of schools.
    (engagement, "view_active_people_total"): EVERYONE,
    (engagement, "view_active_people_by_school"): INSIDERS,
}
CELLS = [
    pytest.param(
        module,
        action,
        role,
        role in allowed,
        id=f"{module.__name__.split('.')[1]}-{action}-{role}-"
        f"{'allowed' if role in allowed else 'refused'}",
    )
    for (module, action), allowed in ACTIONS.items()
    for role in ROLES
]


@pytest.mark.parametrize(("module", "action", "role", "expected"), CELLS)
def test_permission(world, module, action, role, expected):
    user = world.person(role) or AnonymousUser()

    allowed = getattr(module, f"can_{action}")(user, world.network)
    why_not = getattr(module, f"why_not_{action}")(user, world.network)

    assert (allowed, why_not is None) == (expected, expected)
    assert why_not is None or why_not.strip()
