"""What /visits/ and an offer page show the same to everyone who may read it is kept with the
page for signed-in people too (core.pagecache.kept_with_page): the list of offers for each
audience (the public, or members of a network), and an offer's host schools and artefacts. A
change to what they show makes them stale at once, as it purges the anonymous pages, and so
does time: the list is worked out again when the soonest session starts."""

import time
from datetime import timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from artefacts.factories import ArtefactPageFactory
from visits import services
from visits.factories import BookingFactory, VisitOfferFactory, VisitSessionFactory

from .conftest import listed_titles

pytestmark = pytest.mark.django_db


def listing_for(client, person, **params):
    client.force_login(person)
    response = client.get("/visits/", params)
    assert response.status_code == 200
    return response


def offer_page_for(client, person, offer) -> str:
    client.force_login(person)
    response = client.get(offer.get_url())
    assert response.status_code == 200
    return response.content.decode()


def members_offer(world, title="Members-only visit"):
    offer = VisitOfferFactory(network=world.host, title=title, visibility="members")
    VisitSessionFactory(offer=offer)
    return offer


# --- /visits/ -----------------------------------------------------------------------------------


def test_a_second_view_of_the_list_reads_no_offers_from_the_database(client, world):
    listing_for(client, world.visitor)

    with CaptureQueriesContext(connection) as queries:
        listing_for(client, world.visitor)

    assert not [query for query in queries if "visits_visitoffer" in query["sql"]]


def test_the_list_kept_for_the_public_never_shows_a_member_less(client, world):
    members_offer(world)
    assert "Members-only visit" not in listing_titles_for(client, world.outsider)

    assert "Members-only visit" in listing_titles_for(client, world.visitor)


def test_the_list_kept_for_members_is_never_shown_to_someone_in_no_network(client, world):
    members_offer(world)
    assert "Members-only visit" in listing_titles_for(client, world.visitor)

    assert "Members-only visit" not in listing_titles_for(client, world.outsider)


def listing_titles_for(client, person, **params) -> list[str]:
    return listed_titles(listing_for(client, person, **params))


def test_a_booking_shows_in_the_places_left_on_the_members_next_view(client, world):
    assert "2 places left" in listing_for(client, world.visitor).content.decode()

    BookingFactory(session=world.session, network=world.visiting)

    assert "1 place left" in listing_for(client, world.visitor).content.decode()


def test_a_new_offer_shows_on_the_members_next_view_with_the_same_filters(client, world):
    assert listing_titles_for(client, world.visitor, has_places="on") == [world.offer.title]

    later = members_offer(world, title="Oracy across the trust")

    assert later.title in listing_titles_for(client, world.visitor, has_places="on")


def test_renaming_a_theme_shows_on_the_next_view_of_the_list(client, world):
    listing_for(client, world.visitor)
    theme = world.offer.theme
    theme.name = "Feedback that moves learning on"
    theme.save()

    assert "Feedback that moves learning on" in listing_for(client, world.visitor).content.decode()


def test_the_list_is_worked_out_again_when_its_soonest_session_starts(client, world):
    starting = VisitOfferFactory(network=world.host, title="Starting in a moment")
    VisitSessionFactory(
        offer=starting,
        starts_at=timezone.now() + timedelta(seconds=1),
        ends_at=timezone.now() + timedelta(hours=2),
    )
    assert "Starting in a moment" in listing_titles_for(client, world.visitor)

    time.sleep(1.1)  # nothing changes in the database: only time passes

    assert "Starting in a moment" not in listing_titles_for(client, world.visitor)


# --- An offer page ------------------------------------------------------------------------------


def test_renaming_a_host_school_shows_on_the_members_next_view(client, world):
    offer_page_for(client, world.visitor, world.offer)
    school = world.offer.host_schools.get()
    school.name = "Bridgewater Primary Academy"
    school.save()

    assert "Bridgewater Primary Academy" in offer_page_for(client, world.visitor, world.offer)


def test_an_artefact_linked_later_shows_on_the_members_next_view(client, world):
    offer_page_for(client, world.visitor, world.offer)
    artefact = ArtefactPageFactory(network=world.host, title="Feedback in the moment, a guide")

    services.update_offer(
        offer=world.offer,
        by=world.host_co_leader,
        fields={"title": world.offer.title, "places": world.offer.places},
        host_schools=list(world.offer.host_schools.all()),
        artefacts=[artefact],
        allowed_networks=[],
    )

    assert escape(artefact.title) in offer_page_for(client, world.visitor, world.offer)


def test_unpublishing_a_linked_artefact_takes_it_off_the_members_next_view(client, world):
    artefact = ArtefactPageFactory(network=world.host, title="Feedback in the moment, a guide")
    world.offer.artefacts.set([artefact])
    world.offer.save()
    assert escape(artefact.title) in offer_page_for(client, world.visitor, world.offer)

    artefact.unpublish()

    assert escape(artefact.title) not in offer_page_for(client, world.visitor, world.offer)
