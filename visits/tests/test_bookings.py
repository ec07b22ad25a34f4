"""Booking: places, the waitlist and its promotion, cancelling; bad input refused, nothing
changed."""

import pytest

from core.errors import ActionRefused, NotAllowed
from core.notifications.models import Notification, OutboundEmail
from visits import services
from visits.factories import BookingFactory
from visits.models import Booking, BookingStatus, OfferStatus

pytestmark = pytest.mark.django_db


def book(world, person, network=None, by=None):
    return services.book_place(
        session=world.session, by=by or person, network=network or world.visiting, person=person
    )


def test_a_member_of_another_network_books_a_place(world):
    booking = book(world, world.visitor)

    assert booking.status == BookingStatus.BOOKED
    assert booking.network == world.visiting


def test_booking_tells_the_person_in_the_app_and_by_e_mail(world):
    book(world, world.visitor)

    assert Notification.objects.filter(
        recipient=world.visitor, message__startswith="You have a place"
    ).exists()
    email = OutboundEmail.objects.get(to=world.visitor.email)
    assert email.subject == "Your place: Live feedback in Year 5"
    assert "calendar.ics" in email.body_text


def test_booking_when_full_joins_the_waitlist(world):
    book(world, world.visitor)
    book(world, world.colleague)

    assert book(world, world.third_member, world.third).status == BookingStatus.WAITLISTED


def test_the_offer_shows_full_when_every_session_is_full(world):
    book(world, world.visitor)
    book(world, world.colleague)

    world.offer.refresh_from_db()
    assert world.offer.status == OfferStatus.FULL


def test_a_full_session_without_a_waitlist_refuses_and_changes_nothing(world):
    world.offer.waitlist = False
    world.offer.save()
    book(world, world.visitor)
    book(world, world.colleague)

    with pytest.raises(
        ActionRefused, match="This session is full, and the hosts keep no waitlist."
    ):
        book(world, world.third_member, world.third)

    assert Booking.objects.filter(session=world.session).count() == 2


def test_booking_twice_is_refused(world):
    book(world, world.visitor)

    with pytest.raises(ActionRefused, match="You already have a place"):
        book(world, world.visitor)

    assert Booking.objects.filter(person=world.visitor).count() == 1


def test_booking_a_closed_offer_is_refused(world):
    services.close_offer(offer=world.offer, by=world.host_co_leader)

    with pytest.raises(NotAllowed, match="not open for booking"):
        book(world, world.visitor)

    assert not Booking.objects.exists()


def test_booking_a_cancelled_session_is_refused(world):
    services.cancel_session(session=world.session, by=world.host_co_leader, reason="Snow")

    with pytest.raises(NotAllowed, match="This visit has been cancelled."):
        book(world, world.visitor)


def test_a_co_leader_books_for_a_colleague_who_is_told(world):
    booking = book(world, world.colleague, by=world.visiting_co_leader)

    assert booking.booked_by == world.visiting_co_leader
    assert Notification.objects.get(recipient=world.colleague).message.startswith(
        f"{world.visiting_co_leader.display_name} booked for you"
    )


def test_cancelling_a_place_gives_it_to_the_first_person_waiting(world):
    first = book(world, world.visitor)
    book(world, world.colleague)
    waiting = book(world, world.third_member, world.third)

    services.cancel_booking(booking=first, by=world.visitor)

    waiting.refresh_from_db()
    first.refresh_from_db()
    assert (first.status, waiting.status) == (BookingStatus.CANCELLED, BookingStatus.BOOKED)
    assert OutboundEmail.objects.filter(
        to=world.third_member.email, subject__startswith="A place has come free"
    ).exists()


def test_the_waitlist_is_first_come_first_served(world):
    world.offer.places = 1
    world.offer.save()
    first = book(world, world.visitor)
    earlier = book(world, world.colleague)
    later = book(world, world.third_member, world.third)

    services.cancel_booking(booking=first, by=world.visitor)

    earlier.refresh_from_db()
    later.refresh_from_db()
    assert (earlier.status, later.status) == (BookingStatus.BOOKED, BookingStatus.WAITLISTED)


def test_cancelling_frees_a_full_offer(world):
    first = book(world, world.visitor)
    book(world, world.colleague)

    services.cancel_booking(booking=first, by=world.visitor)

    world.offer.refresh_from_db()
    assert world.offer.status == OfferStatus.OPEN


def test_someone_else_cannot_cancel_a_booking(world):
    booking = book(world, world.visitor)

    with pytest.raises(NotAllowed, match="You can cancel only your own booking"):
        services.cancel_booking(booking=booking, by=world.colleague)

    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED


def test_a_cancelled_booking_cannot_be_cancelled_again(world):
    booking = BookingFactory(session=world.session, status=BookingStatus.CANCELLED)

    with pytest.raises(NotAllowed, match="already cancelled"):
        services.cancel_booking(booking=booking, by=booking.person)


def test_after_cancelling_a_person_may_book_again(world):
    services.cancel_booking(booking=book(world, world.visitor), by=world.visitor)

    assert book(world, world.visitor).status == BookingStatus.BOOKED
