"""The Wagtail admin's search backend: Elasticsearch 9 while it answers, the database otherwise.

Configured as WAGTAILSEARCH_BACKENDS["default"] when ELASTICSEARCH_URL is set, next to a
"database" backend that Wagtail keeps up to date as well (it indexes into every backend). Every
admin search (pages, the page chooser, snippets, documents, images, users) is lazy: it reaches
Elasticsearch when its results or count are read, so that is where an outage is caught and the
same search is asked of the database instead. After a failure, searches go straight to the
database for ELASTICSEARCH_RETRY_AFTER_SECONDS, as the site's own search does.
"""

import logging

from elasticsearch import ApiError, TransportError

from django.conf import settings
from django.core.cache import cache

from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch9 import (
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchResults,
)

from .backends.elasticsearch import DOWN_CACHE_KEY

logger = logging.getLogger(__name__)

FALLBACK_BACKEND = "database"
UNAVAILABLE = (TransportError, ApiError)


class FallbackSearchResults(Elasticsearch9SearchResults):
    # (method, query, model_or_queryset, keyword arguments): the same search, for the database.
    fallback: tuple | None = None

    def _clone(self):
        new = super()._clone()
        new.fallback = self.fallback
        return new

    def _database(self):
        method, query, model_or_queryset, kwargs = self.fallback
        results = getattr(get_search_backend(FALLBACK_BACKEND), method)(
            query, model_or_queryset, **kwargs
        )
        if self._score_field:
            results = results.annotate_score(self._score_field)
        return results[self.start : self.stop]

    def _answer(self, from_elasticsearch, from_database):
        if self.fallback is not None and cache.get(DOWN_CACHE_KEY):
            return from_database()
        try:
            return from_elasticsearch()
        except UNAVAILABLE as error:
            if self.fallback is None:
                raise
            logger.warning("The admin's search falls back to the database: %s", error)
            cache.set(DOWN_CACHE_KEY, True, settings.ELASTICSEARCH_RETRY_AFTER_SECONDS)
            return from_database()

    def _do_search(self):
        return self._answer(super()._do_search, lambda: list(self._database()))

    def _do_count(self):
        return self._answer(super()._do_count, lambda: self._database().count())

    def facet(self, field_name):
        return self._answer(
            lambda: super(FallbackSearchResults, self).facet(field_name),
            lambda: self._database().facet(field_name),
        )


class FallbackElasticsearchBackend(Elasticsearch9SearchBackend):
    results_class = FallbackSearchResults

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        results = super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
        if isinstance(results, FallbackSearchResults):
            autocomplete = query_compiler_class is self.autocomplete_query_compiler_class
            method = "autocomplete" if autocomplete else "search"
            results.fallback = (method, query, model_or_queryset, kwargs)
        return results


SearchBackend = FallbackElasticsearchBackend
