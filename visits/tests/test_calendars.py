"""iCalendar files parsed back with `icalendar`: one session, the personal secret feed and the
network's public feed; stable UID, SEQUENCE, STATUS, TZID Europe/London with its VTIMEZONE,
LOCATION and URL; the clock changes of 2027-03-28 and 2027-10-31."""

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from visits import services
from visits.factories import BookingFactory, VisitOfferFactory, VisitSessionFactory
from visits.models import CalendarFeed, OfferStatus

pytestmark = pytest.mark.django_db


def events(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content).events


def session_ics(client, session):
    return client.get(f"/visits/{session.pk}/calendar.ics")


def test_the_session_file_carries_uid_times_location_and_url(client, world):
    school = world.session.host_school

    (event,) = events(session_ics(client, world.session))

    assert str(event["UID"]) == f"{world.session.uid}@visits.nlc"
    assert event.start == world.session.starts_at
    assert event.end == world.session.ends_at
    assert str(event.start.tzinfo) == "Europe/London"
    assert str(event["LOCATION"]) == f"{school.name}, {school.town}, {school.postcode}"
    assert str(event["URL"]) == f"{settings.SITE_URL}/visits/offers/{world.offer.pk}/"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event["SEQUENCE"] == 0


def test_the_file_carries_the_europe_london_timezone(client, world):
    calendar = Calendar.from_ical(session_ics(client, world.session).content)

    assert [str(zone["TZID"]) for zone in calendar.timezones] == ["Europe/London"]
    assert b"DTSTART;TZID=Europe/London:" in session_ics(client, world.session).content


def test_the_uid_stays_and_the_sequence_rises_on_reschedule(client, world):
    before = events(session_ics(client, world.session))[0]

    services.reschedule_session(
        session=world.session,
        by=world.host_co_leader,
        starts_at=world.session.starts_at + timedelta(days=7),
        ends_at=world.session.ends_at + timedelta(days=7),
    )

    after = events(session_ics(client, world.session))[0]
    assert str(after["UID"]) == str(before["UID"])
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1
    assert after.start - before.start == timedelta(days=7)


def test_a_cancelled_session_says_so(client, world):
    services.cancel_session(session=world.session, by=world.host_co_leader, reason="Snow")

    (event,) = events(session_ics(client, world.session))

    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 1


@pytest.mark.parametrize(
    ("utc", "local_hour", "offset_hours"),
    [
        # 28 March 2027: clocks go forward at 01:00 UTC; 09:00 UTC is 10:00 BST.
        (datetime(2027, 3, 28, 9, 0, tzinfo=UTC), 10, 1),
        (datetime(2027, 3, 28, 0, 30, tzinfo=UTC), 0, 0),
        # 31 October 2027: clocks go back at 01:00 UTC; 10:00 UTC is 10:00 GMT. Local 01:00-02:00
        # happens twice, so a time in it is written in UTC (which is then its hour and offset).
        (datetime(2027, 10, 31, 10, 0, tzinfo=UTC), 10, 0),
        (datetime(2027, 10, 31, 0, 30, tzinfo=UTC), 0, 0),
    ],
)
def test_local_times_across_the_clock_changes(client, world, utc, local_hour, offset_hours):
    world.session.starts_at = utc
    world.session.ends_at = utc + timedelta(hours=5)
    world.session.save()

    (event,) = events(session_ics(client, world.session))

    assert event.start.astimezone(UTC) == utc
    assert event.start.hour == local_hour
    assert event.start.utcoffset() == timedelta(hours=offset_hours)


def test_a_draft_offers_session_file_is_not_found(client, world):
    world.offer.status = OfferStatus.DRAFT
    world.offer.save()

    assert session_ics(client, world.session).status_code == 404


def test_the_personal_feed_holds_what_the_person_attends_and_hosts(client, world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    hosted = VisitSessionFactory(offer=VisitOfferFactory(network=world.visiting))
    VisitSessionFactory()  # someone else's visit
    feed = services.ensure_feed(user=world.visitor)
    services.ensure_feed(user=world.visiting_co_leader)

    mine = events(client.get(f"/visits/feed/{feed.token}.ics"))
    leader = CalendarFeed.objects.get(user=world.visiting_co_leader)
    theirs = events(client.get(f"/visits/feed/{leader.token}.ics"))

    assert {str(e["UID"]) for e in mine} == {f"{world.session.uid}@visits.nlc"}
    assert {str(e["UID"]) for e in theirs} == {f"{hosted.uid}@visits.nlc"}


def test_the_personal_feed_keeps_a_cancelled_visit_marked_cancelled(client, world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    services.cancel_session(session=world.session, by=world.host_co_leader, reason="Snow")
    feed = services.ensure_feed(user=world.visitor)

    (event,) = events(client.get(f"/visits/feed/{feed.token}.ics"))

    assert str(event["STATUS"]) == "CANCELLED"


def test_a_wrong_feed_token_is_not_found(client, world):
    assert client.get("/visits/feed/not-a-real-token.ics").status_code == 404


def test_regenerating_the_feed_makes_the_old_address_not_found(client, world):
    old = services.ensure_feed(user=world.visitor).token
    client.force_login(world.visitor)

    client.post("/visits/feed/regenerate/")

    new = CalendarFeed.objects.get(user=world.visitor).token
    client.logout()
    assert new != old
    assert client.get(f"/visits/feed/{old}.ics").status_code == 404
    assert client.get(f"/visits/feed/{new}.ics").status_code == 200


def test_the_account_page_shows_the_feed_address(client, world):
    client.force_login(world.visitor)

    html = client.get("/accounts/profile/").content.decode()

    token = CalendarFeed.objects.get(user=world.visitor).token
    assert f"/visits/feed/{token}.ics" in html


def test_the_network_feed_lists_its_open_offers_sessions(client, world):
    draft = VisitSessionFactory(offer=VisitOfferFactory(network=world.host, status="draft"))

    found = events(client.get(f"/visits/networks/{world.host.slug}/calendar.ics"))

    uids = {str(e["UID"]) for e in found}
    assert f"{world.session.uid}@visits.nlc" in uids
    assert f"{draft.uid}@visits.nlc" not in uids


def test_a_members_only_offer_is_not_in_the_public_network_feed(client, world):
    world.offer.visibility = "members"
    world.offer.save()

    assert events(client.get(f"/visits/networks/{world.host.slug}/calendar.ics")) == []


def test_a_members_only_session_file_needs_a_sign_in(client, world):
    world.offer.visibility = "members"
    world.offer.save()

    assert session_ics(client, world.session).status_code == 404
    assert AnonymousUser().is_anonymous
