"""Study-visit offers in collections: only brokers add them, only listed offers go in (never a
private review visit), and readers see only the offers visits' own rule lets them read."""

import feedparser
import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from broker.factories import CollectionFactory, CollectionItemFactory
from broker.models import CollectionItem
from broker.selectors.collections import visit_offer_from_reference
from broker.services.collections import add_visit_offer
from broker.services.follows import follow
from core.errors import ActionRefused
from core.notifications.models import Notification
from core.visibility import Visibility
from networks.factories import ActiveNetworkFactory
from visits.factories import VisitOfferFactory, VisitRequestFactory, VisitSessionFactory
from visits.models import OfferStatus


@pytest.fixture
def offers(world, make_offer):
    """Mersey's offers: a public one, a members-only one, a private review visit and a visit
    arranged with Pennine."""
    arranged_request = VisitRequestFactory(
        from_network=world.other_network, to_network=world.network
    )
    return {
        "public": make_offer(title="A public visit"),
        "members": make_offer(title="A members visit", visibility=Visibility.MEMBERS),
        "private": make_offer(
            title="A private visit", private=True, status=OfferStatus.CLOSED, places=2
        ),
        "arranged": make_offer(title="An arranged visit", from_request=arranged_request),
    }


@pytest.fixture
def offer_collection(offers):
    """A published collection holding every one of them (the private and arranged ones as rows
    written directly: the service never adds them)."""
    collection = CollectionFactory(title="Seeing feedback at work")
    for position, (kind, offer) in enumerate(offers.items(), start=1):
        CollectionItemFactory(
            collection=collection, position=position, visit_offer=offer, note=f"Go: {kind}"
        )
    return collection


def sign_in(client, world, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))


READERS = [
    ("anonymous", {"public"}),
    ("outsider", {"public"}),  # signed in, in no network: members only is for members
    ("other_member", {"public", "members"}),
    ("member", {"public", "members"}),
    ("co_leader", {"public", "members"}),
    ("broker", {"public", "members"}),
]


def _shown(html: str) -> set[str]:
    titles = {"public": "A public visit", "members": "A members visit",
              "private": "A private visit", "arranged": "An arranged visit"}  # fmt: skip
    return {kind for kind, title in titles.items() if title in html}


@pytest.mark.parametrize(("who", "expected"), READERS)
def test_a_collection_page_shows_only_the_offers_the_reader_may_see(
    client, world, offer_collection, who, expected
):
    sign_in(client, world, who)

    html = client.get(offer_collection.get_absolute_url()).content.decode()

    assert _shown(html) == expected
    assert f"{len(expected)} item{'s' if len(expected) > 1 else ''}" in html


@pytest.mark.parametrize(("who", "expected"), READERS)
def test_the_collection_list_counts_only_the_offers_the_reader_may_see(
    client, world, offer_collection, who, expected
):
    sign_in(client, world, who)

    response = client.get("/collections/")

    (collection,) = response.context["collections"]
    assert collection.shown_items == len(expected)


def test_a_host_member_does_not_see_their_private_visit_in_a_collection(
    client, world, offer_collection
):
    client.force_login(world.member)  # visits lets them open the private visit's own page

    html = client.get(offer_collection.get_absolute_url()).content.decode()

    assert "A private visit" not in html


def test_an_offer_item_shows_its_host_next_session_and_places(client, world, make_offer):
    offer = make_offer(title="Live feedback in Year 5", places=6)
    CollectionItemFactory(collection=CollectionFactory(), visit_offer=offer)
    session = offer.sessions.get()

    html = client.get(CollectionItem.objects.get().collection.get_absolute_url()).content.decode()

    assert "Live feedback in Year 5" in html
    assert f"hosted by {world.network.title}" in html
    assert "Next session" in html
    assert date_format(timezone.localtime(session.starts_at), "l j F Y, H:i") in html
    assert "6 places per session" in html


def test_the_feed_holds_only_public_offers(client, world, offer_collection):
    client.force_login(world.broker)  # a feed reader has no session: the feed is the same

    feed = feedparser.parse(client.get(f"{offer_collection.get_absolute_url()}feed/").content)

    assert [entry.title for entry in feed.entries] == ["A public visit"]
    assert feed.entries[0].link.endswith(
        offer_collection.items.first().visit_offer.get_absolute_url()
    )


# --- Adding an offer -------------------------------------------------------------------------


def test_a_broker_adds_a_listed_offer_after_the_existing_items(world, make_offer, make_artefact):
    collection = CollectionFactory()
    CollectionItemFactory(collection=collection, position=1, artefact=make_artefact())
    offer = make_offer()

    item = add_visit_offer(collection=collection, by=world.broker, offer=offer, note="See it.")

    assert (item.visit_offer, item.position, item.kind) == (offer, 2, "visit_offer")


@pytest.mark.parametrize("who", ["co_leader", "member", "outsider", "admin"])
def test_only_brokers_add_offers(world, make_offer, who):
    with pytest.raises(ActionRefused):
        add_visit_offer(
            collection=CollectionFactory(), by=getattr(world, who), offer=make_offer(), note="x"
        )

    assert not CollectionItem.objects.exists()


def test_a_private_review_visit_can_never_be_added(world, offers):
    with pytest.raises(ActionRefused) as refused:
        add_visit_offer(
            collection=CollectionFactory(), by=world.broker, offer=offers["private"], note="x"
        )

    assert "private" in refused.value.field_errors["visit_offer"]
    assert not CollectionItem.objects.exists()


