"""Reads about networks. Each returns a queryset already shaped for where it is shown."""

from django.db.models import Prefetch

from .models import Membership, NetworkPage, NetworkSchool, Role


def current_memberships(network):
    return Membership.objects.filter(network=network, left_at__isnull=True).select_related(
        "user", "school"
    )


def co_leaders(network):
    return current_memberships(network).filter(role=Role.CO_LEADER)


def co_leader_count(network) -> int:
    return co_leaders(network).count()


def current_school_links(network):
    return NetworkSchool.objects.filter(network=network, left_on__isnull=True).select_related(
        "school"
    )


def membership_of(user, network) -> Membership | None:
    """The person's current membership of the network, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Membership.objects.filter(network=network, user=user, left_at__isnull=True).first()


def networks_of(user):
    """The live networks a person currently belongs to, with their role."""
    return (
        NetworkPage.objects.live()
        .filter(memberships__user=user, memberships__left_at__isnull=True)
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(user=user, left_at__isnull=True),
                to_attr="my_memberships",
            )
        )
        .distinct()
    )
