"""Indexing follows the content through the real signal → on_commit → Celery task path
(tasks run eagerly in tests; on_commit callbacks are captured and executed)."""

import pytest

from networks.factories import NetworkPageFactory
from search import services
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _database_only(no_elasticsearch):
    return no_elasticsearch


def draft_network(**kwargs):
    return NetworkPageFactory(live=False, **kwargs)


def test_publishing_a_network_indexes_it(django_capture_on_commit_callbacks):
    network = draft_network(title="Oracy North", purpose="Talk for learning across schools.")
    assert not SearchDocument.objects.filter(page_id=network.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        network.save_revision().publish()
    document = SearchDocument.objects.get(page_id=network.pk)
    assert (document.kind, document.title, document.type) == ("network", "Oracy North", "network")
    assert document.url == network.url


def test_unpublishing_removes_it_from_the_index(django_capture_on_commit_callbacks):
    network = draft_network()
    with django_capture_on_commit_callbacks(execute=True):
        network.save_revision().publish()
    network.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        network.unpublish()
    assert not SearchDocument.objects.filter(page_id=network.pk).exists()


def test_deleting_removes_it_from_the_index(django_capture_on_commit_callbacks):
    network = draft_network()
    with django_capture_on_commit_callbacks(execute=True):
        network.save_revision().publish()
    page_id = network.pk
    network.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        network.delete()
    assert not SearchDocument.objects.filter(page_id=page_id).exists()


def test_the_task_is_enqueued_only_after_commit(django_capture_on_commit_callbacks):
    network = draft_network()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        network.save_revision().publish()
    assert callbacks, "publishing schedules an index task"
    assert not SearchDocument.objects.filter(page_id=network.pk).exists()


def test_publishing_again_updates_the_document(django_capture_on_commit_callbacks):
    network = draft_network(title="Before")
    with django_capture_on_commit_callbacks(execute=True):
        network.save_revision().publish()
    network.refresh_from_db()
    network.title = "After"
    with django_capture_on_commit_callbacks(execute=True):
        network.save_revision().publish()
    assert list(
        SearchDocument.objects.filter(page_id=network.pk).values_list("title", flat=True)
    ) == ["After"]


def test_index_page_is_idempotent():
    network = NetworkPageFactory()
    assert services.index_page(page_id=network.pk) is True
    first = SearchDocument.objects.get(page_id=network.pk)
    assert services.index_page(page_id=network.pk) is True
    second = SearchDocument.objects.get(page_id=network.pk)
    assert (first.pk, first.content_hash) == (second.pk, second.content_hash)


def test_index_page_of_a_missing_page_removes_its_document():
    network = NetworkPageFactory()
    services.index_page(page_id=network.pk)
    page_id = network.pk
    network.delete()
    assert services.index_page(page_id=page_id) is False
    assert not SearchDocument.objects.filter(page_id=page_id).exists()


def test_a_page_behind_a_privacy_restriction_is_not_indexed():
    from wagtail.models import PageViewRestriction

    network = NetworkPageFactory()
    PageViewRestriction.objects.create(page=network, restriction_type="login")
    assert services.index_page(page_id=network.pk) is False
    assert not SearchDocument.objects.filter(page_id=network.pk).exists()


def test_index_subtree_indexes_the_page_and_what_is_below_it():
    network = NetworkPageFactory()
    assert services.index_subtree(page_id=network.pk) == 1
    assert SearchDocument.objects.filter(page_id=network.pk).exists()
