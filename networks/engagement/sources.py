"""Where engagement finds what people did: a registry of activity sources.

An app registers a function with the Wagtail hook "engagement_activity_sources". It is called
as `source(network_ids=..., since=..., until=...)` (network_ids None for every network; since and
until aware datetimes, since included, until not, until None for no end) and returns a queryset, filtered to those
networks and that time, with the columns `user_id`, `network_id`, `school_id` (the school the
person represents in that network, or None) and `at` (when it happened). Engagement reads each
source once, distinct by person, so a source costs one query whatever the data size, and a person
active in several ways counts once. Apps below networks' engagement in the house never need
importing: visits, peer review and the rest tell it through this hook.

Engagement's own sources are the activities other services record (`services.record_activity`)
and joining a network (each membership, from the day it started).
"""

from django.db.models import F

from wagtail import hooks

from networks.models import Membership

from .models import Activity

ACTIVITY_SOURCES_HOOK = "engagement_activity_sources"


def activity_sources() -> list:
    return list(hooks.get_hooks(ACTIVITY_SOURCES_HOOK))


def limited(queryset, *, network_ids, since, until, at: str, network: str = "network_id"):
    """`queryset` limited to `network_ids` (None: every network) and to what happened (the
    `at` field) from `since` to before `until` (None: no end), with the `at` column. For
    sources to share."""
    if network_ids is not None:
        queryset = queryset.filter(**{f"{network}__in": network_ids})
    # One filter() call, so that across a many-valued relation both bounds hold for the same row.
    bounds = {f"{at}__gte": since} | ({f"{at}__lt": until} if until is not None else {})
    return queryset.filter(**bounds).annotate(at=F(at))


def recorded_activity(*, network_ids, since, until):
    """What services recorded: contributions, moderation, tried artefacts and the like."""
    return limited(
        Activity.objects.all(), network_ids=network_ids, since=since, until=until, at="occurred_at"
    )


def joined_networks(*, network_ids, since, until):
    """Joining a network, from the membership's start (a person who left and came back joined
    twice); the school is the one they joined for."""
    return limited(
        Membership.objects.all(), network_ids=network_ids, since=since, until=until, at="joined_at"
    )
