"""The pages: /visits/ with its filters and bounded queries, the offer page, offering, booking,
/visits/mine/, the visit page, requests, the network profile section and the broker's view."""

from datetime import UTC, datetime, timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from artefacts.factories import ArtefactPageFactory
from core.pagecache import purge
from networks.factories import (
    ActiveNetworkFactory,
    NetworkSchoolFactory,
    SchoolFactory,
    ThemeFactory,
)
from visits.factories import (
    BookingFactory,
    ReflectionFactory,
    VisitOfferFactory,
    VisitRequestFactory,
    VisitSessionFactory,
)
from visits.models import Booking, BookingStatus, OfferStatus, VisitOffer

from .conftest import in_days, listed_titles

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return listed_titles(response)


def offer_with_session(title, *, school=None, days=14, **fields):
    network = fields.pop("network", None) or ActiveNetworkFactory()
    school = school or SchoolFactory()
    NetworkSchoolFactory(network=network, school=school)
    offer = VisitOfferFactory(title=title, network=network, host_schools=[school], **fields)
    VisitSessionFactory(offer=offer, starts_at=in_days(days))
    return offer


# --- /visits/ -----------------------------------------------------------------------------------


def test_lists_open_offers_soonest_first(client, world):
    offer_with_session("Later visit", days=30)
    offer_with_session("Sooner visit", days=3)

    assert titles(client.get("/visits/")) == [
        "Sooner visit",
        "Live feedback in Year 5",
        "Later visit",
    ]


@pytest.mark.parametrize("status", [OfferStatus.DRAFT, OfferStatus.CANCELLED, OfferStatus.CLOSED])
def test_offers_not_open_are_not_listed(client, world, status):
    offer_with_session("Hidden visit", status=status)

    assert "Hidden visit" not in titles(client.get("/visits/"))


def test_offers_with_only_past_sessions_are_not_listed(client, world):
    offer = offer_with_session("Past visit")
    offer.sessions.update(
        starts_at=timezone.now() - timedelta(days=3), ends_at=timezone.now() - timedelta(days=2)
    )
    # Its listing columns as worked out a week ago, when the session was still to come.
    VisitOffer.objects.filter(pk=offer.pk).refresh_listing(now=timezone.now() - timedelta(days=7))

    assert "Past visit" not in titles(client.get("/visits/"))


def test_members_only_offers_are_listed_for_members_of_a_network_only(client, world):
    offer_with_session("Members visit", visibility="members")

    assert "Members visit" not in titles(client.get("/visits/"))
    client.force_login(world.outsider)
    assert "Members visit" not in titles(client.get("/visits/"))
    client.force_login(world.third_member)
    assert "Members visit" in titles(client.get("/visits/"))


def test_filter_by_theme(client, world):
    offer_with_session("Voice visit", theme=ThemeFactory(name="Pupil voice"))

    assert titles(client.get("/visits/", {"theme": "pupil-voice"})) == ["Voice visit"]


def test_filter_by_region_and_phase_of_the_host_schools(client, world):
    offer_with_session("London visit", school=SchoolFactory(region="London", phase="secondary"))

    assert titles(client.get("/visits/", {"region": "London"})) == ["London visit"]
    assert titles(client.get("/visits/", {"phase": "secondary", "region": "London"})) == [
        "London visit"
    ]


def test_filter_by_date_range(client, world):
    offer_with_session("Far visit", days=60)

    response = client.get(
        "/visits/",
        {"date_from": in_days(50).date().isoformat(), "date_to": in_days(70).date().isoformat()},
    )

    assert titles(response) == ["Far visit"]


def test_filter_has_places_leaves_out_full_offers(client, world):
    BookingFactory.create_batch(2, session=world.session, network=world.visiting)
    offer_with_session("Roomy visit")

    assert titles(client.get("/visits/", {"has_places": "on"})) == ["Roomy visit"]


def test_an_unknown_filter_value_is_ignored(client, world):
    response = client.get("/visits/", {"region": "Atlantis"})

    assert response.status_code == 200
    assert titles(response) == ["Live feedback in Year 5"]


