"""Private visits: arranged by an app above visits (a peer review's review visit), never listed
or bookable, seen only by the host network and the named visitors (`VisitOffer.private`).

Who may arrange one is that app's rule (it asks its own permissions before calling here); the
visit then has the calendar file, the personal feeds and the reminders of every study visit.
"""

from django.db import transaction
from django.utils import timezone

from core.errors import ActionRefused
from core.notifications.services import notify_each

from ..models import MAX_PLACES, Booking, BookingStatus, OfferStatus, VisitOffer, VisitSession
from ._common import UPDATE_EMAIL, check_times, current_school_ids, local, lock_session
from .bookings import refresh_fullness


def _check_host_school(network, host_school) -> None:
    if host_school is None or host_school.pk not in current_school_ids(network):
        raise ActionRefused(field_errors={"host_school": "Choose one of the network's schools."})


def _sync_visitors(session, visitors, *, by) -> None:
    """Book a place for each (person, network) named, and cancel the places of anyone no
    longer named."""
    wanted = {person.pk: network for person, network in visitors}
    active = {b.person_id: b for b in Booking.objects.active().filter(session=session)}
    now = timezone.now()
    for person_id, booking in active.items():
        if person_id not in wanted:
            booking.status, booking.cancelled_at = BookingStatus.CANCELLED, now
            booking.save(update_fields=["status", "cancelled_at"])
    for person_id, network in wanted.items():
        if person_id not in active:
            Booking.objects.create(
                session=session,
                person_id=person_id,
                network=network,
                booked_by=by,
                status=BookingStatus.BOOKED,
                confirmed_at=now,
            )


@transaction.atomic
def arrange_private_visit(
    *,
    network,
    title: str,
    summary: str,
    starts_at,
    ends_at,
    host_school,
    visitors,
    by,
    session=None,
) -> VisitSession:
    """Create a private visit hosted by `network` for `visitors` ((person, network) pairs), or,
    given its `session`, move it and bring its visitors up to date. Everyone already booked is
    told of a move; the session's SEQUENCE rises so calendars pick it up."""
    check_times(starts_at, ends_at)
    _check_host_school(network, host_school)
    visitors = list(visitors)
    if session is None:
        offer = VisitOffer.objects.create(
            network=network,
            title=title[:200],
            summary=summary,
            question=title[:500],
            places=max(1, min(len(visitors), MAX_PLACES)),
            waitlist=False,
            private=True,
            status=OfferStatus.CLOSED,
            created_by=by,
        )
        offer.host_schools.set([host_school])
        session = VisitSession.objects.create(
            offer=offer, starts_at=starts_at, ends_at=ends_at, host_school=host_school
        )
    else:
        session = lock_session(session)
        if not session.offer.private or session.offer.network_id != network.pk:
            raise ActionRefused("This is not the private visit of this network.")
        before = session.starts_at
        moved = (before, session.ends_at, session.host_school_id) != (
            starts_at,
            ends_at,
            host_school.pk,
        )
        session.starts_at, session.ends_at, session.host_school = starts_at, ends_at, host_school
        if moved:
            session.sequence += 1
        session.save(
            update_fields=["starts_at", "ends_at", "host_school", "sequence", "updated_at"]
        )
        session.offer.host_schools.set([host_school])
        VisitOffer.objects.filter(pk=session.offer_id).update(
            places=max(1, min(len(visitors), MAX_PLACES)), updated_at=timezone.now()
        )
        if moved:
            people = [b.person for b in Booking.objects.booked().filter(session=session)]
            notify_each(
                people,
                message=f"“{session.offer.title}” has moved from {local(before)} to "
                f"{local(starts_at)}.",
                url=session.get_absolute_url(),
                email_template=UPDATE_EMAIL,
            )
    _sync_visitors(session, visitors, by=by)
    refresh_fullness(session.offer)
    return session