def test_a_visit_arranged_between_two_networks_cannot_be_added(world, offers):
    with pytest.raises(ActionRefused) as refused:
        add_visit_offer(
            collection=CollectionFactory(), by=world.broker, offer=offers["arranged"], note="x"
        )

    assert "arranged" in refused.value.field_errors["visit_offer"]


@pytest.mark.parametrize(
    "status", [OfferStatus.DRAFT, OfferStatus.CLOSED, OfferStatus.CANCELLED, OfferStatus.COMPLETED]
)
def test_only_an_offer_open_for_booking_can_be_added(world, make_offer, status):
    with pytest.raises(ActionRefused) as refused:
        add_visit_offer(
            collection=CollectionFactory(), by=world.broker, offer=make_offer(status=status),
            note="x",
        )  # fmt: skip

    assert refused.value.field_errors["visit_offer"]


def test_an_offer_already_in_the_collection_is_refused(world, make_offer):
    collection, offer = CollectionFactory(), make_offer(title="Twice")
    add_visit_offer(collection=collection, by=world.broker, offer=offer, note="Once.")

    with pytest.raises(ActionRefused) as refused:
        add_visit_offer(collection=collection, by=world.broker, offer=offer, note="Again.")

    assert "already" in refused.value.field_errors["visit_offer"]
    assert collection.items.count() == 1


def test_an_offer_without_a_note_is_refused(world, make_offer):
    with pytest.raises(ActionRefused) as refused:
        add_visit_offer(
            collection=CollectionFactory(), by=world.broker, offer=make_offer(), note="  "
        )

    assert "note" in refused.value.field_errors


@pytest.mark.parametrize(
    "reference",
    ["{id}", "https://nlc.example/visits/offers/{id}/", "/visits/offers/{id}/edit/"],
)
def test_an_offer_is_found_by_its_address_or_number(make_offer, reference):
    offer = make_offer()

    assert visit_offer_from_reference(reference.format(id=offer.pk)) == offer


@pytest.mark.parametrize(
    "reference",
    ["", "nonsense", "/visits/offers/x/", "99999999999999999999999999", "/artefacts/1/"],
)
def test_a_reference_to_no_offer_finds_nothing(db, reference):
    assert visit_offer_from_reference(reference) is None


def test_the_editing_page_adds_an_offer_by_its_address(client, world, make_offer):
    collection, offer = CollectionFactory(), make_offer()
    client.force_login(world.broker)

    response = client.post(
        f"/broker/collections/{collection.pk}/visit-offers/",
        {"offer-visit_offer": f"http://testserver/visits/offers/{offer.pk}/", "offer-note": "Go."},
    )

    assert response.status_code == 302
    assert collection.items.get().visit_offer == offer


def test_the_editing_page_refuses_a_private_visit_with_a_message(client, world, offers):
    collection = CollectionFactory()
    client.force_login(world.broker)

    response = client.post(
        f"/broker/collections/{collection.pk}/visit-offers/",
        {"offer-visit_offer": str(offers["private"].pk), "offer-note": "Go."},
    )

    assert response.status_code == 400
    assert "private to its hosts and visitors" in response.content.decode()
    assert not collection.items.exists()


def test_the_editing_page_refuses_an_address_that_is_no_offer(client, world):
    collection = CollectionFactory()
    client.force_login(world.broker)

    response = client.post(
        f"/broker/collections/{collection.pk}/visit-offers/",
        {"offer-visit_offer": "https://example.org/somewhere", "offer-note": "Go."},
    )

    assert response.status_code == 400
    assert "Give the address of a study-visit offer." in response.content.decode()


def test_only_brokers_post_to_the_add_offer_page(client, world, make_offer):
    collection = CollectionFactory()
    client.force_login(world.co_leader)

    response = client.post(
        f"/broker/collections/{collection.pk}/visit-offers/",
        {"offer-visit_offer": str(make_offer().pk), "offer-note": "Go."},
    )

    assert response.status_code == 403
    assert not collection.items.exists()


# --- Followers -------------------------------------------------------------------------------


def test_followers_are_told_of_an_offer_only_if_they_may_see_it(
    world, make_offer, django_capture_on_commit_callbacks
):
    collection = CollectionFactory()
    for who in (world.other_member, world.outsider):
        follow(user=who, kind="collection", target=collection)
    offer = make_offer(title="Members only visit", visibility=Visibility.MEMBERS)

    with django_capture_on_commit_callbacks(execute=True):
        add_visit_offer(collection=collection, by=world.broker, offer=offer, note="Go.")

    told = set(Notification.objects.values_list("recipient_id", flat=True))
    assert told == {world.other_member.pk}


# --- Query budget ----------------------------------------------------------------------------


def test_a_collection_page_runs_as_many_queries_for_8_offers_as_for_2(client, world):
    collection = CollectionFactory()
    client.force_login(world.other_member)

    def grow(count):
        for _ in range(count):
            network = ActiveNetworkFactory()
            offer = VisitOfferFactory(network=network)
            VisitSessionFactory(offer=offer)
            CollectionItemFactory(collection=collection, visit_offer=offer)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(collection.get_absolute_url()).status_code == 200
        return len(captured.captured_queries)

    grow(2)
    few = queries()
    grow(6)

    assert queries() == few