def count_queries(client, url) -> int:
    """The queries of a view of the page once a view has kept what it keeps."""
    client.get(url)  # warm per-process caches and what is kept with the page
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def cold_queries(client, url) -> int:
    """The queries of a view of the page with nothing kept with it (just after a purge)."""
    client.get(url)  # warm per-process caches
    purge([url])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_list_runs_the_same_queries_with_5_or_50_offers(client, world, signed_in):
    if signed_in:
        client.force_login(world.visitor)
    for number in range(4):
        offer = offer_with_session(f"Offer {number}")
        BookingFactory(session=offer.sessions.get(), network=world.visiting)
    with_five = cold_queries(client, "/visits/"), count_queries(client, "/visits/")
    for number in range(45):
        offer = offer_with_session(f"More {number}")
        BookingFactory(session=offer.sessions.get(), network=world.visiting)

    assert (cold_queries(client, "/visits/"), count_queries(client, "/visits/")) == with_five


@pytest.mark.parametrize("params", ["", "?has_places=on&date_from=2000-01-01"])
def test_the_list_runs_at_most_12_queries_for_a_co_leader_with_nothing_kept(client, world, params):
    client.force_login(world.host_co_leader)

    assert cold_queries(client, f"/visits/{params}") <= 12


def test_the_list_is_paginated(client, world):
    for number in range(13):
        offer_with_session(f"Offer {number:02d}")

    response = client.get("/visits/", {"page": 2})

    assert len(listed_titles(response)) == 2


def test_the_header_links_to_study_visits(client, world):
    assert 'href="/visits/"' in client.get("/").content.decode()


# --- The offer page -----------------------------------------------------------------------------


def test_the_offer_page_shows_times_in_uk_time_across_the_clock_change(client, world):
    world.session.starts_at = datetime(2027, 3, 28, 9, 0, tzinfo=UTC)
    world.session.ends_at = datetime(2027, 3, 28, 14, 0, tzinfo=UTC)
    world.session.save()
    later = VisitSessionFactory(
        offer=world.offer,
        starts_at=datetime(2027, 10, 31, 10, 0, tzinfo=UTC),
        ends_at=datetime(2027, 10, 31, 15, 0, tzinfo=UTC),
    )

    html = client.get(world.offer.get_url()).content.decode()

    assert "Sunday 28 March 2027, 10:00" in html  # BST: UTC+1
    assert "Sunday 31 October 2027, 10:00" in html  # GMT again
    assert later.pk


def test_the_offer_page_shows_the_host_school_address_from_the_register(client, world):
    school = world.offer.host_schools.get()

    html = client.get(world.offer.get_url()).content.decode()

    assert escape(school.name) in html and school.postcode in html


def test_a_draft_offer_is_not_found_by_others(client, world):
    world.offer.status = OfferStatus.DRAFT
    world.offer.save()
    client.force_login(world.visitor)

    assert client.get(world.offer.get_url()).status_code == 404


def test_the_offer_page_runs_the_same_queries_with_5_or_50_bookings(client, world):
    client.force_login(world.visiting_co_leader)
    world.offer.places = 100
    world.offer.save()
    for _ in range(5):
        BookingFactory(session=world.session)
    url = world.offer.get_url()
    with_five = cold_queries(client, url), count_queries(client, url)
    for _ in range(45):
        BookingFactory(session=VisitSessionFactory(offer=world.offer))

    assert (cold_queries(client, url), count_queries(client, url)) == with_five


def test_the_offer_page_runs_the_same_queries_with_5_or_50_offers(client, world):
    client.force_login(world.visitor)
    BookingFactory(session=world.session, network=world.visiting)
    for number in range(4):
        offer = offer_with_session(f"Offer {number}", network=world.host)
        BookingFactory(session=offer.sessions.get(), network=world.visiting)
    with_five = count_queries(client, world.offer.get_url())
    for number in range(45):
        offer = offer_with_session(f"More {number}", network=world.host)
        BookingFactory(session=offer.sessions.get(), network=world.visiting)

    assert count_queries(client, world.offer.get_url()) == with_five


OFFER_PAGE_BUDGET = 12  # issue 14, item 3; where they go: bench/README.md, bench_visits.py


@pytest.mark.parametrize("who", ["host_co_leader", "visiting_co_leader", "visitor"])
@pytest.mark.parametrize("named_networks", [False, True])
def test_the_offer_page_runs_at_most_12_queries_with_nothing_kept(
    client, world, who, named_networks
):
    if named_networks:
        world.offer.open_to_all_networks = False
        world.offer.save()
        world.offer.allowed_networks.set([world.visiting, world.third])
    BookingFactory(session=world.session, network=world.visiting, person=world.visitor)
    client.force_login(getattr(world, who))

    assert cold_queries(client, world.offer.get_url()) <= OFFER_PAGE_BUDGET


