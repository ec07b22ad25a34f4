"""Search never shows what the reader may not read, whatever the workers do (issue 15, item 4).

"The worker is stopped": the search tasks are published but nothing runs them (their
`apply_async`, Celery's boundary, keeps the message). Whatever changes who may read a page must
still reach results, suggestions and facet counts in the page's own transaction.
"""

import pytest
from celery import current_app

from django.conf import settings

from artefacts.factories import ArtefactPageFactory
from core.visibility import Visibility
from networks.factories import ActiveNetworkFactory, MembershipFactory
from search import services
from search.factories import SearchDocumentFactory
from search.models import SearchDocument

pytestmark = pytest.mark.django_db

TITLE = "Talk partners in year 3"


@pytest.fixture
def worker_stopped(monkeypatch):
    """Search tasks are sent to the broker, and no worker takes them."""
    waiting = []
    for name in [name for name in current_app.tasks if name.startswith("search.tasks.")]:
        monkeypatch.setattr(
            current_app.tasks[name],
            "apply_async",
            lambda args=None, kwargs=None, _name=name, **options: waiting.append((_name, args)),
        )
    return waiting


@pytest.fixture
def artefact(no_elasticsearch, django_capture_on_commit_callbacks):
    """A public artefact, indexed while the worker was still running."""
    network = ActiveNetworkFactory(title="Oracy North")
    with django_capture_on_commit_callbacks(execute=True):
        page = ArtefactPageFactory(network=network, title=TITLE, visibility=Visibility.PUBLIC)
    assert SearchDocument.objects.filter(page_id=page.pk).exists()
    return page


def seen(client) -> dict:
    """What a reader sees of the artefact: results, suggestions and counts."""
    found = client.get("/api/v1/search/", {"q": "talk partners"}).json()
    browsed = client.get("/api/v1/search/").json()
    suggested = client.get("/api/v1/search/suggest/", {"q": "talk part"}).json()
    return {
        "results": [hit["title"] for hit in found["results"]],
        "total": found["total"],
        "counted": sum(c["count"] for c in found["facets"]["type"]),
        "browsed": [hit["title"] for hit in browsed["results"]],
        "browse_counted": sum(
            c["count"] for c in browsed["facets"]["type"] if c["value"] != "network"
        ),
        "suggested": [s["title"] for s in suggested["suggestions"]],
    }


NOTHING = {
    "results": [],
    "total": 0,
    "counted": 0,
    "browsed": [],
    "browse_counted": 0,
    "suggested": [],
}
EVERYWHERE = {
    "results": [TITLE],
    "total": 1,
    "counted": 1,
    "browsed": [TITLE],
    "browse_counted": 1,
    "suggested": [TITLE],
}


def test_an_artefact_published_network_only_leaves_search_at_once(
    artefact, worker_stopped, client, django_capture_on_commit_callbacks
):
    assert seen(client) == EVERYWHERE  # the browse counts are cached now
    artefact.visibility = Visibility.NETWORK
    with django_capture_on_commit_callbacks(execute=True):
        artefact.save_revision().publish()
    assert seen(client) == NOTHING
    assert worker_stopped, "the text is still re-indexed by the worker, when it is back"


def test_its_network_still_finds_it_at_once(
    artefact, worker_stopped, client, django_capture_on_commit_callbacks
):
    artefact.visibility = Visibility.NETWORK
    with django_capture_on_commit_callbacks(execute=True):
        artefact.save_revision().publish()
    client.force_login(MembershipFactory(network=artefact.network).user)
    assert seen(client) == EVERYWHERE


def test_saving_a_live_artefact_members_only_hides_it_from_visitors_at_once(
    artefact, worker_stopped, client, django_capture_on_commit_callbacks
):
    artefact.visibility = Visibility.MEMBERS
    with django_capture_on_commit_callbacks(execute=True):
        artefact.save(update_fields=["visibility"])
    assert seen(client) == NOTHING


def test_unpublishing_removes_it_at_once(
    artefact, worker_stopped, client, django_capture_on_commit_callbacks
):
    assert seen(client) == EVERYWHERE
    with django_capture_on_commit_callbacks(execute=True):
        artefact.unpublish()
    assert seen(client) == NOTHING


def test_deleting_removes_it_at_once(
    artefact, worker_stopped, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        artefact.delete()
    assert seen(client) == NOTHING


def test_a_privacy_restriction_hides_what_it_covers_at_once(
    artefact, worker_stopped, client, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=artefact.network, restriction_type="login")
    assert seen(client) == NOTHING


def test_the_change_and_the_index_are_one_transaction(artefact, worker_stopped, client):
    from django.db import transaction

    class Abandon(Exception):
        pass

    with pytest.raises(Abandon), transaction.atomic():
        artefact.unpublish()
        raise Abandon
    assert seen(client) == EVERYWHERE


def test_the_nightly_repair_is_scheduled_and_removes_what_a_lost_task_left(no_elasticsearch):
    entry = settings.CELERY_BEAT_SCHEDULE["repair-search-index"]
    assert entry["task"] == "search.tasks.repair_index_task"
    SearchDocumentFactory(page_id=999_999, title="Left behind by a lost task")
    assert current_app.tasks[entry["task"]].apply().get() is True
    assert not SearchDocument.objects.filter(page_id=999_999).exists()
    assert services.check_drift().clean
