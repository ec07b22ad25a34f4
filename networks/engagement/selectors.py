"""Engagement counts: distinct people active in a window, computed by the database.

"Active" means at least one recorded Activity of any kind (contributed, reviewed, attended,
joined, tried an artefact) with occurred_at on or after the start of the window
(now − since_days). Each selector is one query.
"""

from datetime import timedelta

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from networks.models import NetworkPage, NetworkSchool

from .models import Activity

ACTIVE_WINDOW_DAYS = 90


def window_start(since_days: int = ACTIVE_WINDOW_DAYS, *, now=None):
    return (now or timezone.now()) - timedelta(days=since_days)


def _distinct_people(activities):
    """A subquery counting the distinct people among `activities` (already correlated)."""
    return Coalesce(
        Subquery(
            activities.order_by()
            .values("network_id")
            .annotate(people=Count("user_id", distinct=True))
            .values("people")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def active_people_by_network(since_days: int = ACTIVE_WINDOW_DAYS, *, now=None):
    """Every network annotated with `active_people`, most active first. One query."""
    since = window_start(since_days, now=now)
    recent = Activity.objects.filter(network_id=OuterRef("pk"), occurred_at__gte=since)
    return NetworkPage.objects.annotate(active_people=_distinct_people(recent)).order_by(
        "-active_people", "title"
    )


def active_people_in_network(network, since_days: int = ACTIVE_WINDOW_DAYS, *, now=None) -> int:
    """The number of distinct people active in one network. One query."""
    return Activity.objects.filter(
        network=network, occurred_at__gte=window_start(since_days, now=now)
    ).aggregate(people=Count("user_id", distinct=True))["people"]


def active_people_by_school(network, since_days: int = ACTIVE_WINDOW_DAYS, *, now=None):
    """The network's current member schools (NetworkSchool rows with `school` loaded), each
    annotated with `active_people`: distinct people active for that school in this network.
    Most active first. One query."""
    return active_people_by_school_in(
        NetworkSchool.objects.filter(network=network), since_days, now=now
    )


def active_people_by_school_in(links, since_days: int = ACTIVE_WINDOW_DAYS, *, now=None):
    """`active_people_by_school` for any set of NetworkSchool links, e.g. the schools of one
    page of networks in the broker's overview. One query."""
    since = window_start(since_days, now=now)
    recent = Activity.objects.filter(
        network_id=OuterRef("network_id"), school_id=OuterRef("school_id"), occurred_at__gte=since
    )
    return (
        links.filter(left_on__isnull=True)
        .select_related("school")
        .annotate(active_people=_distinct_people(recent))
        .order_by("network_id", "-active_people", "school__name")
    )
