"""Engagement counts: distinct people active in a window, and in each of the last school terms.

"Active" means anything any activity source reports (sources.py: recorded contributions,
moderation and tried artefacts, joining, and what apps above add, such as attending a study
visit or taking part in a review cycle) with its time on or after the start of the window
(now − since_days). Each person counts once per network, and once per school they represent,
however many ways they were active. Every selector reads each source once (one query each),
whatever the number of networks, people or activities; what comes back is one row per person,
network, school and term, never one per activity.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import BooleanField, Case, IntegerField, Value, When
from django.utils import timezone

from networks.models import NetworkPage, NetworkSchool

from .sources import activity_sources
from .terms import Term, last_terms

ACTIVE_WINDOW_DAYS = 90
TREND_TERMS = 6


def window_start(since_days: int = ACTIVE_WINDOW_DAYS, *, now=None):
    return (now or timezone.now()) - timedelta(days=since_days)


def active_rows(network_ids, *, since, terms=()) -> set[tuple]:
    """Distinct (network_id, user_id, school_id, in_window, term) for everything active since
    `since` or within `terms`: in_window says whether it was on or after `since`, term is the
    index in `terms` it fell in (None for none). One query per activity source."""
    earliest = min([since, *(term.start_at() for term in terms)])
    in_window = Case(
        When(at__gte=since, then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    term_index = Case(
        *(
            When(at__gte=term.start_at(), at__lt=term.end_at(), then=Value(index))
            for index, term in enumerate(terms)
        ),
        default=Value(None),
        output_field=IntegerField(),
    )
    rows = set()
    for source in activity_sources():
        rows.update(
            source(network_ids=network_ids, since=earliest, until=None)
            .annotate(in_window=in_window, term_index=term_index)
            .order_by()
            .values_list("network_id", "user_id", "school_id", "in_window", "term_index")
            .distinct()
        )
    return rows


def _people_by_network(network_ids, since) -> dict[int, int]:
    people = defaultdict(set)
    for network_id, user_id, _, in_window, _ in active_rows(network_ids, since=since):
        if in_window:
            people[network_id].add(user_id)
    return {network_id: len(users) for network_id, users in people.items()}


def active_people_by_network(since_days: int = ACTIVE_WINDOW_DAYS, *, now=None):
    """Every network with `active_people` set, most active first: a list. One query and one
    per activity source."""
    return engagement_overview(since_days, now=now).networks


def active_people_in_network(network, since_days: int = ACTIVE_WINDOW_DAYS, *, now=None) -> int:
    """The number of distinct people active in one network. One query per activity source."""
    counts = _people_by_network([network.pk], window_start(since_days, now=now))
    return counts.get(network.pk, 0)


def active_people_by_school(network, since_days: int = ACTIVE_WINDOW_DAYS, *, now=None):
    """The network's current member schools (NetworkSchool rows with `school` loaded), each
    with `active_people`: distinct people active for that school in this network. Most active
    first. One query and one per activity source."""
    return active_people_by_school_in(
        NetworkSchool.objects.filter(network=network), since_days, now=now
    )


def active_people_by_school_in(links, since_days: int = ACTIVE_WINDOW_DAYS, *, now=None):
    """`active_people_by_school` for any set of NetworkSchool links, e.g. the schools of one
    page of networks in the broker's overview: a list ordered by network, then most active
    first. One query and one per activity source."""
    links = list(links.filter(left_on__isnull=True).select_related("school"))
    network_ids = sorted({link.network_id for link in links})
    people = defaultdict(set)
    if network_ids:
        since = window_start(since_days, now=now)
        for network_id, user_id, school_id, in_window, _ in active_rows(network_ids, since=since):
            if in_window and school_id is not None:
                people[network_id, school_id].add(user_id)
    for link in links:
        link.active_people = len(people[link.network_id, link.school_id])
    return sorted(links, key=lambda link: (link.network_id, -link.active_people, link.school.name))


@dataclass(frozen=True)
class TermCount:
    term: Term
    active_people: int
    is_current: bool


@dataclass(frozen=True)
class NetworkEngagement:
    """Everything a network's profile shows about its engagement."""

    active_people: int
    school_links: list  # current NetworkSchool rows with active_people, most active first
    terms: list[TermCount]

    @property
    def has_trend(self) -> bool:
        return any(count.active_people for count in self.terms)


def network_engagement(
    network, since_days: int = ACTIVE_WINDOW_DAYS, *, terms: int = TREND_TERMS, now=None
) -> NetworkEngagement:
    """The window's total, its per-school counts and the trend by term for one network, from
    one reading of each activity source. One query for the schools and one per source."""
    now = now or timezone.now()
    periods = last_terms(terms, today=timezone.localdate(now))
    rows = active_rows([network.pk], since=window_start(since_days, now=now), terms=periods)
    in_window, by_school, by_term = set(), defaultdict(set), defaultdict(set)
    for _, user_id, school_id, recent, term_index in rows:
        if recent:
            in_window.add(user_id)
            if school_id is not None:
                by_school[school_id].add(user_id)
        if term_index is not None:
            by_term[term_index].add(user_id)
    links = list(
        NetworkSchool.objects.filter(network=network, left_on__isnull=True).select_related("school")
    )
    for link in links:
        link.active_people = len(by_school[link.school_id])
    return NetworkEngagement(
        active_people=len(in_window),
        school_links=sorted(links, key=lambda link: (-link.active_people, link.school.name)),
        terms=[
            TermCount(term=term, active_people=len(by_term[index]), is_current=index == terms - 1)
            for index, term in enumerate(periods)
        ],
    )


@dataclass(frozen=True)
class EngagementOverview:
    """Every network's engagement, for the national broker."""

    networks: list  # NetworkPage rows with active_people, most active first
    people_by_school: dict  # {(network_id, school_id): active people in the window}
    terms: list[TermCount]  # people active in each term, each counted once per network

    def school_links(self, links) -> list:
        """`links` (NetworkSchool rows) with active_people, by network then most active first."""
        links = list(links)
        for link in links:
            link.active_people = self.people_by_school.get((link.network_id, link.school_id), 0)
        return sorted(
            links, key=lambda link: (link.network_id, -link.active_people, link.school.name)
        )


def engagement_overview(
    since_days: int = ACTIVE_WINDOW_DAYS, *, terms: int = TREND_TERMS, now=None
) -> EngagementOverview:
    """The window's count for every network and school, and the trend by term across all
    networks, from one reading of each source. One query for the networks and one per source."""
    now = now or timezone.now()
    periods = last_terms(terms, today=timezone.localdate(now))
    rows = active_rows(None, since=window_start(since_days, now=now), terms=periods)
    by_network, by_school, by_term = defaultdict(set), defaultdict(set), defaultdict(set)
    for network_id, user_id, school_id, recent, term_index in rows:
        if recent:
            by_network[network_id].add(user_id)
            if school_id is not None:
                by_school[network_id, school_id].add(user_id)
        if term_index is not None:
            by_term[term_index].add((network_id, user_id))
    networks = list(NetworkPage.objects.order_by("title"))
    for network in networks:
        network.active_people = len(by_network[network.pk])
    return EngagementOverview(
        networks=sorted(networks, key=lambda network: -network.active_people),
        people_by_school={key: len(users) for key, users in by_school.items()},
        terms=[
            TermCount(term=term, active_people=len(by_term[index]), is_current=index == terms - 1)
            for index, term in enumerate(periods)
        ],
    )
