"""Booking a place, the waitlist, and cancelling.

Capacity is never exceeded: each booking locks its session's row, then counts the places taken
inside the same transaction. When a session is full a booking joins the waitlist (if the offer
keeps one); when a place frees, the first person waiting gets it and is told.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.errors import ActionRefused
from core.notifications.services import mark_read_about, notify_each

from .. import permissions
from ..models import Booking, BookingStatus, OfferStatus, SessionStatus, VisitOffer, VisitSession
from ._common import (
    UPDATE_EMAIL,
    co_leader_users,
    local,
    lock_session,
    refuse,
    session_subject,
)


def _booked_count(session) -> int:
    return Booking.objects.filter(session=session, status=BookingStatus.BOOKED).count()


@transaction.atomic
def book_place(*, session, by, network, person=None) -> Booking:
    """Book a place on `session` for `person` (by themself, or by a co-leader of `network` for a
    colleague), visiting for `network`. Returns the booking, BOOKED or WAITLISTED."""
    person = person or by
    session = lock_session(session)
    offer = session.offer
    refuse(permissions.why_not_book_place(by, session, network=network, person=person))
    if Booking.objects.active().filter(session=session, person=person).exists():
        whom = "You already have" if person.pk == by.pk else f"{person.display_name} already has"
        raise ActionRefused(f"{whom} a place (or a place on the waitlist) for this session.")
    if _booked_count(session) < offer.places:
        status = BookingStatus.BOOKED
    elif offer.waitlist:
        status = BookingStatus.WAITLISTED
    else:
        raise ActionRefused("This session is full, and the hosts keep no waitlist.")
    try:
        with transaction.atomic():
            booking = Booking.objects.create(
                session=session,
                person=person,
                network=network,
                booked_by=by,
                status=status,
                confirmed_at=timezone.now() if status == BookingStatus.BOOKED else None,
            )
    except IntegrityError:
        raise ActionRefused("There is already a place for this person on this session.") from None
    refresh_fullness(offer)
    when = local(session.starts_at)
    if status == BookingStatus.BOOKED:
        message = f"You have a place on “{offer.title}”, {when}."
    else:
        message = (
            f"“{offer.title}”, {when}, is full: you are on the waitlist and will be told if a "
            "place frees."
        )
    if person.pk != by.pk:
        message = f"{by.display_name} booked for you: {message}"
    notify_each(
        [person],
        message=message,
        url=offer.get_url(),
        subject=session_subject(session),
        email_template="visits/email/booking",
        context={
            "booking": booking,
            "session": session,
            "offer": offer,
            "when": when,
            "until": local(session.ends_at),
        },
    )
    if status == BookingStatus.BOOKED:
        notify_each(
            co_leader_users(offer.network),
            message=f"{person.display_name} ({network.title}) booked a place on “{offer.title}”, "
            f"{when}.",
            url=session.get_absolute_url(),
            subject=session_subject(session),
        )
    return booking


@transaction.atomic
def cancel_booking(*, booking, by) -> Booking:
    """Give up a place (or a place on the waitlist). A freed place goes to the first waiting."""
    session = lock_session(booking.session)
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("network", "person")
        .get(pk=booking.pk)
    )
    booking.session = session
    refuse(permissions.why_not_cancel_booking(by, booking))
    was_booked = booking.status == BookingStatus.BOOKED
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["status", "cancelled_at"])
    # their news of that place is moot
    mark_read_about(subject=session_subject(session), user=booking.person)
    if was_booked:
        promote_waiting(session)
    refresh_fullness(session.offer)
    if booking.person_id != by.pk:
        notify_each(
            [booking.person],
            message=f"{by.display_name} cancelled your place on “{session.offer.title}”, "
            f"{local(session.starts_at)}.",
            url=session.offer.get_url(),
            subject=session_subject(session),
            email_template=UPDATE_EMAIL,
        )
    return booking


def promote_waiting(session) -> list[Booking]:
    """Give free places on a locked, scheduled session to the people waiting, in the order they
    joined the waitlist, and tell each of them. Call inside the session's lock."""
    if session.status != SessionStatus.SCHEDULED or session.starts_at <= timezone.now():
        return []
    free = session.offer.places - _booked_count(session)
    if free <= 0:
        return []
    promoted = list(
        Booking.objects.select_for_update(of=("self",))
        .filter(session=session, status=BookingStatus.WAITLISTED)
        .select_related("person")
        .order_by("created_at", "pk")[:free]
    )
    for booking in promoted:
        booking.status = BookingStatus.BOOKED
        booking.confirmed_at = timezone.now()
        booking.save(update_fields=["status", "confirmed_at"])
        notify_each(
            [booking.person],
            message=f"A place has come free: you now have a place on “{session.offer.title}”, "
            f"{local(session.starts_at)}.",
            url=session.offer.get_url(),
            subject=session_subject(session),
            email_template="visits/email/promoted",
            context={"session": session, "offer": session.offer, "when": local(session.starts_at)},
        )
    return promoted


def refresh_fullness(offer) -> None:
    """Bring the offer's listing columns up to date with its sessions and bookings; an open
    offer whose sessions still to come are all full shows as full, and back. Every service
    that changes an offer's places, sessions or bookings calls this."""
    VisitOffer.objects.filter(pk=offer.pk).refresh_listing()
    if offer.status not in (OfferStatus.OPEN, OfferStatus.FULL):
        return
    upcoming = list(
        VisitSession.objects.filter(
            offer=offer, status=SessionStatus.SCHEDULED, starts_at__gt=timezone.now()
        ).with_counts()
    )
    full = bool(upcoming) and all(s.booked_count >= offer.places for s in upcoming)
    status = OfferStatus.FULL if full else OfferStatus.OPEN
    if status != offer.status:
        offer.status = status
        type(offer).objects.filter(pk=offer.pk).update(status=status)
