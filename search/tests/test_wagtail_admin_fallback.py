"""With Elasticsearch down, the Wagtail admin's searches answer from the database (issue 15,
item 5): the admin's backend is search.wagtail_backend, as the settings configure it whenever
ELASTICSEARCH_URL is set."""

import pytest

from django.core.cache import cache

from core.accounts.factories import AdminFactory
from networks.factories import NetworkPageFactory
from search.backends.elasticsearch import DOWN_CACHE_KEY

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"


@pytest.fixture
def admin_search_elasticsearch_down(settings, client):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.wagtail_backend",
            "URLS": [CLOSED_PORT],
            "INDEX_PREFIX": "nlc-test-down-wagtail-",
            "TIMEOUT": 1,
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
    client.force_login(AdminFactory())
    cache.delete(DOWN_CACHE_KEY)
    yield client
    cache.delete(DOWN_CACHE_KEY)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/pages/search/",
        "/admin/pages/search/results/",
        "/admin/choose-page/search/",
        "/admin/documents/",
        "/admin/images/",
        "/admin/users/",
        "/admin/snippets/search/synonym/",
    ],
)
def test_admin_searches_answer_while_elasticsearch_is_down(admin_search_elasticsearch_down, path):
    response = admin_search_elasticsearch_down.get(path, {"q": "oracy"})
    assert response.status_code == 200


def test_admin_page_search_finds_pages_from_the_database(admin_search_elasticsearch_down):
    NetworkPageFactory(title="Oracy across the valleys")
    response = admin_search_elasticsearch_down.get("/admin/pages/search/", {"q": "oracy"})
    assert "Oracy across the valleys" in response.content.decode()
    assert cache.get(DOWN_CACHE_KEY) is True


def test_the_page_chooser_search_finds_pages_from_the_database(admin_search_elasticsearch_down):
    NetworkPageFactory(title="Oracy across the valleys")
    response = admin_search_elasticsearch_down.get("/admin/choose-page/search/", {"q": "oracy"})
    assert "Oracy across the valleys" in response.content.decode()
