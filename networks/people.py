"""Selectors for a network's people, invitations, requests, decisions and school history.

Each returns rows already shaped (select_related) for the pages that list them, so a page runs the
same number of queries whatever the number of people.
"""

from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, Value, When
from django.utils import timezone

from core.pagecache import kept_with_page, page_path

from .models import (
    OPEN_STATUSES,
    Decision,
    Invitation,
    InvitationStatus,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    NetworkSchool,
    Role,
)

ROLE_ORDER = Case(
    When(role=Role.CO_LEADER, then=Value(0)),
    When(role=Role.MEMBER, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def people_of(network):
    """Current memberships: co-leaders, then members, then critical friends, by name."""
    return (
        Membership.objects.current()
        .filter(network=network)
        .select_related("user", "school")
        .order_by(ROLE_ORDER, "user__first_name", "user__last_name", "user__email")
    )


@dataclass(frozen=True)
class PersonShown:
    """One current member as the profile lists them: plain values, cheap to keep in the page
    cache (a national network has well over a hundred)."""

    user_id: int
    role: str
    name: str
    school_name: str


def people_by_role(network) -> dict[str, list[PersonShown]]:
    """Current members grouped by role, in people_of's order, as the profile lists them: the
    same for every viewer, so kept with the network's page (core.pagecache: a membership change
    purges it). Loaded once per network object: the header and the people section both show
    them."""
    if "_people_by_role" not in network.__dict__:
        network.__dict__["_people_by_role"] = kept_with_page(
            page_path(network), "people", lambda: _people_grouped(network)
        )
    return network.__dict__["_people_by_role"]


def _people_grouped(network) -> dict[str, list[PersonShown]]:
    grouped = {role: [] for role in Role.values}
    for membership in people_of(network):
        grouped[membership.role].append(
            PersonShown(
                user_id=membership.user_id,
                role=membership.role,
                name=membership.user.display_name,
                school_name=membership.school.name if membership.school else "",
            )
        )
    return grouped


def pending_invitations(network):
    return (
        Invitation.objects.filter(
            network=network, status=InvitationStatus.PENDING, expires_at__gt=timezone.now()
        )
        .select_related("school", "invited_by")
        .order_by("-created_at")
    )


def pending_join_requests(network):
    return (
        JoinRequest.objects.filter(network=network, status=JoinRequestStatus.PENDING)
        .select_related("user", "school")
        .order_by("created_at")
    )


def pending_decisions(network):
    return (
        Decision.objects.filter(
            network=network, status__in=OPEN_STATUSES, expires_at__gt=timezone.now()
        )
        .select_related("target__user", "proposed_by", "confirmed_by")
        .order_by("proposed_at")
    )


def school_history(network):
    """Every school link, current first, with the dates each school joined and left."""
    return (
        NetworkSchool.objects.filter(network=network)
        .select_related("school")
        .order_by(F("left_on").desc(nulls_first=True), "school__name", "-joined_on")
    )


def pending_join_request_of(user, network) -> JoinRequest | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return JoinRequest.objects.filter(
        network=network, user=user, status=JoinRequestStatus.PENDING
    ).first()
