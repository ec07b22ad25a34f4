"""Study-visit offers in cross-network search: found on /search/ and /api/v1/search/ under a
"Study visit" type, by whoever may see the offer, and gone when it is no longer listed."""

from datetime import timedelta

import pytest

from core.visibility import Visibility
from search.keys import key_of
from search.models import SearchDocument
from search.services import index_page
from visits import services
from visits.factories import VisitOfferFactory, VisitRequestFactory, VisitSessionFactory
from visits.models import OfferStatus

from .test_offers import create

pytestmark = pytest.mark.django_db

API = "/api/v1/search/"


@pytest.fixture(autouse=True)
def _database_only(settings):
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture
def indexed(world, django_capture_on_commit_callbacks):
    """The world's open offer, indexed as publishing it would."""
    with django_capture_on_commit_callbacks(execute=True):
        services.close_offer(offer=world.offer, by=world.host_co_leader)
        services.publish_offer(offer=world.offer, by=world.host_co_leader)
    return world


def titles(client, **params):
    body = client.get(API, params).json()
    return [hit["title"] for hit in body["results"]]


def test_an_open_public_offer_is_found_by_anyone(indexed, client):
    assert titles(client, q="feedback") == ["Live feedback in Year 5"]


def test_the_search_page_finds_an_open_offer_and_links_to_it(indexed, client):
    html = client.get("/search/", {"q": "feedback"}).content.decode()
    assert f'href="{indexed.offer.get_url()}"' in html


def test_the_type_facet_lists_study_visits(indexed, client):
    body = client.get(API, {"q": "feedback"}).json()
    assert {"value": "visit_offer", "label": "Study visit", "count": 1, "selected": False} in (
        body["facets"]["type"]
    )
    assert body["results"][0]["type_label"] == "Study visit"


def test_the_api_returns_the_offer_with_its_network_and_address(indexed, client):
    hit = client.get(API, {"q": "feedback", "type": "visit_offer"}).json()["results"][0]
    assert hit["url"] == indexed.offer.get_url()
    assert hit["network"]["title"] == "Mersey Feedback Network"


def test_theme_region_and_phase_facets_come_from_the_offer(indexed):
    document = SearchDocument.objects.get(kind="visit_offer")
    assert document.themes == [indexed.offer.theme.slug]
    assert document.regions == ["North West"]
    assert document.phases == ["primary"]


def test_a_draft_offer_is_never_found(world, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        create(world, publish=False, title="Pupil researchers in the draft")
    assert titles(client, q="researchers") == []
    assert not SearchDocument.objects.filter(kind="visit_offer", title__contains="draft").exists()


def test_a_published_offer_is_indexed_when_published(
    world, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        offer = create(world, publish=False)
        services.publish_offer(offer=offer, by=world.host_co_leader)
    assert titles(client, q="researchers") == ["Pupil researchers at work"]


def test_a_cancelled_offer_leaves_the_results_at_once(indexed, client):
    services.cancel_offer(offer=indexed.offer, by=indexed.host_co_leader, reason="Ofsted is in.")
    assert titles(client, q="feedback") == []


def test_a_closed_offer_leaves_the_results(indexed, client):
    services.close_offer(offer=indexed.offer, by=indexed.host_co_leader)
    assert titles(client, q="feedback") == []


def test_a_completed_offer_leaves_the_results(indexed, client):
    services.complete_past_offers(now=indexed.session.ends_at + timedelta(days=1))
    assert titles(client, q="feedback") == []


def test_a_changed_offer_is_found_by_its_new_words(
    indexed, client, django_capture_on_commit_callbacks
):
    offer = indexed.offer
    with django_capture_on_commit_callbacks(execute=True):
        services.update_offer(
            offer=offer,
            by=indexed.host_co_leader,
            fields={"title": "Oracy circles in Year 5", "places": 4, "visibility": "public"},
            host_schools=list(offer.host_schools.all()),
        )
    assert titles(client, q="oracy") == ["Oracy circles in Year 5"]


def test_a_members_offer_is_found_by_members_of_a_network_only(
    indexed, client, django_capture_on_commit_callbacks
):
    offer = indexed.offer
    with django_capture_on_commit_callbacks(execute=True):
        services.update_offer(
            offer=offer,
            by=indexed.host_co_leader,
            fields={"title": offer.title, "places": 4, "visibility": Visibility.MEMBERS},
            host_schools=list(offer.host_schools.all()),
        )
    assert titles(client, q="feedback") == []
    client.force_login(indexed.outsider)  # signed in, in no network
    assert titles(client, q="feedback") == []
    client.force_login(indexed.third_member)
    assert titles(client, q="feedback") == ["Live feedback in Year 5"]


def test_an_arranged_visit_is_never_indexed(world):
    visit_request = VisitRequestFactory(from_network=world.visiting, to_network=world.host)
    offer = VisitOfferFactory(network=world.host, from_request=visit_request)
    VisitSessionFactory(offer=offer)
    assert index_page(page_id=key_of(offer)) is False


def test_an_offer_key_never_takes_a_pages_place(indexed):
    document = SearchDocument.objects.get(kind="visit_offer")
    assert document.page_id < 0
    assert indexed.offer.status == OfferStatus.OPEN
