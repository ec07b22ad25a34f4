"""Conflicts of interest and load: who may not review a network, and why.

Each rule is one function returning the reason (in words for the co-leader and the person) or
None. `conflicts_of` runs them all; the suggestion list and `invite_reviewer` both use it, so a
conflicted person is never suggested and can not be invited.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from networks.models import Membership, NetworkSchool, NetworkStatus

from .models import HOLDING_STATUSES, DeclaredConflict, PeerReviewer, ReviewerStatus
from .visits_link import study_visit_contacts

RECIPROCAL_WINDOW = timedelta(days=365)
VISIT_WINDOW = timedelta(days=183)
LOAD_WINDOW = timedelta(days=365)


def yearly_cap() -> int:
    return getattr(settings, "PEER_REVIEWS_PER_YEAR", 2)


def _current_school_ids(network) -> set[int]:
    return set(
        NetworkSchool.objects.filter(network_id=network.pk, left_on__isnull=True).values_list(
            "school_id", flat=True
        )
    )


def member_of_network(user, network, **_) -> str | None:
    if Membership.objects.current().filter(network_id=network.pk, user_id=user.pk).exists():
        return f"{user.display_name} is a member of {network.title}."
    return None


def works_in_its_schools(user, network, *, school_ids, **_) -> str | None:
    school = (
        Membership.objects.current()
        .filter(user_id=user.pk, school_id__in=school_ids)
        .select_related("school")
        .first()
    )
    if school is not None:
        return (
            f"{user.display_name} works at {school.school.name}, one of {network.title}'s schools."
        )
    return None


def reciprocal_review(user, network, *, now, **_) -> str | None:
    """This network's people reviewed the person's network in the last 12 months."""
    their_networks = Membership.objects.current().filter(user_id=user.pk).values("network_id")
    our_people = Membership.objects.current().filter(network_id=network.pk).values("user_id")
    place = (
        PeerReviewer.objects.filter(
            status=ReviewerStatus.ACCEPTED,
            user_id__in=our_people,
            cycle__network_id__in=their_networks,
            invited_at__gte=now - RECIPROCAL_WINDOW,
        )
        .select_related("cycle__network")
        .first()
    )
    if place is not None:
        return (
            f"{network.title} reviewed {place.cycle.network.title}, {user.display_name}'s "
            "network, in the last 12 months: no reciprocal marking."
        )
    return None


def study_visit_contact(user, network, *, now, **_) -> str | None:
    if user.pk in study_visit_contacts(network, now - VISIT_WINDOW):
        return (
            f"{user.display_name} visited or hosted {network.title}'s study visits in the last "
            "6 months."
        )
    return None


def shares_a_school(user, network, *, school_ids, **_) -> str | None:
    """The person's network has a school that is also one of this network's schools."""
    their_networks = Membership.objects.current().filter(user_id=user.pk).values("network_id")
    shared = (
        NetworkSchool.objects.filter(
            network_id__in=their_networks, left_on__isnull=True, school_id__in=school_ids
        )
        .exclude(network_id=network.pk)
        .select_related("school", "network")
        .first()
    )
    if shared is not None:
        return (
            f"{user.display_name}'s network, {shared.network.title}, shares "
            f"{shared.school.name} with {network.title}."
        )
    return None


def declared_conflict(user, network, **_) -> str | None:
    declared = DeclaredConflict.objects.filter(user_id=user.pk, network_id=network.pk).first()
    if declared is not None:
        return f"{user.display_name} declared a conflict: {declared.reason}"
    return None


RULES = (
    member_of_network,
    works_in_its_schools,
    reciprocal_review,
    study_visit_contact,
    shares_a_school,
    declared_conflict,
)


def conflicts_of(user, network, *, now=None) -> list[str]:
    """Every reason this person may not review this network (empty when none)."""
    context = {"now": now or timezone.now(), "school_ids": _current_school_ids(network)}
    return [reason for rule in RULES if (reason := rule(user, network, **context))]


def reviews_this_year(user, *, now=None, exclude_cycle=None) -> int:
    places = PeerReviewer.objects.filter(
        user_id=user.pk,
        status__in=HOLDING_STATUSES,
        invited_at__gte=(now or timezone.now()) - LOAD_WINDOW,
    )
    if exclude_cycle is not None:
        places = places.exclude(cycle_id=exclude_cycle.pk)
    return places.count()


def over_cap(user, *, now=None) -> str | None:
    cap = yearly_cap()
    if reviews_this_year(user, now=now) >= cap:
        return (
            f"{user.display_name} already has {cap} peer reviews this year, the most anyone is "
            "asked to do."
        )
    return None


@dataclass(frozen=True)
class Suggestion:
    user: object
    load: int
    network_title: str


def suggest_reviewers(cycle, *, limit: int = 5, now=None) -> list[Suggestion]:
    """People from other active networks, free of conflicts and under the yearly cap, the
    least loaded first. Co-leaders before members at equal load: they know how a network runs.
    """
    now = now or timezone.now()
    network = cycle.network
    User = get_user_model()
    on_team = cycle.reviewers.values("user_id")
    candidates = (
        User.objects.filter(
            is_active=True,
            pk__in=Membership.objects.current()
            .filter(network__status__in=(NetworkStatus.ACTIVE, NetworkStatus.SUSTAINING))
            .values("user_id"),
        )
        .exclude(pk__in=on_team)
        .exclude(
            pk__in=Membership.objects.current().filter(network_id=network.pk).values("user_id")
        )
        .annotate(
            load=Count(
                "peer_review_places",
                filter=Q(
                    peer_review_places__status__in=HOLDING_STATUSES,
                    peer_review_places__invited_at__gte=now - LOAD_WINDOW,
                ),
                distinct=True,
            ),
            leads=Exists(Membership.objects.co_leaders().filter(user_id=OuterRef("pk"))),
        )
        .filter(load__lt=yearly_cap())
        .order_by("load", "-leads", "last_name", "first_name", "pk")
    )
    suggestions = []
    for person in candidates[: limit * 6]:
        if conflicts_of(person, network, now=now):
            continue
        membership = (
            Membership.objects.current().filter(user_id=person.pk).select_related("network").first()
        )
        suggestions.append(
            Suggestion(user=person, load=person.load, network_title=membership.network.title)
        )
        if len(suggestions) == limit:
            break
    return suggestions
