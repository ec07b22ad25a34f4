"""Who may see and decide proposed networks: every actor × proposal state, in the predicates
and on the pages (the world is built once for the module and rolled back at its end)."""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.urls import reverse

from core.accounts.factories import AdminFactory, BrokerFactory, UserFactory
from networks import permissions, services
from networks.factories import SchoolFactory
from networks.models import (
    ProposalStatus,
)
from tests.world import build_network

ACTORS = ["anonymous", "outsider", "proposer", "member", "co_leader", "broker", "admin"]
STATES = [ProposalStatus.PENDING, ProposalStatus.APPROVED, ProposalStatus.DECLINED]
REVIEWERS = {"broker", "admin"}

# action -> (who may while the proposal waits, ... once it is decided).
MATRIX = {
    "view_proposal": (REVIEWERS | {"proposer"}, REVIEWERS | {"proposer"}),
    "decide_proposal": (REVIEWERS, set()),
    "withdraw_proposal": ({"proposer"}, set()),
}


def make_proposal(by, title="Mersey Learning Partnership", **fields):
    return services.propose_network(
        title=title, purpose="Marking eats evenings.", school=SchoolFactory(), by=by, **fields
    )


def build_people():
    network = build_network()
    return {
        "anonymous": AnonymousUser(),
        "outsider": UserFactory(),
        "member": network.member_memberships[0].user,
        "co_leader": network.co_leader_memberships[0].user,
        "broker": BrokerFactory(),
        "admin": AdminFactory(),
    }


def build_proposals(people):
    proposals = {}
    for state in STATES:
        proposer = UserFactory()
        proposal = make_proposal(proposer, title=f"Proposed while {state}")
        if state == ProposalStatus.APPROVED:
            services.approve_proposal(proposal=proposal, by=people["broker"])
        elif state == ProposalStatus.DECLINED:
            services.decline_proposal(proposal=proposal, by=people["broker"], reason="No.")
        proposal.refresh_from_db()
        proposals[state] = proposal
    return proposals


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        people = build_people()
        yield people, build_proposals(people)
        transaction.set_rollback(True)


def actor_for(world, actor, state):
    people, proposals = world
    return proposals[state].proposed_by if actor == "proposer" else people[actor]


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", MATRIX)
def test_proposal_permission(world, action, state, actor):
    proposal = world[1][state]
    user = actor_for(world, actor, state)
    waiting, decided = MATRIX[action]
    expected = actor in (waiting if state == ProposalStatus.PENDING else decided)

    allowed = getattr(permissions, f"can_{action}")(user, proposal)
    why_not = getattr(permissions, f"why_not_{action}")(user, proposal)

    assert (allowed, why_not is None) == (expected, expected)
    assert why_not is None or why_not.strip()


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ACTORS)
def test_who_reviews_proposals(world, actor):
    user = actor_for(world, actor, ProposalStatus.PENDING)
    expected = actor in REVIEWERS

    assert permissions.can_review_proposals(user) is expected
    assert (permissions.why_not_review_proposals(user) is None) is expected


def page_status(client, user, path):
    if user.is_authenticated:
        client.force_login(user)
    return client.get(path).status_code


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ACTORS)
def test_the_queue_page_is_the_brokers(client, world, actor):
    user = actor_for(world, actor, ProposalStatus.PENDING)
    expected = 302 if actor == "anonymous" else 200 if actor in REVIEWERS else 403

    assert page_status(client, user, reverse("networks:proposals")) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ACTORS)
def test_a_proposal_page_is_for_its_proposer_and_the_broker(client, world, actor):
    proposal = world[1][ProposalStatus.PENDING]
    user = actor_for(world, actor, ProposalStatus.PENDING)
    expected = 302 if actor == "anonymous" else 200 if actor in REVIEWERS | {"proposer"} else 404

    path = reverse("networks:proposal", kwargs={"proposal_id": proposal.pk})
    assert page_status(client, user, path) == expected
