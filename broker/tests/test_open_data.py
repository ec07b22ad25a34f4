"""Open data: public artefacts, networks and collections as JSON and CSV; nothing private,
whoever asks."""

import csv
import io

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from artefacts.factories import ArtefactPageFactory
from artefacts.models import Visibility
from broker.factories import CollectionFactory, CollectionItemFactory
from networks.factories import ActiveNetworkFactory, MembershipFactory


@pytest.fixture
def published(world, make_artefact):
    """One artefact of each visibility from Mersey, in a published collection; a draft
    collection; and an unpublished network."""
    collection = CollectionFactory(title="Feedback that works")
    for position, visibility in enumerate(Visibility.values, start=1):
        CollectionItemFactory(
            collection=collection,
            position=position,
            artefact=make_artefact(title=f"A {visibility} artefact", visibility=visibility),
            note=f"Note on the {visibility} one",
        )
    CollectionFactory(title="A draft collection", published_at=None)
    ActiveNetworkFactory(title="An unpublished network", live=False)
    return collection


def sign_in(client, world, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))


WHO = ["anonymous", "other_member", "member", "broker"]


@pytest.mark.parametrize("who", WHO)
def test_the_artefacts_list_holds_only_public_artefacts_whoever_asks(client, world, published, who):
    sign_in(client, world, who)

    body = client.get("/api/v1/artefacts/").json()

    assert [a["title"] for a in body["results"]] == ["A public artefact"]
    assert body["count"] == 1


@pytest.mark.parametrize("who", WHO)
def test_collections_hold_only_published_ones_and_their_public_items(client, world, published, who):
    sign_in(client, world, who)

    body = client.get("/api/v1/collections/").json()

    (collection,) = body["results"]
    assert collection["title"] == "Feedback that works"
    assert [item["artefact"]["title"] for item in collection["items"]] == ["A public artefact"]
    assert [item["note"] for item in collection["items"]] == ["Note on the public one"]


@pytest.mark.parametrize("who", WHO)
def test_networks_are_the_published_ones_with_no_people(client, world, published, who):
    sign_in(client, world, who)

    body = client.get("/api/v1/networks/").json()

    titles = [network["title"] for network in body["results"]]
    assert "An unpublished network" not in titles
    mersey = next(n for n in body["results"] if n["title"] == "Mersey Feedback Network")
    assert mersey["public_artefacts"] == 1
    assert mersey["schools"] == 4
    assert world.member.email not in str(body)


@pytest.mark.parametrize("who", WHO)
def test_the_csv_downloads_hold_nothing_private(client, world, published, who):
    sign_in(client, world, who)

    artefacts = _csv(client, "/api/v1/artefacts.csv")
    collections = _csv(client, "/api/v1/collections.csv")
    networks = _csv(client, "/api/v1/networks.csv")

    assert [row["title"] for row in artefacts] == ["A public artefact"]
    assert [row["artefact"] for row in collections] == ["A public artefact"]
    assert "An unpublished network" not in [row["title"] for row in networks]


def _csv(client, url) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_lists_are_paginated(client, world, make_artefact):
    for _ in range(3):
        make_artefact()

    body = client.get("/api/v1/artefacts/?page_size=2").json()

    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert "page=2" in body["next"]


def test_a_page_past_the_end_is_a_404_saying_so(client, world, make_artefact):
    make_artefact()

    response = client.get("/api/v1/artefacts/?page=9")

    assert response.status_code == 404
    assert "Invalid page" in response.json()["detail"]


@pytest.mark.parametrize(
    "query", ["network=abc", "type=essay", "page_size=1000", "theme=not a slug", "page=0"]
)
def test_invalid_parameters_are_a_400_with_a_message(client, db, query):
    response = client.get(f"/api/v1/artefacts/?{query}")

    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


def test_artefacts_filter_by_theme_and_network(client, world, theme, make_artefact):
    make_artefact(title="On the theme", themes=[theme])
    make_artefact(title="Off the theme")
    ArtefactPageFactory(network=world.other_network, owner=world.other_member, themes=[theme])

    body = client.get(f"/api/v1/artefacts/?theme={theme.slug}&network={world.network.pk}").json()

    assert [a["title"] for a in body["results"]] == ["On the theme"]


def test_the_schema_describes_the_open_data(client, db):
    schema = client.get("/api/v1/schema/?format=json").json()

    assert {"/api/v1/artefacts/", "/api/v1/networks/", "/api/v1/collections/"} <= set(
        schema["paths"]
    )


def test_the_docs_page_lists_every_endpoint_and_download(client, db):
    html = client.get("/api/v1/docs/").content.decode()

    assert "GET /api/v1/collections/" in html
    assert "GET /api/v1/search/" in html
    assert "collections.csv" in html


def test_the_artefacts_list_runs_as_many_queries_for_20_artefacts_as_for_2(client, db):
    def grow(count):
        for _ in range(count):
            network = ActiveNetworkFactory()
            ArtefactPageFactory(network=network, owner=MembershipFactory(network=network).user)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/artefacts/").status_code == 200
            assert client.get("/api/v1/networks/").status_code == 200
            assert client.get("/api/v1/collections/").status_code == 200
        return len(captured.captured_queries)

    grow(2)
    client.get("/api/v1/artefacts/")
    few = queries()
    grow(18)

    assert queries() == few
