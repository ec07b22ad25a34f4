"""A network's life cycle: forming → active → sustaining → closed.

Becoming active needs at least two co-leaders. Closing is a two-key decision (see decisions.py),
which calls `close_network_now` once the second co-leader confirms.
"""

from django.contrib.humanize.templatetags.humanize import apnumber
from django.db import transaction
from django.utils import timezone

from core.errors import refuse_unless
from core.notifications.services import notify_each

from ..models import (
    MINIMUM_CO_LEADERS,
    Decision,
    DecisionStatus,
    Invitation,
    InvitationStatus,
    JoinRequest,
    JoinRequestStatus,
    NetworkPage,
    NetworkStatus,
)
from ..permissions import can_change_status, why_not_change_status
from . import actions
from ._common import (
    UPDATE_EMAIL,
    audit,
    co_leader_users,
    current_co_leader_count,
    ensure_open,
    lock_network,
    profile_path,
)
from .errors import ActionRefused, CoLeadershipRule


def _set_status(network, status: str, *, by, **changes) -> None:
    previous = network.status
    NetworkPage.objects.filter(pk=network.pk).update(status=status, **changes)
    network.status = status
    for name, value in changes.items():
        setattr(network, name, value)
    audit(network, actions.STATUS_CHANGED, by=by, previous=previous, status=status)


@transaction.atomic
def activate_network(*, network, by) -> NetworkPage:
    """Forming → active, once at least two co-leaders have accepted."""
    lock_network(network)
    ensure_open(network)
    refuse_unless(can_change_status(by, network), why_not_change_status(by, network))
    if network.status != NetworkStatus.FORMING:
        raise ActionRefused(f"{network.title} is already {network.get_status_display().lower()}.")
    if current_co_leader_count(network) < MINIMUM_CO_LEADERS:
        raise CoLeadershipRule(
            f"A network becomes active once it has at least {apnumber(MINIMUM_CO_LEADERS)} "
            "co-leaders: "
            "invite a second co-leader first."
        )
    _set_status(
        network,
        NetworkStatus.ACTIVE,
        by=by,
        started_on=network.started_on or timezone.localdate(),
    )
    notify_each(
        co_leader_users(network, exclude=[by]),
        message=f"{network.title} is now active.",
        url=profile_path(network),
        email_template=UPDATE_EMAIL,
        context={"network": network},
    )
    return network


@transaction.atomic
def change_status(*, network, status: str, by) -> NetworkPage:
    """Move the network on in its life cycle. Closing goes through a two-key decision instead."""
    if status == NetworkStatus.ACTIVE:
        return activate_network(network=network, by=by)
    lock_network(network)
    ensure_open(network)
    refuse_unless(can_change_status(by, network), why_not_change_status(by, network))
    if status == NetworkStatus.CLOSED:
        raise CoLeadershipRule(
            "Closing a network is a two-key decision: propose it, and another co-leader confirms."
        )
    if status != NetworkStatus.SUSTAINING:
        raise ActionRefused("Choose a status the network can move on to.")
    if network.status != NetworkStatus.ACTIVE:
        raise ActionRefused("Only an active network can move on to sustaining.")
    _set_status(network, NetworkStatus.SUSTAINING, by=by)
    notify_each(
        co_leader_users(network, exclude=[by]),
        message=f"{network.title} is now sustaining its work.",
        url=profile_path(network),
        email_template=UPDATE_EMAIL,
        context={"network": network},
    )
    return network


def close_network_now(*, network, by) -> None:
    """Close a locked, open network: called by confirm_decision inside its transaction.

    Pending invitations are revoked, pending requests declined and pending decisions withdrawn;
    the network's pages stay published.
    """
    now = timezone.now()
    Invitation.objects.filter(network=network, status=InvitationStatus.PENDING).update(
        status=InvitationStatus.REVOKED, responded_at=now, revoked_by=by
    )
    JoinRequest.objects.filter(network=network, status=JoinRequestStatus.PENDING).update(
        status=JoinRequestStatus.DECLINED,
        decided_at=now,
        decided_by=by,
        reason="The network has closed.",
    )
    Decision.objects.filter(network=network, status=DecisionStatus.PENDING).update(
        status=DecisionStatus.WITHDRAWN, decided_at=now
    )
    _set_status(network, NetworkStatus.CLOSED, by=by, closed_on=timezone.localdate())
