"""Deciding proposed networks through the pages: the broker approves or declines, the proposer
reads the outcome or withdraws; bad input changes nothing."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.accounts.factories import BrokerFactory, UserFactory
from networks import services
from networks.factories import MembershipFactory, SchoolFactory
from networks.models import Membership, NetworkPage, NetworkProposal, ProposalStatus


def make_proposal(by, title="Mersey Learning Partnership", **fields):
    return services.propose_network(
        title=title, purpose="Marking eats evenings.", school=SchoolFactory(), by=by, **fields
    )


# --- Deciding through the pages -------------------------------------------------------------


@pytest.fixture
def pending(db):
    return make_proposal(UserFactory())


@pytest.fixture
def broker(db):
    return BrokerFactory()


def test_the_broker_sees_the_proposal_with_approve_and_decline(client, pending, broker):
    client.force_login(broker)

    content = client.get(reverse("networks:proposal", kwargs={"proposal_id": pending.pk}))
    content = content.content.decode()

    assert "Approve: publish the network" in content
    assert "Decline the proposal" in content


def test_the_broker_approves_from_the_page(client, pending, broker):
    client.force_login(broker)

    response = client.post(
        reverse("networks:approve_proposal", kwargs={"proposal_id": pending.pk}), follow=True
    )

    network = NetworkPage.objects.get(title=pending.title)
    assert Membership.objects.get(network=network).user == pending.proposed_by
    assert "is approved" in response.content.decode()


def test_the_proposer_cannot_approve_their_own_proposal(client, pending):
    client.force_login(pending.proposed_by)

    response = client.post(reverse("networks:approve_proposal", kwargs={"proposal_id": pending.pk}))

    assert response.status_code == 403
    assert not NetworkPage.objects.exists()


def test_declining_without_a_reason_is_a_clear_error_and_changes_nothing(client, pending, broker):
    client.force_login(broker)

    response = client.post(
        reverse("networks:decline_proposal", kwargs={"proposal_id": pending.pk}), {"reason": ""}
    )

    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert NetworkProposal.objects.get().status == ProposalStatus.PENDING


def test_the_broker_declines_with_a_reason(client, pending, broker):
    client.force_login(broker)

    response = client.post(
        reverse("networks:decline_proposal", kwargs={"proposal_id": pending.pk}),
        {"reason": "Join the Mersey network instead."},
    )

    assert response.status_code == 302
    pending.refresh_from_db()
    assert (pending.status, pending.reason) == (
        ProposalStatus.DECLINED,
        "Join the Mersey network instead.",
    )


def test_the_proposer_reads_the_reason_on_the_proposal_page(client, pending, broker):
    services.decline_proposal(proposal=pending, by=broker, reason="Join the Mersey network.")
    client.force_login(pending.proposed_by)

    content = client.get(
        reverse("networks:proposal", kwargs={"proposal_id": pending.pk})
    ).content.decode()

    assert "Join the Mersey network." in content
    assert "Approve" not in content


def test_the_proposer_withdraws_from_the_page(client, pending):
    client.force_login(pending.proposed_by)

    client.post(reverse("networks:withdraw_proposal", kwargs={"proposal_id": pending.pk}))

    assert NetworkProposal.objects.get().status == ProposalStatus.WITHDRAWN


def test_a_member_of_a_network_gains_nothing_by_proposing(client, db):
    member = MembershipFactory().user
    make_proposal(member)

    assert Membership.objects.filter(user=member).count() == 1


def test_the_queue_runs_the_same_queries_for_one_proposal_or_five(client, broker):
    client.force_login(broker)
    make_proposal(UserFactory(), title="First")
    path = reverse("networks:proposals")
    client.get(path)

    with CaptureQueriesContext(connection) as one:
        client.get(path)
    for number in range(4):
        make_proposal(UserFactory(), title=f"Another {number}")
    with CaptureQueriesContext(connection) as five:
        response = client.get(path)

    assert response.content.decode().count("Proposed by") == 5
    assert len(five) == len(one)
