"""Open data about study visits: /api/v1/visit-offers/ and its CSV hold public offers open for
booking only, whoever asks; collections in open data carry their public offers."""

import csv
import io
from datetime import timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from broker.factories import CollectionFactory, CollectionItemFactory
from core.schools.models import School
from core.visibility import Visibility
from networks.factories import ActiveNetworkFactory
from visits.factories import (
    BookingFactory,
    VisitOfferFactory,
    VisitRequestFactory,
    VisitSessionFactory,
)
from visits.models import OfferStatus, VisitOffer


@pytest.fixture
def offers(world, theme, make_offer):
    """One public open offer of Mersey on the theme, and every kind that must stay out."""
    public = make_offer(title="Open to all", theme=theme)
    make_offer(title="Members only", visibility=Visibility.MEMBERS)
    make_offer(title="A private review visit", private=True, status=OfferStatus.CLOSED)
    make_offer(
        title="Arranged with Pennine",
        from_request=VisitRequestFactory(
            from_network=world.other_network, to_network=world.network
        ),
    )
    make_offer(title="A draft", status=OfferStatus.DRAFT)
    make_offer(title="Closed to booking", status=OfferStatus.CLOSED)
    make_offer(title="No session to come", sessions=0)
    return public


def sign_in(client, world, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))


WHO = ["anonymous", "other_member", "member", "co_leader", "broker"]


@pytest.mark.parametrize("who", WHO)
def test_the_visit_offers_list_holds_only_public_open_offers_whoever_asks(
    client, world, offers, who
):
    sign_in(client, world, who)

    body = client.get("/api/v1/visit-offers/").json()

    assert [offer["title"] for offer in body["results"]] == ["Open to all"]
    assert body["count"] == 1


def test_an_offer_in_open_data_says_where_when_and_how_many_places(client, world, offers):
    session = offers.sessions.get()
    BookingFactory(session=session, network=world.other_network)

    (offer,) = client.get("/api/v1/visit-offers/").json()["results"]

    assert offer["url"] == f"http://testserver/visits/offers/{offers.pk}/"
    assert offer["network"]["title"] == world.network.title
    assert offer["theme"] == offers.theme.slug
    assert offer["places"] == 6
    assert [s["places_left"] for s in offer["sessions"]] == [5]
    assert offer["next_session"].startswith(
        timezone.localtime(session.starts_at).date().isoformat()
    )


def test_open_data_names_no_person(client, world, offers):
    booking = BookingFactory(session=offers.sessions.get(), network=world.other_network)

    text = client.get("/api/v1/visit-offers/").content.decode()

    for person in (booking.person, world.co_leader):
        assert person.email not in text
        assert person.last_name not in text


def test_visit_offers_filter_by_theme_network_and_region(client, world, theme, make_offer):
    make_offer(title="Mersey on the theme", theme=theme)
    make_offer(title="Mersey off the theme")
    make_offer(title="Pennine on the theme", theme=theme, network=world.other_network)
    north_west = make_offer(title="In the North West", theme=theme)
    School.objects.update(region="London")
    School.objects.filter(pk__in=north_west.host_schools.values("pk")).update(region="North West")

    def titles(query):
        return {o["title"] for o in client.get(f"/api/v1/visit-offers/?{query}").json()["results"]}

    assert titles(f"theme={theme.slug}&network={world.network.pk}") == {
        "Mersey on the theme",
        "In the North West",
    }
    assert titles("region=North West") == {"In the North West"}


def test_visit_offers_publish_phases_by_name_and_filter_by_slug_or_name(client, world, make_offer):
    early = make_offer(title="Early years visit")
    make_offer(title="Secondary visit")
    School.objects.update(phase="secondary")
    School.objects.filter(pk__in=early.host_schools.values("pk")).update(phase="early-years")

    def published(query):
        body = client.get(f"/api/v1/visit-offers/?{query}").json()
        return {o["title"]: o["phases"] for o in body["results"]}

    assert published("phase=early-years") == {"Early years visit": ["Early years"]}
    assert published("phase=Early years") == {"Early years visit": ["Early years"]}
    assert published("phase=Nursery") == {"Early years visit": ["Early years"]}