@pytest.mark.parametrize("who", ["host_co_leader", "visiting_co_leader"])
def test_the_offer_page_runs_as_many_queries_for_a_co_leader_with_ten_times_the_rows(
    client, world, who
):
    client.force_login(getattr(world, who))
    world.offer.places = 100
    world.offer.save()
    for _ in range(5):
        BookingFactory(session=world.session, network=world.visiting)
    url = world.offer.get_url()
    cold, warm = cold_queries(client, url), count_queries(client, url)
    for _ in range(5):
        session = VisitSessionFactory(offer=world.offer)
        for _ in range(9):
            BookingFactory(session=session, network=world.visiting)
    ArtefactPageFactory(network=world.host)

    assert (cold_queries(client, url), count_queries(client, url)) == (cold, warm)


def test_booking_from_the_offer_page(client, world):
    client.force_login(world.visitor)

    response = client.post(
        f"/visits/offers/{world.offer.pk}/book/",
        {"session": world.session.pk, "network": world.visiting.pk},
        follow=True,
    )

    assert "You have a place." in response.content.decode()
    assert Booking.objects.get(person=world.visitor).status == BookingStatus.BOOKED


def test_a_refused_booking_shows_why_and_books_nothing(client, world):
    client.force_login(world.host_member)

    response = client.post(
        f"/visits/offers/{world.offer.pk}/book/",
        {"session": world.session.pk, "network": world.host.pk},
        follow=True,
    )

    assert "Your network hosts this visit" in response.content.decode()
    assert not Booking.objects.exists()


def test_cancelling_a_place_from_the_offer_page(client, world):
    booking = BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    client.force_login(world.visitor)

    client.post(f"/visits/bookings/{booking.pk}/cancel/", {"next": world.offer.get_url()})

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


# --- Offering -----------------------------------------------------------------------------------


def offer_post(world, **overrides):
    data = {
        "title": "Maths talk in Year 3",
        "summary": "Reasoning routines in two classes.",
        "question": "How do pupils explain their thinking?",
        "host_schools": [world.offer.host_schools.get().pk],
        "places": "5",
        "waitlist": "on",
        "open_to_all_networks": "on",
        "visibility": "public",
        "starts_at_1": in_days(20).strftime("%Y-%m-%dT%H:%M"),
        "ends_at_1": in_days(20, hour=15).strftime("%Y-%m-%dT%H:%M"),
        "then": "publish",
    }
    data.update(overrides)
    return data


def test_a_co_leader_creates_an_offer_from_the_form(client, world):
    client.force_login(world.host_co_leader)

    response = client.post("/visits/offers/new/", offer_post(world))

    offer = VisitOffer.objects.get(title="Maths talk in Year 3")
    assert response.status_code == 302
    assert offer.status == OfferStatus.OPEN
    assert offer.sessions.count() == 1


def test_the_offer_form_shows_a_session_in_the_past_beside_its_field(client, world):
    client.force_login(world.host_co_leader)

    response = client.post(
        "/visits/offers/new/",
        offer_post(
            world,
            starts_at_1=in_days(-3).strftime("%Y-%m-%dT%H:%M"),
            ends_at_1=in_days(-3, hour=15).strftime("%Y-%m-%dT%H:%M"),
        ),
    )

    assert response.status_code == 400
    assert response.context["form"].errors["starts_at_1"] == ["The visit cannot start in the past."]
    assert not VisitOffer.objects.filter(title="Maths talk in Year 3").exists()


def test_a_member_cannot_open_the_offer_form(client, world):
    client.force_login(world.host_member)

    assert client.get("/visits/offers/new/").status_code == 403


def test_editing_below_the_bookings_is_refused_on_the_form(client, world):
    BookingFactory.create_batch(2, session=world.session, network=world.visiting)
    client.force_login(world.host_co_leader)

    response = client.post(f"/visits/offers/{world.offer.pk}/edit/", offer_post(world, places="1"))

    assert response.status_code == 400
    assert "already booked" in response.context["form"].errors["places"][0]


# --- /visits/mine/ and the visit page --------------------------------------------------------


