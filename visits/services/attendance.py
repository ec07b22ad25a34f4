"""Who came to a study visit: the host co-leaders mark each booked visitor after the start."""

from django.db import transaction
from django.utils import timezone

from core.errors import ActionRefused

from .. import permissions
from ..models import Booking, BookingStatus
from ._common import lock_session, refuse


@transaction.atomic
def mark_attendance(*, session, by, attended: dict) -> list[Booking]:
    """Record, for booking ids of `session`, whether each visitor attended (True) or not
    (False); bookings left out keep what they had. Marking again what is already marked changes
    nothing. Returns the session's booked places."""
    session = lock_session(session)
    refuse(permissions.why_not_mark_attendance(by, session))
    bookings = {
        booking.pk: booking
        for booking in Booking.objects.select_for_update(of=("self",)).filter(
            session=session, status=BookingStatus.BOOKED
        )
    }
    if set(attended) - set(bookings):
        raise ActionRefused("Attendance is marked for visitors with a place on this session.")
    now = timezone.now()
    for booking_id, came in attended.items():
        booking = bookings[booking_id]
        if booking.attended is bool(came):
            continue
        booking.attended = bool(came)
        booking.attendance_marked_at = now
        booking.attendance_marked_by = by
        # One save each (at most the session's places), so the pages showing it are purged.
        booking.save(update_fields=["attended", "attendance_marked_at", "attendance_marked_by"])
    return sorted(bookings.values(), key=lambda booking: (booking.created_at, booking.pk))
