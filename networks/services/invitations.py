"""Invitations by e-mail, and requests to join that co-leaders approve or decline."""

import hashlib
import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.humanize.templatetags.humanize import apnumber
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from core.errors import refuse_unless
from core.notifications.services import mark_read_about, notify, notify_each, queue_email

from ..models import (
    MINIMUM_CO_LEADERS,
    Invitation,
    InvitationStatus,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    Role,
)
from ..permissions import (
    can_accept_invitation,
    can_decide_join_request,
    can_invite,
    can_request_to_join,
    can_revoke_invitation,
    can_withdraw_join_request,
    has_verified_address,
    why_not_accept_invitation,
    why_not_decide_join_request,
    why_not_follow_invitation,
    why_not_invite,
    why_not_request_to_join,
    why_not_revoke_invitation,
    why_not_withdraw_join_request,
)
from . import actions
from ._common import (
    UPDATE_EMAIL,
    absolute,
    audit,
    co_leader_users,
    current_co_leader_count,
    ensure_open,
    invitation_subject,
    join_request_subject,
    lock_network,
    manage_path,
    profile_path,
)
from .errors import ActionRefused, CoLeadershipRule, InvitationUnusable
from .memberships import join_network

REQUESTS_ANCHOR = "#requests-heading"

TOKEN_BYTES = 32


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a link's token belongs to, or None (only hashes are stored)."""
    if not token or len(token) > 200:
        return None
    return (
        Invitation.objects.select_related("network", "school", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


def invitation_path(token: str) -> str:
    return reverse("networks:invitation", kwargs={"token": token})


def normalise_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ActionRefused("Enter a valid e-mail address, like name@school.sch.uk.") from None
    return email


def _check_school(role: str, school) -> None:
    if role != Role.CRITICAL_FRIEND and school is None:
        raise ActionRefused(
            field_errors={
                "school": "Choose the school they will represent "
                "(only a critical friend may have none)."
            }
        )
    if school is not None and not school.is_open:
        raise ActionRefused(
            field_errors={"school": f"{school.name} is marked closed in the schools register."}
        )


@transaction.atomic
def invite_member(*, network, email: str, role: str = Role.MEMBER, school=None, by) -> Invitation:
    """Invite an address with a role. The returned invitation carries the raw `.token` once."""
    email = normalise_email(email)
    network = lock_network(network)
    ensure_open(network)
    refuse_unless(can_invite(by, network), why_not_invite(by, network))
    if role not in Role.values:
        raise ActionRefused("Choose a role: co-leader, member or critical friend.")
    _check_school(role, school)
    if role == Role.CO_LEADER and current_co_leader_count(network) >= MINIMUM_CO_LEADERS:
        raise CoLeadershipRule(
            f"This network already has {apnumber(MINIMUM_CO_LEADERS)} co-leaders, so a new co-leader "
            "needs a second key: "
            "invite them as a member, then propose them as a co-leader for another co-leader "
            "to confirm."
        )
    member_addresses = (
        Membership.objects.current().filter(network=network).filter(user__email__iexact=email)
    )
    verified_addresses = EmailAddress.objects.filter(
        email__iexact=email,
        verified=True,
        user__in=Membership.objects.current().filter(network=network).values("user_id"),
    )
    if member_addresses.exists() or verified_addresses.exists():
        raise ActionRefused(f"{email} already belongs to a member of {network.title}.")
    pending = (
        Invitation.objects.select_for_update(of=("self",))
        .filter(network=network, email=email, status=InvitationStatus.PENDING)
        .first()
    )
    if pending is not None:
        if not pending.has_expired:
            raise ActionRefused(
                f"{email} already has a pending invitation, sent on "
                f"{date_format(timezone.localtime(pending.created_at), 'j F Y')}. "
                "Revoke it first if you want to send a new one."
            )
        pending.status = InvitationStatus.EXPIRED
        pending.responded_at = timezone.now()
        pending.save(update_fields=["status", "responded_at"])

    token = secrets.token_urlsafe(TOKEN_BYTES)
    invitation = Invitation.objects.create(
        network=network,
        email=email,
        role=role,
        school=school,
        token_hash=hash_token(token),
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=settings.NETWORK_INVITATION_DAYS),
    )
    invitation.token = token
    accept_path = invitation_path(token)
    role_label = invitation.get_role_display().lower()
    queue_email(
        to=email,
        template="networks/email/invited",
        context={
            "network": network,
            "invitation": invitation,
            "inviter": by,
            "role": role_label,
            "accept_url": absolute(accept_path),
            "site_url": settings.SITE_URL,
        },
    )
    account = get_user_model().objects.filter(email__iexact=email).first()
    if account is not None:
        notify(
            recipient=account,
            message=f"{by.display_name} invited you to join {network.title} as a {role_label}.",
            url=accept_path,
            subject=invitation_subject(invitation),
        )
    audit(network, actions.INVITATION_SENT, by=by, email=email, role=role, invitation=invitation.pk)
    return invitation


@transaction.atomic
def revoke_invitation(*, invitation, by) -> Invitation:
    network = lock_network(invitation.network)
    ensure_open(network)
    refuse_unless(can_revoke_invitation(by, network), why_not_revoke_invitation(by, network))
    invitation = Invitation.objects.select_for_update(of=("self",)).get(pk=invitation.pk)
    if invitation.status != InvitationStatus.PENDING:
        raise ActionRefused(
            f"The invitation for {invitation.email} is already {invitation.get_status_display().lower()}."
        )
    invitation.status = InvitationStatus.REVOKED
    invitation.responded_at = timezone.now()
    invitation.revoked_by = by
    invitation.save(update_fields=["status", "responded_at", "revoked_by"])
    mark_read_about(subject=invitation_subject(invitation))
    audit(
        network, actions.INVITATION_REVOKED, by=by, email=invitation.email, invitation=invitation.pk
    )
    return invitation


def check_invitation_usable(invitation, user=None) -> None:
    """Raise InvitationUnusable saying why this invitation's link cannot be used (by `user`,
    when given: the invited address must be one they have verified)."""
    why = why_not_follow_invitation(invitation)
    if why is None and user is not None and not has_verified_address(user, invitation.email):
        why = why_not_accept_invitation(user, invitation)
    if why:
        raise InvitationUnusable(why)


@transaction.atomic
def accept_invitation(*, invitation, by) -> Membership:
    """The invitee accepts with an account that has verified the invited address."""
    network = lock_network(invitation.network)
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("network", "school", "invited_by")
        .get(pk=invitation.pk)
    )
    invitation.network = network
    check_invitation_usable(invitation, by)
    refuse_unless(can_accept_invitation(by, invitation), why_not_accept_invitation(by, invitation))
    membership = join_network(network, user=by, role=invitation.role, school=invitation.school)
    invitation.status = InvitationStatus.ACCEPTED
    invitation.responded_at = timezone.now()
    invitation.accepted_by = by
    invitation.save(update_fields=["status", "responded_at", "accepted_by"])
    mark_read_about(subject=invitation_subject(invitation))
    audit(
        network,
        actions.INVITATION_ACCEPTED,
        by=by,
        invitation=invitation.pk,
        role=invitation.role,
        user_id=by.pk,
    )
    notify_each(
        [invitation.invited_by, *co_leader_users(network, exclude=[by])],
        message=(
            f"{by.display_name} accepted the invitation to join {network.title} as a "
            f"{invitation.get_role_display().lower()}."
        ),
        url=manage_path(network),
        email_template=UPDATE_EMAIL,
        context={"network": network},
    )
    return membership