@pytest.mark.parametrize(
    "query",
    [
        "network=abc",
        "page_size=1000",
        "theme=not a slug",
        "page=0",
        f"region={'x' * 101}",
        "phase=sixth form college",
    ],
)
def test_invalid_visit_offer_parameters_are_a_400_with_a_message(client, db, query):
    response = client.get(f"/api/v1/visit-offers/?{query}")

    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


def test_visit_offers_are_paginated(client, world, make_offer):
    for _ in range(3):
        make_offer()

    body = client.get("/api/v1/visit-offers/?page_size=2").json()

    assert (body["count"], len(body["results"])) == (3, 2)
    assert client.get("/api/v1/visit-offers/?page=9").status_code == 404


def test_the_soonest_offer_comes_first(client, world, make_offer):
    later = make_offer(title="Later")
    start = timezone.now() + timedelta(days=40)
    later.sessions.update(starts_at=start, ends_at=start + timedelta(hours=5))
    VisitOffer.objects.filter(pk=later.pk).refresh_listing()  # update() bypassed the services
    make_offer(title="Sooner")

    body = client.get("/api/v1/visit-offers/").json()

    assert [o["title"] for o in body["results"]] == ["Sooner", "Later"]


@pytest.mark.parametrize("who", WHO)
def test_the_visit_offers_csv_holds_only_public_open_offers(client, world, offers, who):
    sign_in(client, world, who)

    rows = _csv(client, "/api/v1/visit-offers.csv")

    assert [(row["title"], row["host_network"]) for row in rows] == [
        ("Open to all", world.network.title)
    ]
    assert rows[0]["places_left"] == "6"


def _csv(client, url) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


# --- Collections carry their public offers ---------------------------------------------------


@pytest.fixture
def offer_collection(world, make_offer, make_artefact):
    collection = CollectionFactory(title="Seeing it work")
    CollectionItemFactory(
        collection=collection, position=1, artefact=make_artefact(title="An artefact")
    )
    for position, (title, fields) in enumerate(
        [
            ("A public visit", {}),
            ("A members visit", {"visibility": Visibility.MEMBERS}),
            ("A private visit", {"private": True, "status": OfferStatus.CLOSED}),
        ],
        start=2,
    ):
        CollectionItemFactory(
            collection=collection,
            position=position,
            visit_offer=make_offer(title=title, **fields),
            note=f"Note on {title}",
        )
    return collection


@pytest.mark.parametrize("who", WHO)
def test_collections_in_open_data_carry_only_their_public_offers(
    client, world, offer_collection, who
):
    sign_in(client, world, who)

    (collection,) = client.get("/api/v1/collections/").json()["results"]

    assert [(item["kind"], item["position"]) for item in collection["items"]] == [
        ("artefact", 1),
        ("visit_offer", 2),
    ]
    offer_item = collection["items"][1]
    assert offer_item["artefact"] is None
    assert offer_item["visit_offer"]["title"] == "A public visit"


@pytest.mark.parametrize("who", WHO)
def test_the_collections_csv_carries_only_public_offers(client, world, offer_collection, who):
    sign_in(client, world, who)

    rows = _csv(client, "/api/v1/collections.csv")

    assert [(row["kind"], row["artefact"], row["visit_offer"]) for row in rows] == [
        ("artefact", "An artefact", ""),
        ("visit_offer", "", "A public visit"),
    ]


# --- Described and bounded -------------------------------------------------------------------


def test_the_schema_and_docs_describe_the_visit_offers(client, db):
    schema = client.get("/api/v1/schema/?format=json").json()
    html = client.get("/api/v1/docs/").content.decode()

    assert "/api/v1/visit-offers/" in schema["paths"]
    assert "GET /api/v1/visit-offers/" in html
    assert "visit-offers.csv" in html


def test_the_visit_offers_list_runs_as_many_queries_for_20_offers_as_for_2(client, db):
    def grow(count):
        for _ in range(count):
            offer = VisitOfferFactory(network=ActiveNetworkFactory())
            VisitSessionFactory(offer=offer)
            BookingFactory(session=offer.sessions.get())

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/visit-offers/").status_code == 200
        return len(captured.captured_queries)

    grow(2)
    client.get("/api/v1/visit-offers/")  # the site root is looked up once, then cached
    few = queries()
    grow(18)

    assert queries() == few
