"""Offers and sessions: created, changed, published, closed and cancelled by the host network's
co-leaders; bad input refused with a clear message, changing nothing."""

from datetime import timedelta

import pytest

from django.utils import timezone

from core.errors import ActionRefused, NotAllowed
from core.notifications.models import Notification, OutboundEmail
from networks.factories import SchoolFactory
from visits import services
from visits.factories import BookingFactory, VisitSessionFactory
from visits.models import BookingStatus, OfferStatus, SessionStatus, VisitOffer, VisitSession
from visits.services import SessionTimes

from .conftest import in_days

pytestmark = pytest.mark.django_db


def offer_fields(**overrides):
    fields = {
        "title": "Pupil researchers at work",
        "summary": "Pupil researchers observing lessons in another school.",
        "question": "How do pupils' findings change what teachers plan?",
        "places": 8,
        "waitlist": True,
        "open_to_all_networks": True,
        "visibility": "public",
    }
    fields.update(overrides)
    return fields


def create(world, *, sessions=None, publish=True, **overrides):
    return services.create_offer(
        network=world.host,
        by=world.host_co_leader,
        fields=offer_fields(**overrides),
        host_schools=[world.offer.host_schools.first()],
        sessions=sessions or [SessionTimes(in_days(20), in_days(20, hour=15))],
        publish=publish,
    )


def test_a_co_leader_publishes_an_offer_with_its_sessions(world):
    offer = create(world, sessions=[SessionTimes(in_days(20), in_days(21, hour=15))])

    assert offer.status == OfferStatus.OPEN
    session = offer.sessions.get()
    assert session.ends_at - session.starts_at == timedelta(days=1, hours=6)
    assert session.host_school == world.offer.host_schools.first()


def test_an_offer_is_a_draft_until_published(world):
    assert create(world, publish=False).status == OfferStatus.DRAFT


def test_a_member_cannot_create_an_offer(world):
    with pytest.raises(NotAllowed, match="Only the network's co-leaders can offer study visits."):
        services.create_offer(
            network=world.host,
            by=world.host_member,
            fields=offer_fields(),
            host_schools=[world.offer.host_schools.first()],
            sessions=[SessionTimes(in_days(20), in_days(20, hour=15))],
        )


@pytest.mark.parametrize("places", [0, -3])
def test_zero_or_negative_places_are_refused(world, places):
    before = VisitOffer.objects.count()

    with pytest.raises(ActionRefused) as refusal:
        create(world, places=places)

    assert refusal.value.field_errors == {"places": "Offer at least one place per session."}
    assert VisitOffer.objects.count() == before


def test_a_session_ending_before_it_starts_is_refused(world):
    with pytest.raises(ActionRefused) as refusal:
        create(world, sessions=[SessionTimes(in_days(20, hour=15), in_days(20, hour=9))])

    assert refusal.value.field_errors == {"ends_at": "The visit must end after it starts."}
    assert not VisitOffer.objects.filter(title="Pupil researchers at work").exists()


def test_a_session_in_the_past_is_refused(world):
    with pytest.raises(ActionRefused) as refusal:
        create(world, sessions=[SessionTimes(in_days(-2), in_days(-2, hour=15))])

    assert refusal.value.field_errors == {"starts_at": "The visit cannot start in the past."}


def test_a_school_outside_the_network_cannot_host(world):
    with pytest.raises(ActionRefused) as refusal:
        services.create_offer(
            network=world.host,
            by=world.host_co_leader,
            fields=offer_fields(),
            host_schools=[SchoolFactory()],
            sessions=[SessionTimes(in_days(20), in_days(20, hour=15))],
        )

    assert refusal.value.field_errors == {
        "host_schools": "Host schools must be current schools of the network."
    }


def test_named_networks_only_needs_a_named_network(world):
    with pytest.raises(ActionRefused) as refusal:
        create(world, open_to_all_networks=False)

    assert "allowed_networks" in refusal.value.field_errors


def update(world, **overrides):
    return services.update_offer(
        offer=world.offer,
        by=world.host_co_leader,
        fields=offer_fields(**overrides),
        host_schools=[world.offer.host_schools.first()],
    )


def test_cutting_places_below_the_bookings_is_refused(world):
    BookingFactory.create_batch(2, session=world.session, network=world.visiting)

    with pytest.raises(ActionRefused) as refusal:
        update(world, places=1)

    assert refusal.value.field_errors["places"].startswith("2 places are already booked for ")
    world.offer.refresh_from_db()
    assert world.offer.places == 2


