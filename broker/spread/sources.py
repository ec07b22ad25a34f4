"""Reading the platform for the spread figures. Each function is a fixed number of grouped
queries: what it returns grows with the number of networks, themes, terms or regions, never
with the number of artefacts or people.

A "link" is one network learning from another: (learner network id, source network id, kind)
with how many times. A new kind of link is a function here named in LINK_SOURCES.

A study visit is one visiting network's places on a session that took place (ended, not
cancelled), as visits.selectors.visits_made counts them; a peer review's own visit is private
and counts as the review, not as a study visit.
"""

from collections import defaultdict

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from artefacts.models import ArtefactPage, ArtefactTrial
from artefacts.selectors import behind_view_restriction
from networks.engagement.selectors import active_people_by_school_in
from networks.models import Membership, NetworkPage, NetworkSchool
from peer_review.models import PHASE_ORDER, PeerReviewer, Phase
from search.models import SearchQueryLog, SearchQueryNetwork
from visits.models import Booking, BookingStatus, SessionStatus

from ..models import Introduction


def published_artefacts():
    return (
        ArtefactPage.objects.live()
        .filter(network__isnull=False)
        .exclude(behind_view_restriction())
        .order_by()
    )


def adaptations_across_networks():
    """Published adaptations made in another network than the original's."""
    return (
        published_artefacts()
        .filter(adapted_from__isnull=False, adapted_from__live=True)
        .exclude(network_id=F("adapted_from__network_id"))
    )


def shown_trials():
    """Shown “we tried this” responses to published artefacts."""
    return ArtefactTrial.objects.shown().filter(artefact__in=published_artefacts().values("pk"))


def trials_from_other_networks():
    return shown_trials().exclude(network=None).exclude(network_id=F("artefact__network_id"))


def completed_visit_places():
    """Places taken on study visits that took place, by people visiting from another network."""
    return (
        Booking.objects.filter(
            status=BookingStatus.BOOKED,
            session__status=SessionStatus.SCHEDULED,
            session__ends_at__lte=timezone.now(),
            session__offer__private=False,
        )
        .exclude(network_id=F("session__offer__network_id"))
        .order_by()
    )


# Cycles whose peer team has visited and rated: the report phase or any after it.
REVIEWED_PHASES = PHASE_ORDER[PHASE_ORDER.index(Phase.REPORT) :]


# --- Links between networks ------------------------------------------------------------------


def adaptation_links() -> list[tuple[int, int, int]]:
    return [
        (row["network_id"], row["adapted_from__network_id"], row["n"])
        for row in adaptations_across_networks()
        .values("network_id", "adapted_from__network_id")
        .annotate(n=Count("pk"))
    ]


def trial_links() -> list[tuple[int, int, int]]:
    return [
        (row["network_id"], row["artefact__network_id"], row["n"])
        for row in trials_from_other_networks()
        .order_by()
        .values("network_id", "artefact__network_id")
        .annotate(n=Count("pk"))
    ]


def introduction_links() -> list[tuple[int, int, int]]:
    """Introductions by the brokers that the learning network accepted."""
    return [
        (row["learner_id"], row["source_id"], row["n"])
        for row in Introduction.objects.filter(learner_accepted_at__isnull=False)
        .values("learner_id", "source_id")
        .annotate(n=Count("pk"))
    ]


def visit_links() -> list[tuple[int, int, int]]:
    """Study visits that took place: the visiting network learned from the host network."""
    return [
        (row["network_id"], row["session__offer__network_id"], row["n"])
        for row in completed_visit_places()
        .values("network_id", "session__offer__network_id")
        .annotate(n=Count("session", distinct=True))
    ]


def review_links() -> list[tuple[int, int, int]]:
    """Peer-review cycles: each reviewer's network learned from the network it reviewed (once
    per cycle, however many of its people were on the team). A reviewer's network is the one
    they belong to now (memberships keep no history of who reviewed from where)."""
    places = (
        PeerReviewer.objects.accepted()
        .filter(cycle__phase__in=REVIEWED_PHASES)
        .values_list("user_id", "cycle__network_id", "cycle_id")
        .distinct()
        .order_by()
    )
    places = list(places)
    networks_of = defaultdict(set)
    for user_id, network_id in (
        Membership.objects.current()
        .filter(user_id__in={user_id for user_id, _, _ in places})
        .values_list("user_id", "network_id")
    ):
        networks_of[user_id].add(network_id)
    cycles = defaultdict(set)
    for user_id, reviewed_id, cycle_id in places:
        for network_id in networks_of[user_id] - {reviewed_id}:
            cycles[(network_id, reviewed_id)].add(cycle_id)
    return [(learner, source, len(ids)) for (learner, source), ids in cycles.items()]


LINK_SOURCES = {  # in the order the page's table and the CSV download show them
    "adaptation": adaptation_links,
    "tried": trial_links,
    "visit": visit_links,
    "review": review_links,
    "introduction": introduction_links,
}


def links() -> dict[str, list[tuple[int, int, int]]]:
    return {kind: read() for kind, read in LINK_SOURCES.items()}


