"""Who may do what: every actor × every action × the network's state, one test per cell.

Actors: anonymous, a signed-in outsider, a member, a co-leader, a co-leader of another network,
a national broker and an administrator. The world is built once per module inside a transaction
that is rolled back at the end (like Django's setUpTestData).
"""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from core.accounts.factories import AdminFactory, BrokerFactory, UserFactory
from networks import permissions
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    DecisionFactory,
    InvitationFactory,
    MembershipFactory,
    NetworkPageFactory,
)
from networks.models import DecisionKind, DecisionStatus, NetworkStatus

ACTORS = ["anonymous", "outsider", "member", "co_leader", "other_co_leader", "broker", "admin"]
STATES = [NetworkStatus.FORMING, NetworkStatus.ACTIVE, NetworkStatus.CLOSED]
OPEN = {NetworkStatus.FORMING, NetworkStatus.ACTIVE}

SIGNED_IN = {"outsider", "member", "co_leader", "other_co_leader", "broker", "admin"}
MANAGERS = {"co_leader", "admin"}
NOT_MEMBERS_SIGNED_IN = {"outsider", "other_co_leader", "broker", "admin"}

# action -> (who is allowed while the network is open, ... when it has closed). Each action is a
# `can_<action>` predicate with its `why_not_<action>` companion in networks.permissions.
MATRIX = {
    "propose_network": (SIGNED_IN, SIGNED_IN),
    "view_manage_page": (MANAGERS, MANAGERS),
    "invite": (MANAGERS, set()),
    "revoke_invitation": (MANAGERS, set()),
    "accept_invitation": (NOT_MEMBERS_SIGNED_IN, set()),
    "request_to_join": (NOT_MEMBERS_SIGNED_IN, set()),
    "decide_join_request": (MANAGERS, set()),
    "change_role": (MANAGERS, set()),
    "remove_member": (MANAGERS, set()),
    "leave_network": ({"member", "co_leader"}, set()),
    "add_school": (MANAGERS, set()),
    "remove_school": (MANAGERS, set()),
    "change_status": (MANAGERS, set()),
    "propose_decision": ({"co_leader"}, set()),
    "confirm_decision": ({"co_leader"}, set()),
    "withdraw_decision": ({"co_leader"}, set()),
    # The member is the one appointed, and both keys have turned.
    "answer_appointment": ({"member"}, set()),
}

# What each predicate is asked about, when it is not the network.
ARGUMENTS = {
    "propose_network": lambda user, world: (user,),
    # The invitation in each cell is addressed to the actor asking.
    "accept_invitation": lambda user, world: (user, world["invitations"].get(user.pk)),
    # The decision was proposed by the network's second co-leader.
    "confirm_decision": lambda user, world: (user, world["decision"]),
    "withdraw_decision": lambda user, world: (user, world["decision"]),
    "answer_appointment": lambda user, world: (user, world["appointment"]),
}


def build_world(status):
    factory = NetworkPageFactory if status == NetworkStatus.FORMING else ActiveNetworkFactory
    network = factory(status=status)
    co_leader, second = CoLeaderFactory(network=network), CoLeaderFactory(network=network)
    other = CoLeaderFactory(network=ActiveNetworkFactory()).user
    users = {
        "anonymous": AnonymousUser(),
        "outsider": UserFactory(),
        "member": (member := MembershipFactory(network=network)).user,
        "co_leader": co_leader.user,
        "other_co_leader": other,
        "broker": BrokerFactory(),
        "admin": AdminFactory(),
    }
    invitations = {
        user.pk: InvitationFactory(network=network, email=user.email, invited_by=co_leader.user)
        for user in users.values()
        if user.is_authenticated
    }
    decision = DecisionFactory(
        network=network, kind=DecisionKind.CLOSE_NETWORK, proposed_by=second.user
    )
    appointment = DecisionFactory(
        network=network,
        kind=DecisionKind.APPOINT_CO_LEADER,
        target=member,
        proposed_by=co_leader.user,
        confirmed_by=second.user,
        status=DecisionStatus.AWAITING_CONSENT,
    )
    return {
        "network": network,
        "users": users,
        "invitations": invitations,
        "decision": decision,
        "appointment": appointment,
    }


@pytest.fixture(scope="module")
def worlds(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield {status: build_world(status) for status in STATES}
        transaction.set_rollback(True)


CELLS = [
    pytest.param(action, state, actor, id=f"{action}-{state}-{actor}")
    for action in MATRIX
    for state in STATES
    for actor in ACTORS
]


@pytest.mark.django_db
@pytest.mark.parametrize(("action", "state", "actor"), CELLS)
def test_permission(worlds, action, state, actor):
    world = worlds[state]
    user = world["users"][actor]
    permissions.forget_cached_roles(user)
    allowed_open, allowed_closed = MATRIX[action]
    expected = actor in (allowed_open if state in OPEN else allowed_closed)
    arguments = ARGUMENTS.get(action, lambda user, world: (user, world["network"]))(user, world)

    allowed = getattr(permissions, f"can_{action}")(*arguments)
    why_not = getattr(permissions, f"why_not_{action}")(*arguments)

    assert (allowed, why_not is None) == (expected, expected)
    assert why_not is None or why_not.strip()