def test_mine_lists_attending_waiting_hosting_and_reflections_owed(client, world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    other = VisitSessionFactory(offer=VisitOfferFactory(title="Full elsewhere"))
    BookingFactory(session=other, person=world.visitor, status=BookingStatus.WAITLISTED)
    past = VisitSessionFactory(
        offer=VisitOfferFactory(title="Went last week"),
        starts_at=timezone.now() - timedelta(days=7),
        ends_at=timezone.now() - timedelta(days=7) + timedelta(hours=5),
    )
    BookingFactory(session=past, person=world.visitor, network=world.visiting)
    client.force_login(world.visitor)

    mine = client.get("/visits/mine/").context["mine"]

    assert [b.session.offer.title for b in mine.attending] == ["Live feedback in Year 5"]
    assert [b.session.offer.title for b in mine.waiting] == ["Full elsewhere"]
    assert [b.session.offer.title for b in mine.reflections_owed] == ["Went last week"]


def test_mine_lists_what_a_co_leader_hosts(client, world):
    client.force_login(world.host_second_co_leader)

    mine = client.get("/visits/mine/").context["mine"]

    assert [s.offer.title for s in mine.hosting] == ["Live feedback in Year 5"]


def test_the_visit_page_is_not_found_for_people_outside_it(client, world):
    client.force_login(world.third_member)

    assert client.get(f"/visits/sessions/{world.session.pk}/").status_code == 404


def test_hosts_see_reflections_and_ratings(client, world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    ReflectionFactory(
        session=world.session, author=world.visitor, network=world.visiting, usefulness=4
    )
    client.force_login(world.host_co_leader)

    html = client.get(f"/visits/sessions/{world.session.pk}/").content.decode()

    assert "Pupils rewriting a sentence" in html
    assert "Average usefulness: <strong>4.0 out of 5</strong>" in html


# --- Requests, profile, broker ----------------------------------------------------------------


def test_a_co_leader_asks_for_a_visit_from_the_form(client, world):
    client.force_login(world.visiting_co_leader)

    response = client.post(
        "/visits/requests/new/",
        {
            "from_network": world.visiting.pk,
            "to_network": world.host.pk,
            "focus_question": "How is live feedback organised?",
            "hoping_to_learn": "Routines.",
            "preferred_weeks": "May",
            "visitors": "2",
        },
    )

    assert response.status_code == 302


def test_the_request_page_offers_the_hosts_the_propose_and_decline_forms(client, world):
    visit_request = VisitRequestFactory(from_network=world.visiting, to_network=world.host)
    client.force_login(world.host_co_leader)

    response = client.get(visit_request.get_absolute_url())

    assert "propose_form" in response.context and "decline_form" in response.context
    assert "accept_form" not in response.context


def test_the_network_profile_shows_its_open_visits(client, world):
    html = client.get(world.host.url).content.decode()

    assert ">Study visits</h2>" in html
    assert "Live feedback in Year 5" in html


def test_the_broker_sees_who_visited_whom(client, world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    ReflectionFactory(session=world.session, author=world.visitor, network=world.visiting)
    world.session.starts_at = timezone.now() - timedelta(days=2)
    world.session.ends_at = timezone.now() - timedelta(days=2) + timedelta(hours=4)
    world.session.save()
    client.force_login(world.broker)

    stats = client.get("/visits/broker/").context["stats"]

    assert stats["by_network_pair"][0]["key"] == (
        "Pennine Enquiry Network",
        "Mersey Feedback Network",
    )
    assert stats["by_region_pair"][0]["key"] == ("Yorkshire and the Humber", "North West")
    assert stats["usefulness"] == 4.0


def test_the_broker_downloads_the_visits_as_csv(client, world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    world.session.starts_at = timezone.now() - timedelta(days=2)
    world.session.ends_at = timezone.now() - timedelta(days=2) + timedelta(hours=4)
    world.session.save()
    client.force_login(world.broker)

    lines = client.get("/visits/broker/visits.csv").content.decode().splitlines()

    assert lines[0].startswith("date,term,visiting network")
    assert "Pennine Enquiry Network" in lines[1] and "Mersey Feedback Network" in lines[1]


def test_only_the_broker_sees_the_statistics(client, world):
    client.force_login(world.host_co_leader)

    assert client.get("/visits/broker/").status_code == 403
    assert client.get("/visits/broker/visits.csv").status_code == 403


def test_mine_links_the_visit_page_only_for_places_not_for_the_waitlist(client, world):
    BookingFactory(
        session=world.session,
        person=world.visitor,
        network=world.visiting,
        status=BookingStatus.WAITLISTED,
    )
    client.force_login(world.visitor)

    html = client.get("/visits/mine/").content.decode()

    assert f"/visits/sessions/{world.session.pk}/" not in html
