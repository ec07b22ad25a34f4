"""Notifications keep up with the network's decisions: answering a join request, confirming or
withdrawing a two-key decision, deciding a proposal and accepting an invitation mark everyone's
notifications about it read; each links to where it is acted on."""

import pytest

from core.accounts.factories import BrokerFactory, UserFactory
from core.notifications.models import Notification
from networks import services
from networks.factories import SchoolFactory
from networks.models import DecisionKind, Role

pytestmark = pytest.mark.django_db


def unread(person, contains: str):
    return Notification.objects.filter(
        recipient=person, read_at__isnull=True, message__contains=contains
    )


def ask(network, user):
    return services.request_to_join(network=network, by=user, school=SchoolFactory())


def test_a_join_request_links_to_the_requests_on_the_people_page(network, co_leader, outsider):
    ask(network, outsider)

    assert unread(co_leader, "asked to join").get().url.endswith("/manage/#requests-heading")


def test_approving_a_join_request_marks_every_co_leaders_notification_read(
    network, co_leader, second_co_leader, outsider
):
    services.approve_join_request(join_request=ask(network, outsider), by=co_leader)

    assert not unread(co_leader, "asked to join").exists()
    assert not unread(second_co_leader, "asked to join").exists()


def test_declining_a_join_request_marks_every_co_leaders_notification_read(
    network, co_leader, second_co_leader, outsider
):
    join_request = ask(network, outsider)

    services.decline_join_request(join_request=join_request, by=co_leader, reason="Full.")

    assert not unread(second_co_leader, "asked to join").exists()
    assert unread(outsider, "was declined").exists()


def test_withdrawing_a_join_request_marks_the_co_leaders_notification_read(
    network, second_co_leader, outsider
):
    join_request = ask(network, outsider)

    services.withdraw_join_request(join_request=join_request, by=outsider)

    assert not unread(second_co_leader, "asked to join").exists()


def test_a_join_request_answered_leaves_another_persons_request_unread(
    network, co_leader, second_co_leader, outsider
):
    other = UserFactory(first_name="Niamh", last_name="Kelly")
    ask(network, other)

    services.approve_join_request(join_request=ask(network, outsider), by=co_leader)

    assert unread(second_co_leader, "Niamh Kelly asked to join").exists()


def propose_appointment(network, co_leader):
    return services.propose_decision(
        network=network,
        kind=DecisionKind.APPOINT_CO_LEADER,
        target=network.member_memberships[0],
        by=co_leader,
    )


def test_a_proposed_decision_links_to_the_decisions_waiting(network, co_leader, second_co_leader):
    propose_appointment(network, co_leader)

    assert unread(second_co_leader, "proposed").get().url.endswith("/manage/#decisions-heading")


def test_confirming_a_decision_marks_the_proposal_notifications_read(
    network, co_leader, second_co_leader
):
    decision = propose_appointment(network, co_leader)
    target = network.member_memberships[0].user

    services.confirm_decision(decision=decision, by=second_co_leader)

    assert not unread(second_co_leader, "proposed").exists()
    assert not unread(target, "proposed").exists()
    assert unread(target, "would like you to be a co-leader").exists()


def test_turning_down_a_decision_marks_the_proposal_notifications_read(
    network, co_leader, second_co_leader
):
    decision = propose_appointment(network, co_leader)

    services.withdraw_decision(decision=decision, by=second_co_leader)

    assert not unread(second_co_leader, "proposed").exists()
    assert unread(co_leader, "turned down").exists()


def test_declining_a_network_proposal_marks_every_brokers_notification_read(outsider):
    brokers = [BrokerFactory(), BrokerFactory()]
    proposal = services.propose_network(
        by=outsider, title="Mersey Partnership", purpose="Feedback.", school=SchoolFactory()
    )
    assert unread(brokers[1], "proposed a network").get().url.endswith(f"/{proposal.pk}/")

    services.decline_proposal(proposal=proposal, by=brokers[0], reason="One already exists.")

    assert not unread(brokers[1], "proposed a network").exists()


def test_withdrawing_a_network_proposal_marks_the_brokers_notification_read(outsider):
    broker = BrokerFactory()
    proposal = services.propose_network(
        by=outsider, title="Mersey Partnership", purpose="Feedback.", school=SchoolFactory()
    )

    services.withdraw_proposal(proposal=proposal, by=outsider)

    assert not unread(broker, "proposed a network").exists()


def test_accepting_an_invitation_marks_the_invitees_notification_read(network, co_leader):
    colleague = UserFactory(email="colleague@example.org")
    invitation = services.invite_member(
        network=network,
        email=colleague.email,
        role=Role.MEMBER,
        school=SchoolFactory(),
        by=co_leader,
    )
    assert unread(colleague, "invited you").exists()

    services.accept_invitation(invitation=invitation, by=colleague)

    assert not unread(colleague, "invited you").exists()


def test_revoking_an_invitation_marks_the_invitees_notification_read(network, co_leader):
    colleague = UserFactory(email="colleague@example.org")
    invitation = services.invite_member(
        network=network,
        email=colleague.email,
        role=Role.MEMBER,
        school=SchoolFactory(),
        by=co_leader,
    )

    services.revoke_invitation(invitation=invitation, by=co_leader)

    assert not unread(colleague, "invited you").exists()
