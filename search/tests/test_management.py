"""manage.py search_index --rebuild / --check / --fix."""

from datetime import timedelta
from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.utils import timezone

from networks.factories import NetworkPageFactory
from search import services
from search.factories import SearchDocumentFactory
from search.models import IndexLock, SearchDocument

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _database_only(no_elasticsearch):
    return no_elasticsearch


def run(*args) -> str:
    out = StringIO()
    call_command("search_index", *args, "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def test_rebuild_indexes_every_live_page_and_nothing_else():
    live = NetworkPageFactory()
    draft = NetworkPageFactory(live=False)
    SearchDocumentFactory(page_id=999_999, title="Left over")
    output = run("--rebuild")
    assert set(SearchDocument.objects.values_list("page_id", flat=True)) == {live.pk}
    assert draft.pk not in SearchDocument.objects.values_list("page_id", flat=True)
    assert "database: 1 documents indexed." in output


def test_rebuild_keeps_the_index_searchable():
    NetworkPageFactory(title="Oracy partnership")
    run("--rebuild")
    from search.backends.base import PUBLIC
    from search.backends.database import DatabaseBackend
    from search.query import SearchQuery

    results = DatabaseBackend().search(SearchQuery(text="oracy"), PUBLIC)
    assert [hit.title for hit in results.hits] == ["Oracy partnership"]


def test_rebuild_refuses_to_run_twice_at_once():
    IndexLock.objects.create(name="rebuild", holder="other-host:42", acquired_at=timezone.now())
    with pytest.raises(CommandError, match="already running"):
        run("--rebuild")


def test_a_lock_left_by_a_crashed_rebuild_expires():
    IndexLock.objects.create(
        name="rebuild", holder="gone:1", acquired_at=timezone.now() - timedelta(hours=7)
    )
    NetworkPageFactory()
    run("--rebuild")
    assert not IndexLock.objects.exists()


def test_check_reports_missing_extra_and_stale_documents():
    missing = NetworkPageFactory()
    stale = NetworkPageFactory(title="Old title")
    services.index_page(page_id=stale.pk)
    type(stale).objects.filter(pk=stale.pk).update(title="New title")  # no signal
    SearchDocumentFactory(page_id=888_888)
    with pytest.raises(CommandError, match="drifted"):
        call_command("search_index", "--check", stdout=(out := StringIO()))
    report = out.getvalue()
    assert f"missing: 1 page id(s): {missing.pk}" in report
    assert "extra: 1 page id(s): 888888" in report
    assert f"stale: 1 page id(s): {stale.pk}" in report


def test_check_passes_when_the_index_is_in_step():
    network = NetworkPageFactory()
    services.index_page(page_id=network.pk)
    assert "database: in step." in run("--check")


def test_fix_repairs_the_drift():
    missing = NetworkPageFactory()
    SearchDocumentFactory(page_id=777_777)
    output = run("--fix")
    assert "Repaired" in output
    assert set(SearchDocument.objects.values_list("page_id", flat=True)) == {missing.pk}
    assert services.check_drift().clean
