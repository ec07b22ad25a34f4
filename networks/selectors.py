"""Reads about networks. Each returns a queryset already shaped for where it is shown."""

from django.db.models import Prefetch, prefetch_related_objects

from .models import Membership, NetworkPage, NetworkProposal, NetworkSchool, ProposalStatus, Role


def current_memberships(network):
    return Membership.objects.current().filter(network=network).select_related("user", "school")


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
    return Membership.objects.current().filter(network=network, user=user).first()


def networks_of(user):
    """The live networks a person currently belongs to, with their role."""
    return (
        NetworkPage.objects.live()
        .filter(pk__in=Membership.objects.network_ids_of(user))
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.current().filter(user=user),
                to_attr="my_memberships",
            )
        )
        .distinct()
    )


def network_directory(
    *, query: str = "", region: str = "", phase: str = "", theme: str = "", status: str = ""
):
    """Live networks filtered as the directory asks, shaped for the directory cards.

    Region and phase match a network through its current member schools.
    """
    networks = NetworkPage.objects.live().order_by("title")
    if query:
        networks = networks.filter(title__icontains=query.strip())
    if status:
        networks = networks.filter(status=status)
    if theme:
        networks = networks.filter(themes__slug=theme)
    if region:
        networks = networks.filter(
            school_links__left_on__isnull=True, school_links__school__region=region
        )
    if phase:
        networks = networks.filter(
            school_links__left_on__isnull=True, school_links__school__phase=phase
        )
    return networks.distinct()


def prefetch_directory_cards(networks) -> None:
    """Load what the directory cards show for one page of networks, in two queries."""
    prefetch_related_objects(
        networks,
        "themes",
        Prefetch(
            "school_links",
            queryset=NetworkSchool.objects.filter(left_on__isnull=True).select_related("school"),
            to_attr="current_school_links",
        ),
    )
    for network in networks:
        network.regions = sorted(
            {link.school.region for link in network.current_school_links if link.school.region}
        )


def recently_active_networks(*, limit: int = 6):
    """Active and sustaining networks for the home page, newest first, with their themes."""
    return list(
        NetworkPage.objects.live()
        .filter(status__in=["active", "sustaining"])
        .order_by("-started_on", "title")
        .prefetch_related("themes")[:limit]
    )


def _proposals():
    return NetworkProposal.objects.select_related(
        "proposed_by", "school", "co_proposer_school", "decided_by", "network"
    ).prefetch_related("themes")


def pending_proposals():
    """The broker's queue: oldest first."""
    return _proposals().filter(status=ProposalStatus.PENDING).order_by("created_at", "pk")


def recently_decided_proposals(*, limit: int = 20):
    return (
        _proposals().exclude(status=ProposalStatus.PENDING).order_by("-decided_at", "-pk")[:limit]
    )