def expire_invitations(*, now=None) -> int:
    """Mark pending invitations past their date as expired. Running it twice changes nothing."""
    now = now or timezone.now()
    return Invitation.objects.filter(status=InvitationStatus.PENDING, expires_at__lte=now).update(
        status=InvitationStatus.EXPIRED, responded_at=now
    )


@transaction.atomic
def request_to_join(*, network, by, school=None, message: str = "") -> JoinRequest:
    network = lock_network(network)
    ensure_open(network)
    refuse_unless(can_request_to_join(by, network), why_not_request_to_join(by, network))
    if school is not None and not school.is_open:
        raise ActionRefused(f"{school.name} is marked closed in the schools register.")
    if JoinRequest.objects.filter(
        network=network, user=by, status=JoinRequestStatus.PENDING
    ).exists():
        raise ActionRefused(
            f"You have already asked to join {network.title}: a co-leader will reply."
        )
    join_request = JoinRequest.objects.create(
        network=network, user=by, school=school, message=(message or "").strip()[:2000]
    )
    audit(network, actions.JOIN_REQUESTED, by=by, request=join_request.pk)
    notify_each(
        co_leader_users(network),
        message=f"{by.display_name} asked to join {network.title}.",
        url=manage_path(network) + REQUESTS_ANCHOR,
        subject=join_request_subject(join_request),
        email_template="networks/email/join_requested",
        context={"network": network, "join_request": join_request, "requester": by},
    )
    return join_request


