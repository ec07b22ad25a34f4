"""The peer review's section of a person's home (core.home): the review-cycle steps due to
them, as a reviewer (answer an invitation, rate blind, write the report) and in their own
networks (the phase their network is in, when it needs them). Two queries."""

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from core.home import ITEMS_SHOWN, HomeItem, HomeSection, first_and_count
from networks.models import Role
from networks.permissions import roles_by_network

from .models import (
    Acknowledgement,
    PeerReviewer,
    Phase,
    ProposedLevel,
    ReviewCycle,
    ReviewerStatus,
)
from .selectors import WHAT_IS_DUE

# Phases in which a network's co-leaders have a step to take.
CO_LEADERS_ACT_IN = (Phase.PLANNING, Phase.SELF_REVIEW, Phase.RESPONSE, Phase.FOLLOW_UP)


def _reviewer_step(place) -> HomeItem:
    cycle = place.cycle
    if place.status == ReviewerStatus.INVITED:
        return HomeItem(
            label=f"Answer your invitation to review {cycle.network.title}",
            url=reverse("peer_review:invitation", kwargs={"place_id": place.pk}),
            meta=f"Review cycle {cycle.number}",
        )
    if cycle.phase == Phase.REPORT:
        return HomeItem(
            label=f"Write and issue the report for {cycle.network.title}",
            url=reverse("peer_review:report", kwargs={"cycle_id": cycle.pk}),
            meta=f"Review cycle {cycle.number} · you lead the peer team",
        )
    return HomeItem(
        label=f"Rate {cycle.network.title}'s focus criteria",
        url=cycle.get_absolute_url(),
        meta=f"Review cycle {cycle.number} · peer review",
    )


def review_steps_section(user) -> HomeSection | None:
    """Left out for someone with nothing due who co-leads no network."""
    roles = roles_by_network(user)
    led = [pk for pk, role in roles.items() if role == Role.CO_LEADER]
    members_of = [pk for pk, role in roles.items() if role == Role.MEMBER]
    places, places_count = first_and_count(
        PeerReviewer.objects.filter(user=user)
        .filter(
            (Q(status=ReviewerStatus.INVITED) & ~Q(cycle__phase=Phase.CLOSED))
            | Q(
                status=ReviewerStatus.ACCEPTED,
                cycle__phase=Phase.PEER_REVIEW,
                ratings_submitted_at__isnull=True,
            )
            | Q(status=ReviewerStatus.ACCEPTED, is_lead=True, cycle__phase=Phase.REPORT)
        )
        .select_related("cycle__network")
        .order_by("invited_at", "pk")
    )
    cycles, cycles_count = [], 0
    if led or members_of:
        proposed = ProposedLevel.objects.filter(cycle=OuterRef("pk"), by=user)
        acknowledged = Acknowledgement.objects.filter(cycle=OuterRef("pk"), by=user)
        cycles, cycles_count = first_and_count(
            ReviewCycle.objects.filter(
                Q(network_id__in=led, phase__in=CO_LEADERS_ACT_IN)
                | Q(network_id__in=members_of, phase=Phase.SELF_REVIEW)
            )
            .exclude(Q(network_id__in=members_of) & Exists(proposed))
            .exclude(Q(phase=Phase.RESPONSE) & Exists(acknowledged))
            .select_related("network")
            .order_by("phase_started_at", "pk"),
            limit=ITEMS_SHOWN,
        )
    count = places_count + cycles_count
    if not count and not led:
        return None
    return HomeSection(
        key="review_steps",
        title="Review steps due to you",
        count=count,
        items=[_reviewer_step(place) for place in places]
        + [
            HomeItem(
                label=f"Review cycle {cycle.number} of {cycle.network.title}: "
                f"{cycle.get_phase_display()}",
                url=cycle.get_absolute_url(),
                meta=WHAT_IS_DUE[cycle.phase],
            )
            for cycle in cycles
        ],
        empty_text="No review step is due to you.",
        link=reverse("peer_review:mine"),
        link_text="All your reviews",
    )
