"""Who is in a network and in what role, under the co-leadership rule.

The rule: an active or sustaining network always has at least two current co-leaders, and any
open network keeps at least one. Every change that could take a co-leader away locks the
network row first and counts inside the lock (see `_common.lock_network`), so two concurrent
changes cannot both pass the check.

Changing the co-leadership of a network that already has two co-leaders is a two-key decision
(decisions.py). Until a network has two, its co-leader may appoint another directly: there is
no second key to turn yet.
"""

from django.contrib.humanize.templatetags.humanize import apnumber
from django.db import transaction
from django.utils import timezone

from core.errors import refuse_unless
from core.notifications.services import notify_each

from ..models import (
    MINIMUM_CO_LEADERS,
    OPEN_STATUSES,
    Decision,
    DecisionStatus,
    Membership,
    NetworkSchool,
    Role,
)
from ..permissions import (
    can_change_role,
    can_leave_network,
    can_remove_member,
    forget_cached_roles,
    why_not_change_role,
    why_not_leave_network,
    why_not_remove_member,
)
from . import actions
from ._common import (
    LEADING_STATUSES,
    UPDATE_EMAIL,
    audit,
    co_leader_users,
    current_co_leader_count,
    ensure_open,
    lock_network,
    manage_path,
    profile_path,
)
from .errors import ActionRefused, CoLeadershipRule

TWO_KEY_MESSAGE = (
    "Changing the co-leadership is a two-key decision: propose it, and another co-leader "
    "confirms it."
)


def check_co_leaders_remain(network, *, losing: int = 1) -> None:
    """Refuse a change that would leave too few co-leaders. Call with the network locked."""
    remaining = current_co_leader_count(network) - losing
    if network.status in LEADING_STATUSES and remaining < MINIMUM_CO_LEADERS:
        raise CoLeadershipRule(
            f"{network.title} must always have at least {apnumber(MINIMUM_CO_LEADERS)} co-leaders. "
            "Appoint another co-leader first."
        )
    if remaining < 1:
        raise CoLeadershipRule(
            f"{network.title} needs a co-leader. Appoint another co-leader first."
        )


def join_network(network, *, user, role: str, school) -> Membership:
    """Create a current membership and link the person's school. Call inside a locked service."""
    if Membership.objects.current().filter(network=network, user=user).exists():
        raise ActionRefused(f"{user.display_name} is already a member of {network.title}.")
    membership = Membership.objects.create(network=network, user=user, role=role, school=school)
    if (
        school is not None
        and not NetworkSchool.objects.filter(
            network=network, school=school, left_on__isnull=True
        ).exists()
    ):
        NetworkSchool.objects.create(network=network, school=school, joined_on=timezone.localdate())
    forget_cached_roles(user)
    return membership


def _lock_current(membership, network) -> Membership:
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("user", "school")
        .filter(pk=membership.pk, network_id=network.pk)
        .first()
    )
    if membership is None or membership.left_at is not None:
        raise ActionRefused("That person is no longer a member of the network.")
    return membership


def _withdraw_decisions_about(membership) -> None:
    Decision.objects.filter(target=membership, status__in=OPEN_STATUSES).update(
        status=DecisionStatus.WITHDRAWN, decided_at=timezone.now()
    )


def set_role(network, membership, role: str, *, by) -> Membership:
    """Change the role of a locked membership, keeping the rule. For the services only."""
    previous = membership.role
    if previous == Role.CO_LEADER and role != Role.CO_LEADER:
        check_co_leaders_remain(network)
    membership.role = role
    membership.save(update_fields=["role"])
    forget_cached_roles(membership.user)
    audit(
        network,
        actions.ROLE_CHANGED,
        by=by,
        user_id=membership.user_id,
        previous=previous,
        role=role,
    )
    return membership


@transaction.atomic
def change_role(*, membership, role: str, by) -> Membership:
    """Member ↔ critical friend directly; to or from co-leader only while there is no second key."""
    network = lock_network(membership.network)
    ensure_open(network)
    refuse_unless(can_change_role(by, network), why_not_change_role(by, network))
    if role not in Role.values:
        raise ActionRefused("Choose a role: co-leader, member or critical friend.")
    membership = _lock_current(membership, network)
    if membership.role == role:
        raise ActionRefused(
            f"{membership.user.display_name} is already a {membership.get_role_display().lower()}."
        )
    if Role.CO_LEADER in (role, membership.role):
        if current_co_leader_count(network) >= MINIMUM_CO_LEADERS:
            raise CoLeadershipRule(TWO_KEY_MESSAGE)
        if role != Role.CO_LEADER:
            check_co_leaders_remain(network)
    set_role(network, membership, role, by=by)
    notify_each(
        [membership.user],
        message=f"You are now a {membership.get_role_display().lower()} of {network.title}.",
        url=profile_path(network),
        email_template=UPDATE_EMAIL,
        context={"network": network},
    )
    return membership


@transaction.atomic
def remove_member(*, membership, by) -> Membership:
    """A co-leader removes a member or critical friend; the row stays as history."""
    network = lock_network(membership.network)
    ensure_open(network)
    refuse_unless(can_remove_member(by, network), why_not_remove_member(by, network))
    membership = _lock_current(membership, network)
    if membership.user_id == by.pk:
        raise ActionRefused("To leave the network yourself, use “Leave this network”.")
    if membership.role == Role.CO_LEADER:
        raise CoLeadershipRule(
            "A co-leader is removed in two steps: propose that they step down (another co-leader "
            "confirms), then remove them as a member."
        )
    membership.left_at = timezone.now()
    membership.save(update_fields=["left_at"])
    _withdraw_decisions_about(membership)
    forget_cached_roles(membership.user)
    audit(network, actions.MEMBER_REMOVED, by=by, user_id=membership.user_id)
    notify_each(
        [membership.user],
        message=f"You are no longer a member of {network.title}.",
        url=profile_path(network),
        email_template=UPDATE_EMAIL,
        context={"network": network},
    )
    return membership


@transaction.atomic
def leave_network(*, network, by) -> Membership:
    """A person leaves. A co-leader may leave only if enough co-leaders remain."""
    network = lock_network(network)
    ensure_open(network)
    refuse_unless(can_leave_network(by, network), why_not_leave_network(by, network))
    membership = (
        Membership.objects.current()
        .select_for_update(of=("self",))
        .filter(network=network, user=by)
        .first()
    )
    if membership is None:
        raise ActionRefused("You are not a member of this network.")
    if membership.role == Role.CO_LEADER:
        check_co_leaders_remain(network)
    membership.left_at = timezone.now()
    membership.save(update_fields=["left_at"])
    _withdraw_decisions_about(membership)
    forget_cached_roles(by)
    audit(network, actions.MEMBER_LEFT, by=by, user_id=by.pk, role=membership.role)
    notify_each(
        co_leader_users(network, exclude=[by]),
        message=f"{by.display_name} has left {network.title}.",
        url=manage_path(network),
        email_template=UPDATE_EMAIL,
        context={"network": network},
    )
    return membership
