"""Two-key decisions: one co-leader proposes, a different co-leader confirms."""

from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail.models import PageLogEntry

from networks import services
from networks.factories import DecisionFactory
from networks.models import Decision, DecisionKind, DecisionStatus, Membership, NetworkStatus, Role

pytestmark = pytest.mark.django_db

APPOINT = DecisionKind.APPOINT_CO_LEADER
STEP_DOWN = DecisionKind.STEP_DOWN_CO_LEADER
CLOSE = DecisionKind.CLOSE_NETWORK


def role_of(membership):
    return Membership.objects.get(pk=membership.pk).role


def test_proposing_changes_nothing_yet(network, co_leader):
    target = network.member_memberships[0]
    decision = services.propose_decision(network=network, kind=APPOINT, target=target, by=co_leader)
    assert decision.status == DecisionStatus.PENDING
    assert role_of(target) == Role.MEMBER


def test_second_key_on_an_appointment_waits_for_the_persons_agreement(
    network, co_leader, second_co_leader
):
    target = network.member_memberships[0]
    decision = services.propose_decision(network=network, kind=APPOINT, target=target, by=co_leader)
    services.confirm_decision(decision=decision, by=second_co_leader)
    assert role_of(target) == Role.MEMBER
    decision.refresh_from_db()
    assert (decision.status, decision.confirmed_by) == (
        DecisionStatus.AWAITING_CONSENT,
        second_co_leader,
    )


def test_proposer_cannot_confirm_their_own_decision(network, co_leader):
    target = network.member_memberships[0]
    decision = services.propose_decision(network=network, kind=APPOINT, target=target, by=co_leader)
    with pytest.raises(services.NotAllowed, match="a different co-leader must confirm"):
        services.confirm_decision(decision=decision, by=co_leader)
    assert role_of(target) == Role.MEMBER


def test_member_cannot_confirm(network, co_leader, member):
    decision = services.propose_decision(network=network, kind=CLOSE, by=co_leader)
    with pytest.raises(services.NotAllowed):
        services.confirm_decision(decision=decision, by=member)


def test_admin_holds_no_key(network, co_leader):
    from core.accounts.factories import AdminFactory

    decision = services.propose_decision(network=network, kind=CLOSE, by=co_leader)
    with pytest.raises(services.NotAllowed):
        services.confirm_decision(decision=decision, by=AdminFactory())


def test_member_cannot_propose(network, member):
    with pytest.raises(services.NotAllowed):
        services.propose_decision(network=network, kind=CLOSE, by=member)


def test_both_keys_are_in_the_audit_log(network, co_leader, second_co_leader):
    decision = services.propose_decision(network=network, kind=CLOSE, by=co_leader)
    services.confirm_decision(decision=decision, by=second_co_leader)
    entries = PageLogEntry.objects.filter(page=network, action__startswith="networks.decision_")
    assert sorted(entries.values_list("action", "user")) == [
        ("networks.decision_confirmed", second_co_leader.pk),
        ("networks.decision_proposed", co_leader.pk),
    ]
    assert all(entry.data["decision"] == decision.pk for entry in entries)


def test_confirmed_closing_closes_the_network(network, co_leader, second_co_leader):
    decision = services.propose_decision(network=network, kind=CLOSE, by=co_leader)
    services.confirm_decision(decision=decision, by=second_co_leader)
    network.refresh_from_db()
    assert network.status == NetworkStatus.CLOSED


def test_step_down_confirmed_makes_the_co_leader_a_member(make_network):
    network = make_network(co_leaders=3)
    first, second, third = (m.user for m in network.co_leader_memberships)
    target = network.co_leader_memberships[2]
    decision = services.propose_decision(network=network, kind=STEP_DOWN, target=target, by=third)
    services.confirm_decision(decision=decision, by=first)
    assert role_of(target) == Role.MEMBER


def test_step_down_that_would_leave_one_co_leader_is_refused_when_proposed(
    network, co_leader, second_co_leader
):
    target = network.co_leader_memberships[1]
    with pytest.raises(services.CoLeadershipRule, match="Appoint another co-leader first"):
        services.propose_decision(network=network, kind=STEP_DOWN, target=target, by=co_leader)
    assert not Decision.objects.exists()


