"""Reading the platform for the spread figures. Each function is a fixed number of grouped
queries: what it returns grows with the number of networks, themes, terms or regions, never
with the number of artefacts or people.

A "link" is one network learning from another: (learner network id, source network id, kind)
with how many times. Study visits and peer reviews become links of their own kinds by adding a
function here and naming it in LINK_SOURCES.
"""

from collections import defaultdict

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth

from artefacts.models import ArtefactPage, ArtefactTrial
from artefacts.selectors import behind_view_restriction
from networks.engagement.selectors import active_people_by_school_in
from networks.models import NetworkPage, NetworkSchool
from search.models import SearchQueryLog

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


LINK_SOURCES = {
    "adaptation": adaptation_links,
    "tried": trial_links,
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
    """Adaptations, responses (with the networks and regions they came from) by month."""
    return {
        "adaptations": monthly(adaptations_across_networks(), "first_published_at", "network_id"),
        "responses": monthly(shown_trials(), "created_at", "network_id", "school__region"),
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
        .values("week", "query", "filters", "searches", "zero_result_searches")
        .order_by()
    )
