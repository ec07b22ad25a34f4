"""Search: the database backend by default, Elasticsearch when ELASTICSEARCH_URL is set.

The client library is the official `elasticsearch` 9.x package, whose `elasticsearch.dsl`
module is the elasticsearch-dsl API; it targets Elasticsearch 9 servers.
"""

from ..base import env

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX")

WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}

if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "wagtail.search.backends.elasticsearch9",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX": f"{ELASTICSEARCH_INDEX_PREFIX}-wagtail",
        "TIMEOUT": 5,
    }
