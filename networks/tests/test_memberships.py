"""The co-leadership rule and role changes, one transaction at a time."""

import pytest

from wagtail.models import PageLogEntry

from networks import services
from networks.models import Membership, NetworkStatus, Role

pytestmark = pytest.mark.django_db

INVARIANT = "must always have at least two co-leaders. Appoint another co-leader first."


def current(membership):
    return Membership.objects.get(pk=membership.pk)


def test_co_leader_cannot_leave_active_network_with_two_co_leaders(network, co_leader):
    with pytest.raises(services.CoLeadershipRule, match=INVARIANT):
        services.leave_network(network=network, by=co_leader)
    assert current(network.co_leader_memberships[0]).left_at is None


def test_co_leader_cannot_leave_sustaining_network_with_two_co_leaders(make_network):
    network = make_network(status=NetworkStatus.SUSTAINING)
    with pytest.raises(services.CoLeadershipRule, match=INVARIANT):
        services.leave_network(network=network, by=network.co_leader_memberships[0].user)


def test_co_leader_can_leave_when_three_remain_two(make_network):
    network = make_network(co_leaders=3)
    leaver = network.co_leader_memberships[0]
    services.leave_network(network=network, by=leaver.user)
    assert current(leaver).left_at is not None


def test_sole_co_leader_cannot_leave_forming_network(make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=1)
    with pytest.raises(services.CoLeadershipRule, match="Appoint another co-leader first"):
        services.leave_network(network=network, by=network.co_leader_memberships[0].user)


def test_one_of_two_co_leaders_can_leave_forming_network(make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=2)
    leaver = network.co_leader_memberships[0]
    services.leave_network(network=network, by=leaver.user)
    assert current(leaver).left_at is not None


def test_member_can_leave(network, member):
    services.leave_network(network=network, by=member)
    assert current(network.member_memberships[0]).left_at is not None


def test_leaving_keeps_the_membership_row_as_history(network, member):
    services.leave_network(network=network, by=member)
    assert Membership.objects.filter(network=network, user=member).count() == 1


def test_leaving_is_in_the_audit_log(network, member):
    services.leave_network(network=network, by=member)
    assert PageLogEntry.objects.filter(page=network, action="networks.member_left").exists()


def test_outsider_cannot_leave(network, outsider):
    with pytest.raises(services.NotAllowed):
        services.leave_network(network=network, by=outsider)


def test_member_becomes_critical_friend_directly(network, co_leader):
    membership = network.member_memberships[0]
    services.change_role(membership=membership, role=Role.CRITICAL_FRIEND, by=co_leader)
    assert current(membership).role == Role.CRITICAL_FRIEND


def test_role_change_is_in_the_audit_log(network, co_leader):
    membership = network.member_memberships[0]
    services.change_role(membership=membership, role=Role.CRITICAL_FRIEND, by=co_leader)
    entry = PageLogEntry.objects.get(page=network, action="networks.role_changed")
    assert entry.data["role"] == Role.CRITICAL_FRIEND


def test_promoting_to_co_leader_in_two_key_network_needs_a_decision(network, co_leader):
    membership = network.member_memberships[0]
    with pytest.raises(services.CoLeadershipRule, match="two-key decision"):
        services.change_role(membership=membership, role=Role.CO_LEADER, by=co_leader)
    assert current(membership).role == Role.MEMBER


def test_demoting_a_co_leader_in_two_key_network_needs_a_decision(make_network):
    network = make_network(co_leaders=3)
    target = network.co_leader_memberships[2]
    with pytest.raises(services.CoLeadershipRule, match="two-key decision"):
        services.change_role(
            membership=target, role=Role.MEMBER, by=network.co_leader_memberships[0].user
        )
    assert current(target).role == Role.CO_LEADER


def test_sole_co_leader_appoints_a_second_directly(make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=1)
    membership = network.member_memberships[0]
    services.change_role(
        membership=membership, role=Role.CO_LEADER, by=network.co_leader_memberships[0].user
    )
    assert current(membership).role == Role.CO_LEADER


def test_member_cannot_change_roles(network, member):
    with pytest.raises(services.NotAllowed):
        services.change_role(
            membership=network.co_leader_memberships[0], role=Role.MEMBER, by=member
        )


def test_unknown_role_is_refused(network, co_leader):
    with pytest.raises(services.ActionRefused, match="Choose a role"):
        services.change_role(membership=network.member_memberships[0], role="boss", by=co_leader)


def test_co_leader_removes_a_member(network, co_leader):
    membership = network.member_memberships[0]
    services.remove_member(membership=membership, by=co_leader)
    assert current(membership).left_at is not None
    assert PageLogEntry.objects.filter(page=network, action="networks.member_removed").exists()


def test_removing_a_co_leader_directly_is_refused(make_network):
    network = make_network(co_leaders=3)
    target = network.co_leader_memberships[2]
    with pytest.raises(services.CoLeadershipRule, match="step down"):
        services.remove_member(membership=target, by=network.co_leader_memberships[0].user)
    assert current(target).left_at is None


def test_removed_member_is_told(network, co_leader, django_capture_on_commit_callbacks, mailoutbox):
    membership = network.member_memberships[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_member(membership=membership, by=co_leader)
    assert membership.user.notifications.filter(message__contains="no longer a member").exists()
    assert [mail.to for mail in mailoutbox] == [[membership.user.email]]


def test_removed_member_can_no_longer_be_removed(network, co_leader):
    membership = network.member_memberships[0]
    services.remove_member(membership=membership, by=co_leader)
    with pytest.raises(services.ActionRefused, match="no longer a member"):
        services.remove_member(membership=membership, by=co_leader)
