from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress

from django.test import override_settings
from django.utils import timezone

from wagtail.models import PageLogEntry

from core.accounts.factories import UserFactory
from core.notifications.models import OutboundEmail
from networks import services
from networks.factories import InvitationFactory, SchoolFactory
from networks.models import (
    Invitation,
    InvitationStatus,
    Membership,
    NetworkSchool,
    NetworkStatus,
    Role,
)

pytestmark = pytest.mark.django_db


def invite(network, by, email="colleague@example.org", role=Role.MEMBER, school="new"):
    if school == "new":
        school = SchoolFactory()
    return services.invite_member(network=network, email=email, role=role, school=school, by=by)


def test_invitation_stores_only_a_hash_of_a_long_token(network, co_leader):
    invitation = invite(network, co_leader)
    assert len(invitation.token) >= 43
    stored = Invitation.objects.get(pk=invitation.pk)
    assert invitation.token not in stored.token_hash
    assert services.invitation_for_token(invitation.token) == stored


def test_invitation_expires_after_the_configured_days(network, co_leader):
    invitation = invite(network, co_leader)
    assert round((invitation.expires_at - invitation.created_at) / timedelta(days=1)) == 14


@override_settings(NETWORK_INVITATION_DAYS=3)
def test_invitation_days_come_from_settings(network, co_leader):
    invitation = invite(network, co_leader)
    assert round((invitation.expires_at - timezone.now()) / timedelta(days=1)) == 3


