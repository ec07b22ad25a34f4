"""The networks' sections of a person's home (core.home): the networks they belong to, and the
decisions waiting for their key (requests to join and two-key decisions in the networks they
co-lead; proposed networks for the national broker). A fixed number of queries each."""

from allauth.account.models import EmailAddress

from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from core.home import HomeItem, HomeSection, first_and_count

from .models import (
    Decision,
    DecisionKind,
    DecisionStatus,
    Invitation,
    InvitationStatus,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    NetworkPage,
    NetworkProposal,
    ProposalStatus,
    Role,
)
from .permissions import can_review_proposals, roles_by_network


def led_network_ids(user) -> list[int]:
    return [pk for pk, role in roles_by_network(user).items() if role == Role.CO_LEADER]


def networks_section(user) -> HomeSection:
    """The live networks the person belongs to, with their role. One query."""
    roles = roles_by_network(user)
    networks = list(
        NetworkPage.objects.live().filter(pk__in=list(roles)).order_by("title") if roles else []
    )
    return HomeSection(
        key="networks",
        title="Your networks",
        count=len(networks),
        items=[
            HomeItem(
                label=network.title,
                url=network.url,
                meta=f"{Role(roles[network.pk]).label} · {network.get_status_display()}",
            )
            for network in networks
        ],
        empty_text="You do not belong to a network yet: find one to ask to join, or propose one.",
        link=reverse("wagtail_serve", args=["networks/"]),
        link_text="Find a network",
    )


def _manage_url(network, anchor: str) -> str:
    return reverse("networks:manage", kwargs={"network_slug": network.slug}) + anchor


def decisions_section(user) -> HomeSection | None:
    """For co-leaders and the national broker only: one query per kind of decision."""
    led = led_network_ids(user)
    reviews_proposals = can_review_proposals(user)
    if not led and not reviews_proposals:
        return None
    items, count = [], 0
    if led:
        requests, requests_count = first_and_count(
            JoinRequest.objects.filter(network_id__in=led, status=JoinRequestStatus.PENDING)
            .select_related("user", "network")
            .order_by("created_at", "pk")
        )
        decisions, decisions_count = first_and_count(
            Decision.objects.filter(
                network_id__in=led,
                status=DecisionStatus.PENDING,
                expires_at__gt=timezone.now(),
            )
            .exclude(proposed_by=user)
            .select_related("network", "target__user", "proposed_by")
            .order_by("expires_at", "pk")
        )
        items += [
            HomeItem(
                label=f"{decision.describe()}: a second key is needed",
                url=_manage_url(decision.network, "#decisions-heading"),
                meta=f"{decision.network.title} · proposed by "
                f"{decision.proposed_by.display_name if decision.proposed_by else 'a co-leader'}",
            )
            for decision in decisions
        ]
        items += [
            HomeItem(
                label=f"{join_request.user.display_name} asks to join",
                url=_manage_url(join_request.network, "#requests-heading"),
                meta=join_request.network.title,
            )
            for join_request in requests
        ]
        count += requests_count + decisions_count
    if reviews_proposals:
        proposals, proposals_count = first_and_count(
            NetworkProposal.objects.filter(status=ProposalStatus.PENDING)
            .select_related("proposed_by")
            .order_by("created_at", "pk")
        )
        items += [
            HomeItem(
                label=f"Proposed network: {proposal.title}",
                url=reverse("networks:proposal", kwargs={"proposal_id": proposal.pk}),
                meta=f"proposed by {proposal.proposed_by.display_name}",
            )
            for proposal in proposals
        ]
        count += proposals_count
    return HomeSection(
        key="decisions",
        title="Decisions waiting for you",
        count=count,
        items=items,
        empty_text="No request, proposal or decision is waiting for you.",
    )


def appointments_section(user) -> HomeSection | None:
    """Appointments as co-leader, confirmed by both keys, waiting for the person to agree. One
    query, none for someone who co-leads every network they belong to; left out when empty."""
    not_led = [pk for pk, role in roles_by_network(user).items() if role != Role.CO_LEADER]
    if not not_led:
        return None
    appointments, count = first_and_count(
        Decision.objects.filter(
            network_id__in=not_led,
            kind=DecisionKind.APPOINT_CO_LEADER,
            status=DecisionStatus.AWAITING_CONSENT,
            expires_at__gt=timezone.now(),
            target__in=Membership.objects.current().filter(user=user),
        )
        .select_related("network")
        .order_by("expires_at", "pk")
    )
    if not count:
        return None
    return HomeSection(
        key="appointments",
        title="Asked to be a co-leader",
        count=count,
        items=[
            HomeItem(
                label=f"{decision.network.title} asks you to be a co-leader: agree or decline",
                url=reverse(
                    "networks:appointment",
                    kwargs={"network_slug": decision.network.slug, "decision_id": decision.pk},
                ),
                meta=f"Answer by {timezone.localtime(decision.expires_at):%-d %B %Y}",
            )
            for decision in appointments
        ],
    )


def invitations_section(user) -> HomeSection | None:
    """Invitations to join a network sent to one of the person's verified addresses and still
    open. The way in is the link in the e-mail (only its hash is stored), so the item says so.
    One query; left out when there are none."""
    verified = EmailAddress.objects.filter(
        user=user, verified=True, email__iexact=OuterRef("email")
    )
    invitations, count = first_and_count(
        Invitation.objects.filter(status=InvitationStatus.PENDING, expires_at__gt=timezone.now())
        .filter(Exists(verified))
        .exclude(network_id__in=list(roles_by_network(user)))
        .annotate(address=Lower("email"))
        .select_related("network")
        .order_by("expires_at", "pk")
    )
    if not count:
        return None
    return HomeSection(
        key="invitations",
        title="Invitations to join a network",
        count=count,
        items=[
            HomeItem(
                label=f"{invitation.network.title} invited you to join as "
                f"{Role(invitation.role).label.lower()}",
                url=invitation.network.url,
                meta=f"Follow the link in the e-mail sent to {invitation.address} "
                f"before {timezone.localtime(invitation.expires_at):%-d %B %Y}.",
            )
            for invitation in invitations
        ],
    )
