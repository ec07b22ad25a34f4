"""Anonymous visitors read /visits/ and public offer pages from the page cache; a change to an
offer, its sessions or its bookings purges them."""

import pytest

from django.test import Client

from visits.factories import BookingFactory, VisitOfferFactory, VisitSessionFactory
from visits.models import OfferStatus

pytestmark = pytest.mark.django_db


def cache_state(url: str) -> str | None:
    return Client().get(url).get("X-Page-Cache")


def warmed(*urls) -> None:
    for url in urls:
        Client().get(url)
        assert cache_state(url) == "hit", url


@pytest.fixture
def session():
    return VisitSessionFactory(offer=VisitOfferFactory(visibility="public"))


def offer_url(offer) -> str:
    return f"/visits/offers/{offer.pk}/"


def test_list_and_offer_page_are_served_from_the_cache(session):
    warmed("/visits/", offer_url(session.offer))


def test_editing_an_offer_purges_its_page_and_the_list(session):
    offer = session.offer
    warmed("/visits/", offer_url(offer))
    offer.title = "Whole-school oracy, visit for leaders"
    offer.save()
    assert "Whole-school oracy" in Client().get(offer_url(offer)).content.decode()
    assert "Whole-school oracy" in Client().get("/visits/").content.decode()


def test_closing_an_offer_purges_the_list(session):
    offer = session.offer
    warmed("/visits/")
    offer.status = OfferStatus.CLOSED
    offer.save()
    assert offer.title not in Client().get("/visits/").content.decode()


def test_a_booking_purges_the_offer_page(session):
    warmed(offer_url(session.offer))
    BookingFactory(session=session)
    assert cache_state(offer_url(session.offer)) == "miss"


def test_members_only_offer_is_never_cached():
    offer = VisitSessionFactory(offer=VisitOfferFactory(visibility="members")).offer
    Client().get(offer_url(offer))
    assert cache_state(offer_url(offer)) is None