def test_adding_places_gives_them_to_the_people_waiting(world):
    BookingFactory.create_batch(2, session=world.session, network=world.visiting)
    waiting = BookingFactory(session=world.session, network=world.visiting, status="waitlisted")

    update(world, places=3)

    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.BOOKED


def test_every_change_to_an_offer_raises_its_sessions_sequence(world):
    update(world, practical_info="Bring a lanyard.")

    world.session.refresh_from_db()
    assert world.session.sequence == 1


def test_rescheduling_raises_the_sequence_and_tells_everyone_booked_or_waiting(world):
    booked = BookingFactory(session=world.session, network=world.visiting).person
    waiting = BookingFactory(session=world.session, network=world.visiting, status="waitlisted")

    services.reschedule_session(
        session=world.session,
        by=world.host_second_co_leader,
        starts_at=in_days(30),
        ends_at=in_days(30, hour=15),
    )

    world.session.refresh_from_db()
    assert world.session.sequence == 1
    assert world.session.starts_at == in_days(30)
    told = set(
        Notification.objects.filter(message__contains="has moved").values_list(
            "recipient", flat=True
        )
    )
    assert told == {booked.pk, waiting.person_id}
    assert OutboundEmail.objects.filter(to=booked.email, subject__startswith="New date").exists()


def test_rescheduling_into_the_past_is_refused_and_changes_nothing(world):
    starts = world.session.starts_at

    with pytest.raises(ActionRefused):
        services.reschedule_session(
            session=world.session,
            by=world.host_co_leader,
            starts_at=in_days(-1),
            ends_at=in_days(-1, hour=15),
        )

    world.session.refresh_from_db()
    assert (world.session.starts_at, world.session.sequence) == (starts, 0)


def test_cancelling_a_session_tells_everyone_and_keeps_their_bookings(world):
    booking = BookingFactory(session=world.session, network=world.visiting)

    services.cancel_session(session=world.session, by=world.host_co_leader, reason="Ofsted visit")

    world.session.refresh_from_db()
    booking.refresh_from_db()
    assert world.session.status == SessionStatus.CANCELLED
    assert world.session.sequence == 1
    assert booking.status == BookingStatus.BOOKED
    assert OutboundEmail.objects.filter(
        to=booking.person.email, body_text__contains="Ofsted visit"
    ).exists()


def test_cancelling_a_session_needs_a_reason(world):
    with pytest.raises(ActionRefused) as refusal:
        services.cancel_session(session=world.session, by=world.host_co_leader, reason=" ")

    assert refusal.value.field_errors == {"reason": "Say why, for the people who booked."}


def test_cancelling_an_offer_cancels_its_sessions_still_to_come(world):
    later = VisitSessionFactory(offer=world.offer, starts_at=in_days(40))

    services.cancel_offer(offer=world.offer, by=world.host_co_leader, reason="Building works")

    assert set(VisitSession.objects.filter(offer=world.offer).values_list("status", flat=True)) == {
        SessionStatus.CANCELLED
    }
    later.refresh_from_db()
    assert later.cancelled_reason == "Building works"
    world.offer.refresh_from_db()
    assert world.offer.status == OfferStatus.CANCELLED


def test_a_cancelled_offer_cannot_be_edited(world):
    services.cancel_offer(offer=world.offer, by=world.host_co_leader, reason="Building works")

    with pytest.raises(NotAllowed, match="cancelled"):
        update(world)


def test_a_draft_opens_only_with_a_session_still_to_come(world):
    offer = create(world, publish=False)
    offer.sessions.update(
        starts_at=timezone.now() - timedelta(days=2), ends_at=timezone.now() - timedelta(days=1)
    )

    with pytest.raises(ActionRefused, match="Add a session still to come"):
        services.publish_offer(offer=offer, by=world.host_co_leader)


def test_closing_an_offer_stops_bookings(world):
    services.close_offer(offer=world.offer, by=world.host_co_leader)

    world.offer.refresh_from_db()
    assert world.offer.status == OfferStatus.CLOSED


def test_offers_whose_sessions_have_all_ended_are_completed(world):
    world.session.starts_at = timezone.now() - timedelta(days=3)
    world.session.ends_at = timezone.now() - timedelta(days=3) + timedelta(hours=5)
    world.session.save()

    assert services.complete_past_offers() == 1
    world.offer.refresh_from_db()
    assert world.offer.status == OfferStatus.COMPLETED
