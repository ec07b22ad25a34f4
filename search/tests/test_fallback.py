"""When Elasticsearch is configured but unreachable, search answers from the database with a
notice, and index updates wait to be retried rather than being lost."""

import pytest

from django.core.cache import cache

from networks.factories import NetworkPageFactory
from search import services
from search.backends.elasticsearch import DOWN_CACHE_KEY
from search.factories import SearchDocumentFactory
from search.models import PendingIndexUpdate, SearchDocument
from search.query import SearchQuery
from search.selectors import REDUCED_MODE_NOTICE, search_for

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"


@pytest.fixture
def elasticsearch_down(settings, monkeypatch):
    # A worker's failed try is not the request's error: in production the request only
    # publishes the task. Eager tasks run inside the request, so keep their retries there.
    from celery import current_app

    monkeypatch.setitem(current_app.conf, "task_eager_propagates", False)
    cache.delete(DOWN_CACHE_KEY)
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    settings.ELASTICSEARCH_INDEX_PREFIX = "nlc-test-down"
    yield settings
    cache.delete(DOWN_CACHE_KEY)


def test_search_answers_from_the_database_with_a_notice(elasticsearch_down, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    SearchDocumentFactory(title="Coaching conversations")
    outcome = search_for(user=AnonymousUser(), query=SearchQuery(text="coaching"))
    assert outcome.reduced_mode is True
    assert outcome.notice == REDUCED_MODE_NOTICE
    assert [hit.title for hit in outcome.results.hits] == ["Coaching conversations"]


def test_search_page_shows_the_reduced_mode_notice(elasticsearch_down, client):
    SearchDocumentFactory(title="Coaching conversations")
    response = client.get("/search/", {"q": "coaching"})
    assert response.status_code == 200
    assert "Search is running in reduced mode" in response.content.decode()
    assert "<mark>Coaching</mark> conversations" in response.content.decode()


def test_api_says_it_is_in_reduced_mode(elasticsearch_down, client):
    SearchDocumentFactory(title="Coaching conversations")
    body = client.get("/api/v1/search/", {"q": "coaching"}).json()
    assert body["reduced_mode"] is True
    assert body["total"] == 1


def test_suggestions_still_work(elasticsearch_down, client):
    SearchDocumentFactory(title="Coaching conversations")
    body = client.get("/api/v1/search/suggest/", {"q": "coach"}).json()
    assert [s["title"] for s in body["suggestions"]] == ["Coaching conversations"]


def test_after_a_failure_requests_skip_elasticsearch_for_a_while(elasticsearch_down):
    from django.contrib.auth.models import AnonymousUser

    search_for(user=AnonymousUser(), query=SearchQuery(text="x"))
    assert cache.get(DOWN_CACHE_KEY) is True


def test_index_updates_are_kept_pending_while_elasticsearch_is_down(
    elasticsearch_down, django_capture_on_commit_callbacks
):
    network = NetworkPageFactory(live=False)
    with django_capture_on_commit_callbacks(execute=True):
        network.save_revision().publish()
    # The database index (the fallback) is up to date...
    assert SearchDocument.objects.filter(page_id=network.pk).exists()
    # ...and the failed Elasticsearch update is recorded, to be retried: nothing is lost.
    pending = PendingIndexUpdate.objects.get(page_id=network.pk)
    assert pending.attempts >= 1  # eager tasks run their retries at once
    assert "Elasticsearch" in pending.last_error


def test_the_elasticsearch_update_task_retries_with_backoff(elasticsearch_down, monkeypatch):
    from search.tasks import sync_elasticsearch_task

    # Let eager retries run to the end instead of propagating the first Retry.
    monkeypatch.setitem(sync_elasticsearch_task.app.conf, "task_eager_propagates", False)
    network = NetworkPageFactory()
    services.index_page(page_id=network.pk)  # its on_commit never fires inside the test
    result = sync_elasticsearch_task.apply(args=[network.pk])
    assert result.state == "FAILURE"
    # The first try and ten retries (eagerly, without the backoff wait); still pending.
    assert PendingIndexUpdate.objects.get(page_id=network.pk).attempts == 11


def test_drift_check_reports_elasticsearch_unavailable(elasticsearch_down):
    report = services.check_drift()
    assert report.unavailable
    assert not report.clean