def test_step_down_that_would_leave_one_co_leader_is_refused_when_confirmed(make_network):
    network = make_network(co_leaders=3)
    first, second, third = (m.user for m in network.co_leader_memberships)
    decision = services.propose_decision(
        network=network, kind=STEP_DOWN, target=network.co_leader_memberships[2], by=first
    )
    services.leave_network(network=network, by=second)
    with pytest.raises(services.CoLeadershipRule, match="Appoint another co-leader first"):
        services.confirm_decision(decision=decision, by=third)
    assert role_of(network.co_leader_memberships[2]) == Role.CO_LEADER
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.PENDING


def test_the_same_proposal_cannot_wait_twice(network, co_leader, second_co_leader):
    services.propose_decision(network=network, kind=CLOSE, by=co_leader)
    with pytest.raises(services.ActionRefused, match="already proposed"):
        services.propose_decision(network=network, kind=CLOSE, by=second_co_leader)


def test_appointing_an_existing_co_leader_is_refused(network, co_leader):
    with pytest.raises(services.ActionRefused, match="already a co-leader"):
        services.propose_decision(
            network=network, kind=APPOINT, target=network.co_leader_memberships[1], by=co_leader
        )


def test_target_from_another_network_is_refused(network, co_leader, make_network):
    other = make_network()
    with pytest.raises(services.ActionRefused, match="not a current member"):
        services.propose_decision(
            network=network, kind=APPOINT, target=other.member_memberships[0], by=co_leader
        )


def test_decision_needs_a_second_co_leader_to_exist(make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=1)
    with pytest.raises(services.CoLeadershipRule, match="needs a second co-leader"):
        services.propose_decision(
            network=network, kind=CLOSE, by=network.co_leader_memberships[0].user
        )


def test_withdrawn_decision_cannot_be_confirmed(network, co_leader, second_co_leader):
    decision = services.propose_decision(network=network, kind=CLOSE, by=co_leader)
    services.withdraw_decision(decision=decision, by=co_leader)
    with pytest.raises(services.ActionRefused, match="withdrawn"):
        services.confirm_decision(decision=decision, by=second_co_leader)
    network.refresh_from_db()
    assert network.status == NetworkStatus.ACTIVE


def test_another_co_leader_can_turn_a_proposal_down(network, co_leader, second_co_leader):
    decision = services.propose_decision(network=network, kind=CLOSE, by=co_leader)
    services.withdraw_decision(decision=decision, by=second_co_leader)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.WITHDRAWN
    assert co_leader.notifications.filter(message__contains="turned down").exists()


def test_stale_decision_cannot_be_confirmed(network, co_leader, second_co_leader):
    decision = DecisionFactory(
        network=network,
        kind=CLOSE,
        proposed_by=co_leader,
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    with pytest.raises(services.ActionRefused, match="expired"):
        services.confirm_decision(decision=decision, by=second_co_leader)


def test_expiring_marks_stale_decisions_once(network, co_leader):
    DecisionFactory(
        network=network, proposed_by=co_leader, expires_at=timezone.now() - timedelta(days=1)
    )
    assert services.expire_decisions() == 1
    assert services.expire_decisions() == 0
    assert Decision.objects.get().status == DecisionStatus.EXPIRED


def test_proposal_notifies_the_other_co_leaders(
    network, co_leader, second_co_leader, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.propose_decision(network=network, kind=CLOSE, by=co_leader)
    assert second_co_leader.notifications.count() == 1
    assert [mail.to for mail in mailoutbox] == [[second_co_leader.email]]
    assert "second co-leader" in mailoutbox[0].subject


def test_target_leaving_withdraws_decisions_about_them(network, co_leader, member):
    decision = services.propose_decision(
        network=network, kind=APPOINT, target=network.member_memberships[0], by=co_leader
    )
    services.leave_network(network=network, by=member)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.WITHDRAWN
