"""Anonymous visitors read collections and their feeds from the page cache; a change to a
collection, its items or an artefact in it purges them."""

import pytest

from django.test import Client

from artefacts.factories import ArtefactPageFactory
from broker.factories import CollectionFactory, CollectionItemFactory

pytestmark = pytest.mark.django_db


def cache_state(url: str) -> str | None:
    return Client().get(url).get("X-Page-Cache")


def warmed(*urls) -> None:
    for url in urls:
        Client().get(url)
        assert cache_state(url) == "hit", url


@pytest.fixture
def collection():
    collection = CollectionFactory()
    CollectionItemFactory(collection=collection, artefact=ArtefactPageFactory())
    return collection


def urls_of(collection) -> list[str]:
    return [
        "/collections/",
        f"/collections/{collection.slug}/",
        f"/collections/{collection.slug}/feed/",
    ]


def test_collection_pages_and_feed_are_served_from_the_cache(collection):
    warmed(*urls_of(collection))


def test_editing_a_collection_purges_its_pages_and_feed(collection):
    warmed(*urls_of(collection))
    collection.title = "Oracy across the curriculum"
    collection.save()
    for url in urls_of(collection):
        assert cache_state(url) == "miss", url


def test_adding_an_item_purges_the_collection_page(collection):
    warmed(f"/collections/{collection.slug}/")
    artefact = ArtefactPageFactory(title="Talk partners that stay on task")
    CollectionItemFactory(collection=collection, artefact=artefact)
    page = Client().get(f"/collections/{collection.slug}/").content.decode()
    assert "Talk partners that stay on task" in page


def test_an_artefact_made_private_leaves_the_cached_collection(collection):
    artefact = collection.items.get().artefact
    warmed(f"/collections/{collection.slug}/")
    artefact.visibility = "network"
    artefact.save_revision().publish()
    assert artefact.title not in Client().get(f"/collections/{collection.slug}/").content.decode()
