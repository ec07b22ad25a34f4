"""Fixtures for search tests.

`backend` is parametrised over the backends available here: the database backend always, and
Elasticsearch only when ELASTICSEARCH_URL is set in the environment (otherwise that
parametrisation is not generated at all, rather than skipped).
"""

import os
import uuid

import pytest

from search.backends.database import DatabaseBackend

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
BACKENDS = ["database"] + (["elasticsearch"] if ELASTICSEARCH_URL else [])


@pytest.fixture(params=BACKENDS)
def backend(request, db, settings):
    if request.param == "database":
        settings.ELASTICSEARCH_URL = ""
        yield DatabaseBackend()
        return
    from search.backends.elasticsearch import ElasticsearchBackend
    from search.backends.elasticsearch_index import alias_name

    settings.ELASTICSEARCH_URL = ELASTICSEARCH_URL
    settings.ELASTICSEARCH_INDEX_PREFIX = f"nlc-test-{uuid.uuid4().hex[:8]}"
    es = ElasticsearchBackend()
    es.ensure_index()
    yield es
    # By name: wildcard deletes are refused by default (action.destructive_requires_name).
    for name in es.client.indices.get_alias(name=alias_name()):
        es.client.indices.delete(index=name)
    es.client.synonyms.delete_synonym(id=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-synonyms")


@pytest.fixture
def no_elasticsearch(settings):
    """The database backend only (even when the environment sets ELASTICSEARCH_URL)."""
    settings.ELASTICSEARCH_URL = ""
    return settings


@pytest.fixture(autouse=True)
def _forget_elasticsearch_failures():
    """A failure remembered by one test must not send the next one to the database."""
    from django.core.cache import cache

    from search.backends.elasticsearch import DOWN_CACHE_KEY

    cache.delete(DOWN_CACHE_KEY)
    yield
    cache.delete(DOWN_CACHE_KEY)
