"""Helpers the network services share: locking, the closed-network guard, audit and messages."""

from django.conf import settings
from django.urls import reverse

from wagtail.log_actions import log

from core.notifications.models import subject_key

from ..models import Membership, NetworkPage, NetworkStatus, Role
from ..permissions import closed_message
from .errors import NetworkClosed

LEADING_STATUSES = (NetworkStatus.ACTIVE, NetworkStatus.SUSTAINING)
UPDATE_EMAIL = "networks/email/update"


def lock_network(network) -> NetworkPage:
    """Lock the network's row until the transaction ends and return it freshly read.

    Every service that changes who leads a network takes this lock first and counts inside it,
    so two concurrent changes are serialised (SQLite's IMMEDIATE transactions already are).
    """
    locked = NetworkPage.objects.select_for_update().get(pk=network.pk)
    network.status = locked.status
    network.started_on = locked.started_on
    network.closed_on = locked.closed_on
    return locked


def ensure_open(network) -> None:
    if network.status == NetworkStatus.CLOSED:
        raise NetworkClosed(closed_message(network))


def current_co_leader_count(network) -> int:
    return Membership.objects.current().filter(network_id=network.pk, role=Role.CO_LEADER).count()


def co_leader_users(network, *, exclude=()):
    exclude_ids = {getattr(user, "pk", user) for user in exclude if user is not None}
    memberships = (
        Membership.objects.current()
        .filter(network_id=network.pk, role=Role.CO_LEADER)
        .select_related("user")
    )
    return [m.user for m in memberships if m.user_id not in exclude_ids]


def audit(network, action: str, *, by, **data) -> None:
    """Write one entry to Wagtail's audit log (Reports > Site history) for the network page."""
    user = by if getattr(by, "pk", None) else None
    log(instance=network, action=action, user=user, data=data)


def manage_path(network) -> str:
    return reverse("networks:manage", kwargs={"network_slug": network.slug})


def profile_path(network) -> str:
    return network.get_url() or "/"


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def join_request_subject(join_request) -> str:
    return subject_key("networks.join_request", join_request.pk)


def decision_subject(decision) -> str:
    return subject_key("networks.decision", decision.pk)


def appointment_subject(decision) -> str:
    """The appointee's own request to agree or decline, apart from the co-leaders' keys."""
    return subject_key("networks.appointment", decision.pk)


def proposal_subject(proposal) -> str:
    return subject_key("networks.proposal", proposal.pk)


def invitation_subject(invitation) -> str:
    return subject_key("networks.invitation", invitation.pk)