def networks() -> list[dict]:
    return list(
        NetworkPage.objects.live()
        .order_by("title", "pk")
        .values("pk", "title", "url_path", "status")
        .annotate(artefacts=Count("artefacts", filter=Q(artefacts__live=True)))
    )


# --- Themes and time -------------------------------------------------------------------------


def per_theme(queryset, theme_field: str, *extra: str) -> list[dict]:
    return list(
        queryset.order_by()
        .filter(**{f"{theme_field}__isnull": False})
        .values(theme_field, *extra)
        .annotate(n=Count("pk", distinct=True))
    )


def theme_outcomes() -> list[dict]:
    """Shown responses by theme and outcome."""
    return per_theme(shown_trials(), "artefact__themes", "outcome")


def theme_adaptations() -> list[dict]:
    return per_theme(adaptations_across_networks(), "adapted_from__themes")


def theme_artefacts() -> list[dict]:
    return per_theme(published_artefacts(), "themes")


def theme_visits() -> list[dict]:
    """Study visits that took place, by the theme of the offer: sessions counted per visiting
    network (summed by the figures), so two networks on one session are two visits."""
    return list(
        completed_visit_places()
        .filter(session__offer__theme__isnull=False)
        .values("session__offer__theme", "network_id")
        .annotate(n=Count("session", distinct=True))
    )


def theme_regions() -> list[dict]:
    """The regions each theme reached: schools that said they tried it, and the schools of
    the networks that adapted it."""
    tried = (
        shown_trials()
        .exclude(school__region="")
        .filter(school__isnull=False)
        .values_list("artefact__themes", "school__region")
        .distinct()
    )
    adapted = (
        NetworkSchool.objects.filter(
            left_on__isnull=True,
            network_id__in=adaptations_across_networks().values("network_id"),
        )
        .exclude(school__region="")
        .values_list("network_id", "school__region")
        .distinct()
    )
    adapted_themes = (
        adaptations_across_networks().values_list("network_id", "adapted_from__themes").distinct()
    )
    regions_of_network = defaultdict(set)
    for network_id, region in adapted:
        regions_of_network[network_id].add(region)
    reached = defaultdict(set)
    for theme_id, region in tried:
        if theme_id is not None:
            reached[theme_id].add(region)
    for network_id, theme_id in adapted_themes:
        if theme_id is not None:
            reached[theme_id] |= regions_of_network[network_id]
    return [
        {"theme": theme_id, "regions": sorted(regions)} for theme_id, regions in reached.items()
    ]


def monthly(queryset, date_field: str, *extra: str) -> list[dict]:
    return list(
        queryset.order_by()
        .annotate(month=TruncMonth(date_field))
        .values("month", *extra)
        .annotate(n=Count("pk", distinct=True))
    )


def spread_by_month() -> dict[str, list[dict]]:
    """Adaptations, responses (with the networks and regions they came from) and study visits
    (with the visiting networks; counted as theme_visits does) by month."""
    return {
        "adaptations": monthly(adaptations_across_networks(), "first_published_at", "network_id"),
        "responses": monthly(shown_trials(), "created_at", "network_id", "school__region"),
        "visits": list(
            completed_visit_places()
            .annotate(month=TruncMonth("session__starts_at"))
            .values("month", "network_id")
            .annotate(n=Count("session", distinct=True))
        ),
    }


# --- Artefacts -------------------------------------------------------------------------------


def networks_reached_by_artefact() -> dict[int, set[int]]:
    """For each artefact, the other networks that adapted it or said they tried it."""
    reached = defaultdict(set)
    pairs = (
        trials_from_other_networks().values_list("artefact_id", "network_id").distinct().order_by()
    )
    for artefact_id, network_id in pairs:
        reached[artefact_id].add(network_id)
    for artefact_id, network_id in (
        adaptations_across_networks().values_list("adapted_from_id", "network_id").distinct()
    ):
        reached[artefact_id].add(network_id)
    return reached


def artefact_cards(ids) -> dict[int, dict]:
    return {
        row["pk"]: row
        for row in ArtefactPage.objects.filter(pk__in=ids).values(
            "pk", "title", "url_path", "network__title", "visibility"
        )
    }


# --- Engagement and searching ----------------------------------------------------------------


def school_engagement() -> list[dict]:
    """Every current member school of a live network with its people active in the last 90
    days (one row per school and network)."""
    return [
        {"school": link.school.name, "network_id": link.network_id, "active": link.active_people}
        for link in active_people_by_school_in(NetworkSchool.objects.filter(network__live=True))
    ]


def search_log(since) -> list[dict]:
    return list(
        SearchQueryLog.objects.filter(week__gte=since)
        .values("id", "week", "query", "filters", "searches", "zero_result_searches")
        .order_by()
    )


def search_log_networks(since) -> dict[int, set[int]]:
    """For each log row since a week, the networks it was searched from."""
    searched = defaultdict(set)
    for log_id, network_id in SearchQueryNetwork.objects.filter(log__week__gte=since).values_list(
        "log_id", "network_id"
    ):
        searched[log_id].add(network_id)
    return searched
