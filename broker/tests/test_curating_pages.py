"""The brokers' curating pages: only brokers open them; bad input gets a clear message."""

import pytest

from artefacts.models import ArtefactPage
from broker.factories import CollectionFactory, CollectionItemFactory
from broker.models import Collection, Feature


@pytest.mark.parametrize("who", ["co_leader", "outsider", "admin"])
def test_only_brokers_open_the_curating_pages(client, world, who):
    client.force_login(getattr(world, who))

    response = client.get("/broker/collections/new/")

    assert response.status_code == 403


def test_anonymous_visitors_are_asked_to_sign_in(client, db):
    response = client.get("/broker/collections/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_broker_creates_a_collection_and_lands_on_its_editing_page(client, world, theme):
    client.force_login(world.broker)

    response = client.post(
        "/broker/collections/new/",
        {"title": "Feedback", "theme": theme.pk, "introduction": "Where to start."},
    )

    collection = Collection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/broker/collections/{collection.pk}/"
    assert collection.theme == theme


def test_a_collection_without_an_introduction_is_refused_with_a_message(client, world):
    client.force_login(world.broker)

    response = client.post("/broker/collections/new/", {"title": "Feedback", "introduction": ""})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Collection.objects.exists()


def test_a_broker_adds_an_artefact_by_pasting_its_address(client, world, make_artefact):
    collection = CollectionFactory()
    artefact = make_artefact(title="Live marking")
    client.force_login(world.broker)

    response = client.post(
        f"/broker/collections/{collection.pk}/items/",
        {"artefact": f"http://testserver{artefact.url}", "note": "The clearest account."},
    )

    assert response.status_code == 302
    assert collection.items.get().artefact == artefact


def test_an_address_that_is_no_artefact_is_refused_beside_the_field(client, world):
    collection = CollectionFactory()
    client.force_login(world.broker)

    response = client.post(
        f"/broker/collections/{collection.pk}/items/",
        {"artefact": "https://example.org/nothing/", "note": "Why"},
    )

    assert response.status_code == 400
    assert "Give the address of a published artefact." in response.content.decode()
    assert not collection.items.exists()


def test_a_broker_features_a_published_collection(client, world):
    collection = CollectionFactory()
    client.force_login(world.broker)

    client.post(f"/broker/collections/{collection.pk}/feature/")

    assert Feature.objects.get().collection == collection


def test_an_item_of_another_collection_is_not_found(client, world, make_artefact):
    item = CollectionItemFactory(artefact=make_artefact())
    other = CollectionFactory()
    client.force_login(world.broker)

    response = client.post(f"/broker/collections/{other.pk}/items/{item.pk}/remove/")

    assert response.status_code == 404
    assert item.collection.items.count() == 1


def test_the_editing_page_marks_an_item_no_longer_published(client, world, make_artefact):
    artefact = make_artefact(title="Withdrawn work")
    collection = CollectionFactory()
    CollectionItemFactory(collection=collection, artefact=artefact)
    ArtefactPage.objects.filter(pk=artefact.pk).update(live=False)
    client.force_login(world.broker)

    html = client.get(f"/broker/collections/{collection.pk}/").content.decode()

    assert "no longer published: readers do not see it" in html
