"""Reads: search results for a person, suggestions, and the broker's analytics.

`search_for(user=, query=)` answers from Elasticsearch when it is configured and reachable, and
otherwise from the database index, saying so (`reduced_mode`); it never raises because a
backend is down.
"""

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Sum
from django.utils import timezone

from . import registry
from .audience import audience_for
from .backends import database_backend, elasticsearch_backend, elasticsearch_configured
from .backends.base import BackendUnavailable, FacetCount, SearchResults, Suggestion
from .models import SearchQueryLog
from .query import FACETS, MAX_VALUES_PER_FACET, SearchQuery
from .services import week_of

logger = logging.getLogger(__name__)

REDUCED_MODE_NOTICE = (
    "Search is running in reduced mode: results come from a simpler index and may be less "
    "complete. Please try again later for the full search."
)


@dataclass
class SearchOutcome:
    query: SearchQuery
    results: SearchResults
    reduced_mode: bool = False

    @property
    def notice(self) -> str:
        return REDUCED_MODE_NOTICE if self.reduced_mode else ""


def _with_fallback(method: str, *args, **kwargs):
    """Call the preferred backend; on failure, the database. Returns (answer, reduced)."""
    if elasticsearch_configured():
        backend = elasticsearch_backend()
        if not backend.recently_failed():
            try:
                return getattr(backend, method)(*args, **kwargs), False
            except BackendUnavailable as error:
                logger.warning("Search falls back to the database: %s", error)
        return getattr(database_backend(), method)(*args, **kwargs), True
    return getattr(database_backend(), method)(*args, **kwargs), False


def search_for(*, user, query: SearchQuery) -> SearchOutcome:
    audience = audience_for(user)
    results, reduced = _with_fallback("search", query, audience)
    label_facets(results, query)
    return SearchOutcome(query=query, results=results, reduced_mode=reduced)


def suggestions_for(*, user, prefix: str, limit: int = 8) -> list[Suggestion]:
    audience = audience_for(user)
    suggestions, _reduced = _with_fallback("suggest", prefix, audience, limit=limit)
    return suggestions


# Facets whose values are words of a vocabulary (year and strength are checked by range).
CHECKED_FACETS = ("type", "theme", "phase", "region", "network")


def unknown_facet_values(*, user, filters: dict[str, tuple]) -> dict[str, list[str]]:
    """Selected facet values that nothing this person may find has, by facet (at most one small
    query per facet selected); a registered type is always known."""
    audience = audience_for(user)
    database = database_backend()
    unknown = {}
    for name in CHECKED_FACETS:
        values = [str(value) for value in dict.fromkeys(filters.get(name, ()))]
        if not values:
            continue
        known = database.known_values(name, values, audience)
        if name == "type":
            known |= set(registry.type_labels())
        missing = [value for value in values if value not in known]
        if missing:
            unknown[name] = missing
    return unknown


def label_facets(results: SearchResults, query: SearchQuery) -> None:
    """Give facet values their labels (from the registered documents: a few small queries at
    most, such as theme, phase and network names), keep the selected values even when nothing
    matches them, and order each facet."""
    facets = results.facets
    for name in FACETS:
        counts = facets.setdefault(name, [])
        present = {count.value for count in counts}
        for value in query.filters.get(name, ()):
            if str(value) not in present:
                counts.append(FacetCount(value=str(value), count=0))
        selected = {str(value) for value in query.filters.get(name, ())}
        for count in counts:
            count.selected = count.value in selected

    for name, counts in facets.items():
        labels = registry.facet_labels(name, [count.value for count in counts])
        for count in counts:
            if name == "phase":
                count.label = labels.get(count.value) or count.value.replace("-", " ").capitalize()
            else:
                count.label = labels.get(count.value, count.value)
        if name in ("year", "strength"):
            counts.sort(key=lambda c: -int(c.value) if c.value.isdigit() else 0)
        else:
            counts.sort(key=lambda c: (-c.count, c.label.lower()))
        # Keep the list short, but never drop a selected value.
        kept = counts[:MAX_VALUES_PER_FACET]
        kept += [c for c in counts[MAX_VALUES_PER_FACET:] if c.selected]
        facets[name] = kept


# Analytics ------------------------------------------------------------------------------------


def recent_weeks(count: int = 8) -> list[date]:
    this_week = week_of(timezone.localdate())
    return [this_week - timedelta(weeks=n) for n in range(count)]


def top_queries(*, week: date, limit: int = 20):
    """The most searched queries of a week (all filter combinations together)."""
    return (
        SearchQueryLog.objects.filter(week=week)
        .values("query")
        .annotate(total=Sum("searches"), zero=Sum("zero_result_searches"))
        .order_by("-total", "query")[:limit]
    )


def zero_result_queries(*, week: date, limit: int = 20):
    """The knowledge gaps: queries that found nothing, most frequent first."""
    return (
        SearchQueryLog.objects.filter(week=week, zero_result_searches__gt=0)
        .values("query")
        .annotate(total=Sum("zero_result_searches"))
        .order_by("-total", "query")[:limit]
    )
