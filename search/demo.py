"""Demo data for search: the broker's synonyms, an index in step with the demo pages, and a few
weeks of (anonymous) search analytics for the broker's report. Idempotent."""

from datetime import timedelta

from django.utils import timezone

from .models import SearchQueryLog, Synonym
from .services import check_drift, repair, week_of

SYNONYMS = [
    "afl, assessment for learning, formative assessment",
    "send, special educational needs",
    "cpd, professional development",
    "eal, english as an additional language",
    "ks2, key stage 2",
]

# (query, searches, searches with no result) for this week and the three before.
ANALYTICS = [
    ("oracy", 14, 0),
    ("feedback", 11, 0),
    ("assessment for learning", 9, 0),
    ("transition", 7, 0),
    ("attendance after covid", 6, 6),
    ("parental engagement", 5, 5),
    ("oracy assessment", 4, 1),
    ("mixed age classes", 3, 3),
]


def seed(log) -> None:
    for terms in SYNONYMS:
        Synonym.objects.get_or_create(terms=terms)
    log(f"{len(SYNONYMS)} synonym sets")

    this_week = week_of(timezone.localdate())
    for weeks_ago in range(4):
        week = this_week - timedelta(weeks=weeks_ago)
        for query, searches, zero in ANALYTICS:
            SearchQueryLog.objects.get_or_create(
                week=week,
                query=query,
                filters="",
                defaults={
                    "searches": max(1, searches - weeks_ago),
                    "zero_result_searches": min(zero, max(1, searches - weeks_ago)),
                    "last_result_count": 0 if zero else 12,
                },
            )
    log("search analytics for four weeks")

    # Index every published page now, so search works before the worker has caught up.
    report = check_drift(include_database=True)
    repair(report)
    drift = report.database
    log(
        "search index in step"
        + (
            f" ({len(drift.missing)} added, {len(drift.stale)} refreshed, {len(drift.extra)} removed)"
            if drift and not drift.clean
            else ""
        )
    )
