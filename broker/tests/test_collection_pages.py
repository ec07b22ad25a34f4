"""Public collection pages and feeds: what a reader may read, and nothing else (counts too)."""

import feedparser
import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from artefacts.models import Visibility
from broker.factories import CollectionFactory, CollectionItemFactory


@pytest.fixture
def mixed_collection(world, make_artefact):
    """A published collection with one artefact of each visibility from `network`."""
    collection = CollectionFactory(title="Feedback that works")
    for position, visibility in enumerate(Visibility.values, start=1):
        CollectionItemFactory(
            collection=collection,
            position=position,
            artefact=make_artefact(title=f"A {visibility} artefact", visibility=visibility),
            note=f"Note on the {visibility} one",
        )
    return collection


def sign_in(client, world, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", {"public"}),
        ("outsider", {"public"}),  # signed in, in no network: members only is for members
        ("other_member", {"public", "members"}),
        ("member", {"public", "members", "network"}),
        ("broker", {"public", "members", "network"}),
    ],
)
def test_a_collection_page_shows_only_the_items_the_reader_may_read(
    client, world, mixed_collection, who, expected
):
    sign_in(client, world, who)

    html = client.get(mixed_collection.get_absolute_url()).content.decode()

    shown = {v for v in Visibility.values if f"A {v} artefact" in html}
    assert shown == expected
    assert f"{len(expected)} item{'s' if len(expected) > 1 else ''}</h2>" in html
    for hidden in set(Visibility.values) - expected:
        assert f"Note on the {hidden} one" not in html


@pytest.mark.parametrize(("who", "count"), [("anonymous", 1), ("other_member", 2), ("member", 3)])
def test_the_collection_index_counts_only_the_items_the_reader_may_read(
    client, world, mixed_collection, who, count
):
    sign_in(client, world, who)

    html = client.get("/collections/").content.decode()

    assert "Feedback that works" in html
    assert f"{count} item{'s' if count > 1 else ''}</p>" in html


def test_an_artefact_made_private_stops_showing_in_its_collection(client, world, make_artefact):
    artefact = make_artefact(title="Was public")
    collection = CollectionFactory()
    CollectionItemFactory(collection=collection, artefact=artefact)
    assert "Was public" in client.get(collection.get_absolute_url()).content.decode()

    artefact.visibility = Visibility.NETWORK
    artefact.save()

    html = client.get(collection.get_absolute_url()).content.decode()
    assert "Was public" not in html
    assert "0 items" in html


@pytest.mark.parametrize("who", ["anonymous", "member", "admin"])
def test_a_draft_collection_is_not_found_except_by_brokers(client, world, who):
    draft = CollectionFactory(published_at=None)
    sign_in(client, world, who)

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert draft.title not in client.get("/collections/").content.decode()


def test_a_broker_previews_a_draft_collection(client, world):
    draft = CollectionFactory(published_at=None, title="Not yet")
    client.force_login(world.broker)

    html = client.get(draft.get_absolute_url()).content.decode()

    assert "This collection is a draft" in html


def test_an_unknown_collection_is_not_found(client, db):
    assert client.get("/collections/no-such-thing/").status_code == 404
    assert client.get("/collections/no-such-thing/feed/").status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "member", "broker"])
def test_the_collection_feed_holds_only_public_items_whoever_asks(
    client, world, mixed_collection, who
):
    sign_in(client, world, who)

    response = client.get(f"{mixed_collection.get_absolute_url()}feed/")

    feed = feedparser.parse(response.content)
    assert response.status_code == 200
    assert [entry.title for entry in feed.entries] == ["A public artefact"]
    assert "Note on the public one" in feed.entries[0].summary


def test_a_draft_collection_has_no_feed_even_for_a_broker(client, world):
    draft = CollectionFactory(published_at=None)
    client.force_login(world.broker)

    assert client.get(f"{draft.get_absolute_url()}feed/").status_code == 404


def test_the_collection_index_filters_by_theme(client, world, theme):
    CollectionFactory(title="On the theme", theme=theme)
    CollectionFactory(title="Off the theme")

    html = client.get(f"/collections/?theme={theme.slug}").content.decode()

    assert "On the theme" in html
    assert "Off the theme" not in html


def test_the_collection_page_runs_as_many_queries_with_10_items_as_with_2(
    client, world, make_artefact
):
    collection = CollectionFactory()

    def grow(count):
        for _ in range(count):
            CollectionItemFactory(collection=collection, artefact=make_artefact())

    def count_queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(collection.get_absolute_url()).status_code == 200
        return len(captured.captured_queries)

    client.force_login(world.other_member)
    grow(2)
    client.get(collection.get_absolute_url())
    few = count_queries()
    grow(8)

    assert count_queries() == few