def test_invitation_email_carries_the_accept_link(
    network, co_leader, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(network, co_leader, email="Colleague@Example.org")
    assert [mail.to for mail in mailoutbox] == [["colleague@example.org"]]
    assert f"/networks/invitations/{invitation.token}/" in mailoutbox[0].body
    assert network.title in mailoutbox[0].subject


def test_invitee_with_an_account_is_also_notified_in_the_app(network, co_leader):
    colleague = UserFactory(email="colleague@example.org")
    invite(network, co_leader)
    notification = colleague.notifications.get()
    assert "/networks/invitations/" in notification.url


@pytest.mark.parametrize("email", ["", "not-an-address", "a@b", "two@@example.org"])
def test_invalid_email_is_refused(network, co_leader, email):
    with pytest.raises(services.ActionRefused, match="valid e-mail address"):
        invite(network, co_leader, email=email)
    assert not Invitation.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_inviting_a_current_member_is_refused(network, co_leader, member):
    with pytest.raises(services.ActionRefused, match="already belongs to a member"):
        invite(network, co_leader, email=member.email.upper())
    assert not Invitation.objects.exists()


def test_inviting_a_members_other_verified_address_is_refused(network, co_leader, member):
    EmailAddress.objects.create(user=member, email="other@example.org", verified=True)
    with pytest.raises(services.ActionRefused, match="already belongs to a member"):
        invite(network, co_leader, email="other@example.org")


def test_second_pending_invitation_for_an_address_is_refused(network, co_leader):
    invite(network, co_leader)
    with pytest.raises(services.ActionRefused, match="already has a pending invitation"):
        invite(network, co_leader)
    assert Invitation.objects.count() == 1


def test_address_with_an_expired_invitation_can_be_invited_again(network, co_leader):
    old = InvitationFactory(
        network=network, email="colleague@example.org", expires_at=timezone.now()
    )
    invite(network, co_leader)
    old.refresh_from_db()
    assert old.status == InvitationStatus.EXPIRED
    assert Invitation.objects.filter(status=InvitationStatus.PENDING).count() == 1


def test_member_cannot_invite(network, member):
    with pytest.raises(services.NotAllowed):
        invite(network, member)


def test_member_invitation_needs_a_school(network, co_leader):
    with pytest.raises(services.ActionRefused, match="Choose the school"):
        invite(network, co_leader, school=None)


def test_critical_friend_needs_no_school(network, co_leader):
    invitation = invite(network, co_leader, role=Role.CRITICAL_FRIEND, school=None)
    assert invitation.school is None


def test_co_leader_invitation_in_a_two_key_network_is_refused(network, co_leader):
    with pytest.raises(services.CoLeadershipRule, match="propose them as a co-leader"):
        invite(network, co_leader, role=Role.CO_LEADER)


def test_invitation_is_in_the_audit_log(network, co_leader):
    invite(network, co_leader)
    assert PageLogEntry.objects.filter(page=network, action="networks.invitation_sent").exists()


# --- accepting -------------------------------------------------------------------------------


def test_accepting_creates_the_membership_with_role_and_school(network, co_leader):
    school = SchoolFactory()
    invitation = invite(network, co_leader, role=Role.MEMBER, school=school)
    colleague = UserFactory(email="colleague@example.org")
    membership = services.accept_invitation(invitation=invitation, by=colleague)
    assert (membership.network, membership.user, membership.role, membership.school) == (
        network,
        colleague,
        Role.MEMBER,
        school,
    )
    invitation.refresh_from_db()
    assert (invitation.status, invitation.accepted_by) == (InvitationStatus.ACCEPTED, colleague)


def test_accepting_links_the_school_to_the_network(network, co_leader):
    school = SchoolFactory()
    invitation = invite(network, co_leader, school=school)
    services.accept_invitation(invitation=invitation, by=UserFactory(email="colleague@example.org"))
    assert NetworkSchool.objects.filter(network=network, school=school, left_on=None).exists()


def test_accepted_co_leader_invitation_counts_towards_co_leadership(make_network):
    network = make_network(status=NetworkStatus.FORMING, co_leaders=1)
    invitation = invite(network, network.co_leader_memberships[0].user, role=Role.CO_LEADER)
    colleague = UserFactory(email="colleague@example.org")
    services.accept_invitation(invitation=invitation, by=colleague)
    services.activate_network(network=network, by=colleague)
    network.refresh_from_db()
    assert network.status == NetworkStatus.ACTIVE


def test_accepting_notifies_the_inviter_and_co_leaders(
    network, co_leader, second_co_leader, django_capture_on_commit_callbacks, mailoutbox
):
    invitation = invite(network, co_leader)
    colleague = UserFactory(email="colleague@example.org")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_invitation(invitation=invitation, by=colleague)
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(
        [co_leader.email, second_co_leader.email]
    )
    assert co_leader.notifications.filter(message__contains="accepted").exists()


def test_accepting_is_in_the_audit_log(network, co_leader):
    invitation = invite(network, co_leader)
    colleague = UserFactory(email="colleague@example.org")
    services.accept_invitation(invitation=invitation, by=colleague)
    entry = PageLogEntry.objects.get(page=network, action="networks.invitation_accepted")
    assert entry.user == colleague


def test_invitation_cannot_be_used_twice(network, co_leader):
    invitation = invite(network, co_leader)
    colleague = UserFactory(email="colleague@example.org")
    services.accept_invitation(invitation=invitation, by=colleague)
    services.leave_network(network=network, by=colleague)
    with pytest.raises(services.InvitationUnusable, match="already been used"):
        services.accept_invitation(invitation=invitation, by=colleague)
    assert Membership.objects.filter(user=colleague, left_at=None).count() == 0


def test_invitation_cannot_be_used_by_a_different_account(network, co_leader):
    invitation = invite(network, co_leader)
    someone_else = UserFactory(email="someone@example.org")
    with pytest.raises(services.InvitationUnusable, match="sent to colleague@example.org"):
        services.accept_invitation(invitation=invitation, by=someone_else)
    assert not Membership.objects.filter(user=someone_else).exists()


def test_unverified_address_cannot_accept(network, co_leader):
    invitation = invite(network, co_leader)
    unverified = UserFactory(email="colleague@example.org", verified=False)
    with pytest.raises(services.InvitationUnusable, match="sent to colleague@example.org"):
        services.accept_invitation(invitation=invitation, by=unverified)


def test_verified_secondary_address_can_accept(network, co_leader):
    invitation = invite(network, co_leader)
    colleague = UserFactory(email="personal@example.org")
    EmailAddress.objects.create(user=colleague, email="colleague@example.org", verified=True)
    services.accept_invitation(invitation=invitation, by=colleague)
    assert Membership.objects.filter(user=colleague, network=network, left_at=None).exists()


def test_expired_invitation_cannot_be_accepted(network, co_leader):
    invitation = InvitationFactory(
        network=network,
        email="colleague@example.org",
        expires_at=timezone.now() - timedelta(seconds=1),
    )
    with pytest.raises(services.InvitationUnusable, match="expired on"):
        services.accept_invitation(
            invitation=invitation, by=UserFactory(email="colleague@example.org")
        )
    assert not Membership.objects.filter(user__email="colleague@example.org").exists()


def test_revoked_invitation_cannot_be_accepted(network, co_leader):
    invitation = invite(network, co_leader)
    services.revoke_invitation(invitation=invitation, by=co_leader)
    with pytest.raises(services.InvitationUnusable, match="withdrawn"):
        services.accept_invitation(
            invitation=invitation, by=UserFactory(email="colleague@example.org")
        )


def test_revoking_twice_is_refused(network, co_leader):
    invitation = invite(network, co_leader)
    services.revoke_invitation(invitation=invitation, by=co_leader)
    with pytest.raises(services.ActionRefused, match="already revoked"):
        services.revoke_invitation(invitation=invitation, by=co_leader)


def test_member_cannot_revoke(network, co_leader, member):
    invitation = invite(network, co_leader)
    with pytest.raises(services.NotAllowed):
        services.revoke_invitation(invitation=invitation, by=member)


def test_unknown_token_finds_nothing(network):
    assert services.invitation_for_token("no-such-token") is None
    with pytest.raises(services.InvitationUnusable, match="not valid"):
        services.check_invitation_usable(None)


def test_expiring_marks_old_invitations_once(network):
    InvitationFactory(network=network, expires_at=timezone.now() - timedelta(days=1))
    InvitationFactory(network=network)
    assert services.expire_invitations() == 1
    assert services.expire_invitations() == 0
    assert sorted(Invitation.objects.values_list("status", flat=True)) == ["expired", "pending"]
