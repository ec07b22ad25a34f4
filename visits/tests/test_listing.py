"""/visits/ filters and sorts on the offer's listing columns (`VisitOffer.refresh_listing`):
the services keep them up to date, time passing never changes what is listed or its order, beat
(and `refresh_visit_listing`) works out again what time made stale, and the page runs the same
queries with 5 or 50 offers whatever the filters."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.pagecache import purge
from networks.factories import ActiveNetworkFactory, NetworkSchoolFactory, SchoolFactory
from visits import services
from visits.factories import BookingFactory, VisitOfferFactory, VisitSessionFactory
from visits.models import VisitOffer

from .conftest import in_days, listed_titles

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def titles(client, **params) -> list[str]:
    return listed_titles(client.get("/visits/", params))


def offer_on(title, *days, places=6, **fields):
    network = ActiveNetworkFactory()
    school = SchoolFactory()
    NetworkSchoolFactory(network=network, school=school)
    offer = VisitOfferFactory(
        title=title, network=network, host_schools=[school], places=places, **fields
    )
    for day in days:
        VisitSessionFactory(offer=offer, starts_at=in_days(day) if isinstance(day, int) else day)
    return offer


def as_worked_out_days_ago(offer, days: int):
    """The offer's columns as beat left them `days` ago: a session since started is stale."""
    VisitOffer.objects.filter(pk=offer.pk).refresh_listing(
        now=timezone.now() - timedelta(days=days)
    )


def started_yesterday(offer):
    """Let time pass: the offer's first session started yesterday (columns not refreshed)."""
    first = offer.sessions.order_by("starts_at").first()
    start = timezone.now() - timedelta(days=1)
    type(first).objects.filter(pk=first.pk).update(
        starts_at=start, ends_at=start + timedelta(hours=6)
    )
    as_worked_out_days_ago(offer, 2)


# --- The services keep the columns --------------------------------------------------------------


def test_booking_the_last_place_takes_the_offer_out_of_has_places(client, world):
    offer_on("Roomy visit", 20)
    for person in (world.visitor, world.colleague):
        services.book_place(session=world.session, by=person, network=world.visiting)

    assert titles(client, has_places="on") == ["Roomy visit"]


def test_cancelling_a_place_brings_the_offer_back_into_has_places(client, world):
    bookings = [
        services.book_place(session=world.session, by=person, network=world.visiting)
        for person in (world.visitor, world.colleague)
    ]

    services.cancel_booking(booking=bookings[0], by=world.visitor)

    assert titles(client, has_places="on") == ["Live feedback in Year 5"]


def test_more_places_bring_a_full_offer_back_into_has_places(client, world):
    BookingFactory.create_batch(2, session=world.session, network=world.visiting)

    services.update_offer(
        offer=world.offer,
        by=world.host_co_leader,
        fields={"title": world.offer.title, "places": 3, "visibility": "public"},
        host_schools=list(world.offer.host_schools.all()),
    )

    assert titles(client, has_places="on") == ["Live feedback in Year 5"]


def test_rescheduling_a_session_moves_the_offer_in_the_order(client, world):
    offer_on("Next week", 7)

    services.reschedule_session(
        session=world.session, by=world.host_co_leader, starts_at=in_days(3), ends_at=in_days(4)
    )

    assert titles(client) == ["Live feedback in Year 5", "Next week"]


def test_cancelling_the_only_session_takes_the_offer_off_the_list(client, world):
    services.cancel_session(session=world.session, by=world.host_co_leader, reason="Snow.")

    assert titles(client) == []


# --- Time passing -------------------------------------------------------------------------------


def test_an_offer_whose_first_session_started_is_sorted_by_its_next_one(client, world):
    later = offer_on("Started yesterday, again in 30 days", 1, 30)
    started_yesterday(later)

    assert titles(client) == ["Live feedback in Year 5", "Started yesterday, again in 30 days"]


def test_with_places_an_offer_whose_first_session_started_is_sorted_by_its_next_one(client, world):
    later = offer_on("Started yesterday, again in 30 days", 1, 30)
    started_yesterday(later)

    assert titles(client, has_places="on") == [
        "Live feedback in Year 5",
        "Started yesterday, again in 30 days",
    ]


def test_an_offer_whose_last_session_started_leaves_the_list_before_any_refresh(client, world):
    gone = offer_on("Only yesterday", 1)
    started_yesterday(gone)

    assert titles(client) == ["Live feedback in Year 5"]


def test_refreshing_works_out_only_what_time_made_stale_and_is_idempotent(world):
    stale = offer_on("Started yesterday, again in 30 days", 1, 30)
    started_yesterday(stale)

    assert services.refresh_listings() == 1
    assert services.refresh_listings() == 0
    stale.refresh_from_db()
    assert stale.next_session_start == stale.sessions.order_by("starts_at").last().starts_at


def test_the_command_refreshes_every_offer_with_all(world):
    VisitOffer.objects.update(next_session_start=None, last_session_start=None)
    out = StringIO()

    call_command("refresh_visit_listing", "--all", stdout=out)

    assert out.getvalue().strip() == "1 offer(s) refreshed."
    world.offer.refresh_from_db()
    assert world.offer.next_session_start == world.session.starts_at


# --- Dates, in UK time ----------------------------------------------------------------------------


def test_a_late_evening_session_in_summer_time_counts_on_its_uk_day(client, world):
    # 23:30 in London on 1 July 2027 is 22:30 UTC: the 1st, not the 2nd.
    offer_on("Twilight visit", datetime(2027, 7, 1, 23, 30, tzinfo=LONDON))

    assert titles(client, date_from="2027-07-01", date_to="2027-07-01") == ["Twilight visit"]
    assert titles(client, date_from="2027-07-02") == []


def test_a_date_from_in_the_past_lists_every_offer_to_come(client, world):
    offer_on("Later visit", 30)

    assert titles(client, date_from="2000-01-01", has_places="on") == [
        "Live feedback in Year 5",
        "Later visit",
    ]


# --- Bounded queries ----------------------------------------------------------------------------


def count_queries(client, params) -> int:
    """The listing's own queries: a view with nothing kept with the page (just after a purge)."""
    client.get("/visits/", params)  # warm per-process caches
    purge(["/visits/"])
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/visits/", params).status_code == 200
    return len(queries)


def add_offers(number: int, world, *, stale: bool):
    for n in range(number):
        offer = offer_on(f"Offer {n}", 1 + n % 20, 40 + n % 20, places=1 + n % 2)
        BookingFactory(session=offer.sessions.first(), network=world.visiting)
        if stale and n % 3 == 0:
            started_yesterday(offer)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"has_places": "on"},
        {"has_places": "on", "date_from": "2000-01-01"},
        {"date_from": in_days(30).date().isoformat(), "date_to": in_days(70).date().isoformat()},
        {"page": "2"},
    ],
)
def test_the_list_runs_the_same_queries_with_5_or_50_offers_some_stale(client, world, params):
    client.force_login(world.visitor)
    add_offers(4, world, stale=True)
    with_five = count_queries(client, params)
    add_offers(45, world, stale=True)

    assert count_queries(client, params) == with_five


@pytest.mark.django_db
def test_saving_an_offer_loaded_before_its_sessions_keeps_the_listing_columns():
    offer = VisitOfferFactory(visibility="public")
    session = VisitSessionFactory(offer=offer)  # refreshes the row's columns, not `offer`

    offer.title = "Whole-school oracy, visit for leaders"
    offer.save()

    stored = VisitOffer.objects.get(pk=offer.pk)
    assert stored.title == "Whole-school oracy, visit for leaders"
    assert stored.next_session_start == session.starts_at
