"""The configured backends: the database always; Elasticsearch when ELASTICSEARCH_URL is set."""

from django.conf import settings

from .base import Audience, BackendUnavailable, SearchBackend, SearchResults
from .database import DatabaseBackend

__all__ = [
    "Audience",
    "BackendUnavailable",
    "SearchBackend",
    "SearchResults",
    "database_backend",
    "elasticsearch_backend",
    "elasticsearch_configured",
]


def database_backend() -> DatabaseBackend:
    return DatabaseBackend()


def elasticsearch_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def elasticsearch_backend():
    from .elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend()
