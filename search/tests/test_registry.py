"""The document registry: a page type becomes searchable by registering a document, with no
change to search; the audience comes from the one rule a content app registers."""

import pytest

from django.core.exceptions import ImproperlyConfigured

from core.accounts.factories import UserFactory
from networks.models import NetworkIndexPage, NetworkPage
from search import audience, registry, services
from search.backends.base import PUBLIC
from search.models import SearchDocument
from search.registry import PageDocument

pytestmark = pytest.mark.django_db


class DirectoryDocument(PageDocument):
    """A page type no app registers: the directory of networks stands in for a new app's."""

    model = NetworkIndexPage
    kind = "directory"
    kind_label = "Directory of networks"

    def prepare_summary(self, page):
        return "Every network of schools, with what each is working on."


@pytest.fixture
def directory_registered(no_elasticsearch):
    registry.register(DirectoryDocument)
    yield NetworkIndexPage.objects.get()
    registry.unregister(DirectoryDocument)


def test_a_registered_page_type_is_indexed_when_published(
    directory_registered, django_capture_on_commit_callbacks
):
    page = directory_registered
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    document = SearchDocument.objects.get(page_id=page.pk)
    assert (document.kind, document.type, document.visibility) == (
        "directory",
        "directory",
        "public",
    )
    assert "with what each is working on" in document.text.summary


def test_the_type_facet_offers_a_registered_kind_with_its_label(directory_registered, client):
    services.index_page(page_id=directory_registered.pk)
    body = client.get("/api/v1/search/", {"q": "working", "type": "directory"}).json()
    assert [(hit["kind"], hit["type_label"]) for hit in body["results"]] == [
        ("directory", "Directory of networks")
    ]
    assert {
        "value": "directory",
        "label": "Directory of networks",
        "count": 1,
        "selected": True,
    } in (body["facets"]["type"])


def test_an_unregistered_page_type_is_not_indexed(no_elasticsearch):
    page = NetworkIndexPage.objects.get()
    assert services.index_page(page_id=page.pk) is False
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()


def test_a_kind_cannot_be_registered_by_two_page_types():
    class Clash(PageDocument):
        model = NetworkIndexPage
        kind = "network"

    with pytest.raises(ImproperlyConfigured, match="registered twice"):
        registry.register(Clash)
    assert registry.document_for_model(NetworkIndexPage) is None


def test_a_subclass_of_a_registered_page_type_uses_its_document():
    class SpecialNetworkPage(NetworkPage):
        class Meta:
            abstract = True

    assert registry.document_for_model(SpecialNetworkPage).kind == "network"


@pytest.fixture
def no_audience_rule(monkeypatch):
    monkeypatch.setattr(audience, "_provider", None)


def test_without_a_registered_rule_everyone_is_the_public(no_audience_rule):
    assert audience.audience_for(UserFactory()) == PUBLIC


def test_the_audience_rule_has_one_home():
    with pytest.raises(ImproperlyConfigured, match="already given by artefacts.search"):
        audience.register_audience(lambda user: PUBLIC)