def _lock_pending_request(join_request, network) -> JoinRequest:
    join_request = (
        JoinRequest.objects.select_for_update(of=("self",))
        .select_related("user", "school")
        .get(pk=join_request.pk)
    )
    if join_request.network_id != network.pk:
        raise ActionRefused("That request is for another network.")
    if join_request.status != JoinRequestStatus.PENDING:
        raise ActionRefused(
            f"That request has already been {join_request.get_status_display().lower()}."
        )
    return join_request


@transaction.atomic
def approve_join_request(*, join_request, by, role: str = Role.MEMBER) -> Membership:
    """Approve as a member or critical friend; co-leaders are appointed by a two-key decision."""
    network = lock_network(join_request.network)
    ensure_open(network)
    refuse_unless(can_decide_join_request(by, network), why_not_decide_join_request(by, network))
    if role not in (Role.MEMBER, Role.CRITICAL_FRIEND):
        raise CoLeadershipRule(
            "Approve them as a member or as a critical friend first; then propose them as a "
            "co-leader for another co-leader to confirm."
        )
    join_request = _lock_pending_request(join_request, network)
    membership = join_network(
        network, user=join_request.user, role=role, school=join_request.school
    )
    join_request.status = JoinRequestStatus.APPROVED
    join_request.decided_at = timezone.now()
    join_request.decided_by = by
    join_request.save(update_fields=["status", "decided_at", "decided_by"])
    audit(network, actions.JOIN_APPROVED, by=by, request=join_request.pk, role=role)
    mark_read_about(subject=join_request_subject(join_request))
    notify_each(
        [join_request.user],
        message=f"Welcome: your request to join {network.title} was approved.",
        url=profile_path(network),
        subject=join_request_subject(join_request),
        email_template="networks/email/join_decided",
        context={"network": network, "join_request": join_request},
    )
    return membership


@transaction.atomic
def decline_join_request(*, join_request, by, reason: str) -> JoinRequest:
    network = lock_network(join_request.network)
    ensure_open(network)
    refuse_unless(can_decide_join_request(by, network), why_not_decide_join_request(by, network))
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused("Give a reason: the person asking will see it.")
    join_request = _lock_pending_request(join_request, network)
    join_request.status = JoinRequestStatus.DECLINED
    join_request.decided_at = timezone.now()
    join_request.decided_by = by
    join_request.reason = reason[:2000]
    join_request.save(update_fields=["status", "decided_at", "decided_by", "reason"])
    audit(network, actions.JOIN_DECLINED, by=by, request=join_request.pk)
    mark_read_about(subject=join_request_subject(join_request))
    notify_each(
        [join_request.user],
        message=f"Your request to join {network.title} was declined.",
        url=profile_path(network),
        subject=join_request_subject(join_request),
        email_template="networks/email/join_decided",
        context={"network": network, "join_request": join_request},
    )
    return join_request


@transaction.atomic
def withdraw_join_request(*, join_request, by) -> JoinRequest:
    network = lock_network(join_request.network)
    join_request = _lock_pending_request(join_request, network)
    refuse_unless(
        can_withdraw_join_request(by, join_request), why_not_withdraw_join_request(by, join_request)
    )
    join_request.status = JoinRequestStatus.WITHDRAWN
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_at"])
    mark_read_about(subject=join_request_subject(join_request))
    return join_request
