"""The home page comes alive: featured items, the newest public artefacts; constant queries."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from artefacts.factories import ArtefactPageFactory
from artefacts.models import Visibility
from broker.factories import CollectionFactory, CollectionItemFactory, FeatureFactory
from core.accounts.factories import UserFactory
from core.visibility import Visibility as OfferVisibility
from networks.factories import ActiveNetworkFactory, MembershipFactory
from visits.factories import VisitOfferFactory, VisitSessionFactory
from visits.models import OfferStatus


@pytest.fixture(autouse=True)
def render_every_request(settings):
    """These tests count the queries of rendering a page: no anonymous copy from the page cache."""
    settings.PAGE_CACHE_ENABLED = False


def test_featured_collections_and_artefacts_show_in_the_brokers_order(client, world, make_artefact):
    collection = CollectionFactory(title="Start with feedback")
    artefact = make_artefact(title="Live marking in Year 5")
    FeatureFactory(artefact=artefact, position=1)
    FeatureFactory(collection=collection, position=2)

    html = client.get("/").content.decode()
    featured = html.split('id="featured-heading"')[1].split("</section>")[0]

    assert featured.index("Live marking in Year 5") < featured.index("Start with feedback")


def test_a_featured_draft_collection_is_not_shown(client, world):
    FeatureFactory(collection=CollectionFactory(title="Still a draft", published_at=None))

    assert "Still a draft" not in client.get("/").content.decode()


def test_a_featured_artefact_made_private_is_not_shown(client, world, make_artefact):
    FeatureFactory(artefact=make_artefact(title="Now network only", visibility=Visibility.NETWORK))

    assert "Now network only" not in client.get("/").content.decode()


def test_the_newest_public_artefacts_are_shown_to_everyone(client, world, make_artefact):
    make_artefact(title="An open one")
    make_artefact(title="A members one", visibility=Visibility.MEMBERS)
    client.force_login(world.member)

    html = client.get("/").content.decode()

    assert "An open one" in html
    assert "A members one" not in html


def test_upcoming_open_study_visits_are_shown_to_everyone(client, db):
    VisitSessionFactory(offer=VisitOfferFactory(title="See live marking in Year 5"))

    html = client.get("/").content.decode()
    visits = html.split('id="visits-heading"')[1].split("</section>")[0]

    assert "See live marking in Year 5" in visits


def test_draft_and_members_only_visits_are_not_shown_to_a_signed_out_visitor(client, db):
    VisitSessionFactory(offer=VisitOfferFactory(title="Not open yet", status=OfferStatus.DRAFT))
    VisitSessionFactory(
        offer=VisitOfferFactory(title="For members", visibility=OfferVisibility.MEMBERS)
    )

    html = client.get("/").content.decode()

    assert "Not open yet" not in html
    assert "For members" not in html


def _grow(networks: int):
    for _ in range(networks):
        network = ActiveNetworkFactory()
        author = MembershipFactory(network=network).user
        artefact = ArtefactPageFactory(network=network, owner=author)
        item = CollectionItemFactory(artefact=artefact)
        FeatureFactory(collection=item.collection)
        FeatureFactory(artefact=ArtefactPageFactory(network=network, owner=author))
        VisitSessionFactory(offer=VisitOfferFactory(network=network))


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_home_page_runs_as_many_queries_with_50_networks_as_with_5(client, db, signed_in):
    if signed_in:
        client.force_login(UserFactory())
    _grow(5)
    client.get("/")
    few = _queries(client)

    _grow(45)

    assert _queries(client) == few
