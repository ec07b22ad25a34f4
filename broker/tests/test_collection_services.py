"""Curating collections: only brokers, with clear refusals for bad input."""

import pytest

from artefacts.models import Visibility
from broker.factories import CollectionFactory, CollectionItemFactory
from broker.models import Collection, CollectionItem, Feature
from broker.services import collections as services
from core.errors import ActionRefused, NotAllowed


def test_a_broker_creates_a_draft_collection_with_a_unique_slug(world, theme):
    CollectionFactory(title="Feedback", slug="feedback")

    collection = services.create_collection(
        by=world.broker, title="  Feedback ", introduction="Start here.", theme=theme
    )

    assert collection.slug == "feedback-2"
    assert collection.title == "Feedback"
    assert not collection.is_published


@pytest.mark.parametrize("who", ["co_leader", "member", "outsider", "admin"])
def test_only_brokers_create_collections(world, who):
    with pytest.raises(NotAllowed, match="Only the national brokers"):
        services.create_collection(by=getattr(world, who), title="T", introduction="I")

    assert not Collection.objects.exists()


def test_a_collection_needs_a_title_and_an_introduction(world):
    with pytest.raises(ActionRefused) as refusal:
        services.create_collection(by=world.broker, title=" ", introduction="")

    assert set(refusal.value.field_errors) == {"title", "introduction"}


def test_artefacts_are_added_at_the_end_with_the_brokers_note(world, make_artefact):
    collection = CollectionFactory()
    first, second = make_artefact(), make_artefact()

    services.add_artefact(collection=collection, by=world.broker, artefact=first, note="One")
    item = services.add_artefact(
        collection=collection, by=world.broker, artefact=second, note=" Two "
    )

    assert [i.artefact for i in collection.items.order_by("position")] == [first, second]
    assert item.note == "Two"


def test_the_same_artefact_is_refused_twice_in_a_collection(world, make_artefact):
    collection = CollectionFactory()
    artefact = make_artefact(title="Live marking")
    services.add_artefact(collection=collection, by=world.broker, artefact=artefact, note="Why")

    with pytest.raises(ActionRefused, match="“Live marking” is in this collection already"):
        services.add_artefact(
            collection=collection, by=world.broker, artefact=artefact, note="Again"
        )

    assert collection.items.count() == 1


def test_an_item_needs_a_note(world, make_artefact):
    with pytest.raises(ActionRefused) as refusal:
        services.add_artefact(
            collection=CollectionFactory(), by=world.broker, artefact=make_artefact(), note="  "
        )

    assert "note" in refusal.value.field_errors
    assert not CollectionItem.objects.exists()


def test_a_draft_artefact_cannot_be_added(world, make_artefact):
    with pytest.raises(ActionRefused, match="published artefact"):
        services.add_artefact(
            collection=CollectionFactory(),
            by=world.broker,
            artefact=make_artefact(live=False),
            note="Why",
        )


def test_moving_an_item_up_swaps_it_with_the_one_before(world, make_artefact):
    collection = CollectionFactory()
    items = [
        CollectionItemFactory(collection=collection, artefact=make_artefact(), position=n)
        for n in (1, 2, 3)
    ]

    services.move_item(item=items[2], by=world.broker, direction="up")

    order = list(collection.items.order_by("position").values_list("pk", flat=True))
    assert order == [items[0].pk, items[2].pk, items[1].pk]


def test_moving_the_first_item_up_changes_nothing(world, make_artefact):
    collection = CollectionFactory()
    item = CollectionItemFactory(collection=collection, artefact=make_artefact(), position=1)

    services.move_item(item=item, by=world.broker, direction="up")

    item.refresh_from_db()
    assert item.position == 1


def test_unpublishing_a_collection_takes_it_off_the_home_page(world):
    collection = CollectionFactory()
    services.feature(by=world.broker, collection=collection)

    services.unpublish_collection(collection=collection, by=world.broker)

    assert not Feature.objects.exists()


def test_a_draft_collection_cannot_be_featured(world):
    with pytest.raises(ActionRefused, match="Publish the collection"):
        services.feature(by=world.broker, collection=CollectionFactory(published_at=None))


def test_only_a_public_artefact_can_be_featured(world, make_artefact):
    with pytest.raises(ActionRefused, match="public artefact"):
        services.feature(by=world.broker, artefact=make_artefact(visibility=Visibility.MEMBERS))


def test_featuring_twice_keeps_one_feature(world, make_artefact):
    artefact = make_artefact()

    first = services.feature(by=world.broker, artefact=artefact)
    again = services.feature(by=world.broker, artefact=artefact)

    assert first.pk == again.pk
    assert Feature.objects.count() == 1
