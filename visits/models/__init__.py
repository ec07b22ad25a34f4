from .bookings import Booking
from .calendars import CalendarFeed, ReminderSent
from .choices import (
    ACTIVE_BOOKING_STATUSES,
    BOOKABLE_STATUSES,
    LISTED_STATUSES,
    OPEN_REQUEST_STATUSES,
    BookingStatus,
    OfferStatus,
    ReminderKind,
    RequestStatus,
    SessionStatus,
    Usefulness,
    VisitorRole,
)
from .offers import MAX_PLACES, VisitOffer, VisitSession, study_visit_rule
from .protocol import FocusQuestion, Reflection, VisitReport
from .requests import MAX_VISITORS, ProposedSlot, VisitRequest

__all__ = [
    "ACTIVE_BOOKING_STATUSES",
    "BOOKABLE_STATUSES",
    "LISTED_STATUSES",
    "MAX_PLACES",
    "MAX_VISITORS",
    "OPEN_REQUEST_STATUSES",
    "Booking",
    "BookingStatus",
    "CalendarFeed",
    "FocusQuestion",
    "OfferStatus",
    "ProposedSlot",
    "Reflection",
    "ReminderKind",
    "ReminderSent",
    "RequestStatus",
    "SessionStatus",
    "Usefulness",
    "VisitOffer",
    "VisitReport",
    "VisitRequest",
    "VisitSession",
    "VisitorRole",
    "study_visit_rule",
]
