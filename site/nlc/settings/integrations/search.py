"""Search: the database backend by default, Elasticsearch when ELASTICSEARCH_URL is set.

The client library is the official `elasticsearch` 9.x package, whose `elasticsearch.dsl`
module is the elasticsearch-dsl API; it targets Elasticsearch 9 servers.

The database index (SQLite FTS5, or PostgreSQL full-text search) is always maintained: it is
what `/search/` answers from when Elasticsearch is not configured or cannot be reached.
"""

from ..env import env

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX")
# A search request waits at most this long for Elasticsearch before answering from the database.
ELASTICSEARCH_TIMEOUT_SECONDS = env.float("ELASTICSEARCH_TIMEOUT_SECONDS", default=2.0)
# After Elasticsearch failed, requests skip it for this long instead of waiting again.
ELASTICSEARCH_RETRY_AFTER_SECONDS = env.int("ELASTICSEARCH_RETRY_AFTER_SECONDS", default=30)

SEARCH_PAGE_SIZE = 20

WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}

if ELASTICSEARCH_URL:
    # The admin's searches: Elasticsearch while it answers, else the database backend, which
    # Wagtail keeps up to date too (see search.wagtail_backend).
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.wagtail_backend",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": f"{ELASTICSEARCH_INDEX_PREFIX}-wagtail-",
            "TIMEOUT": 5,
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }

# The public JSON API (/api/v1/): read-only, described by drf-spectacular at /api/v1/schema/.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Networked Learning Communities API",
    "DESCRIPTION": (
        "Read-only access to what the networks publish. Results respect visibility: "
        "anonymous callers see public items only; signed-in members of any network "
        "(session) also see members-only items and their own networks' items."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["nlc.openapi.public_api_only"],
    "COMPONENT_SPLIT_REQUEST": True,
}
