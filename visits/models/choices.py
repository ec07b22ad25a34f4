"""The fixed choices a study visit is described with."""

from django.db import models


class OfferStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open for booking"
    FULL = "full", "Full"
    CLOSED = "closed", "Closed to booking"
    CANCELLED = "cancelled", "Cancelled"
    COMPLETED = "completed", "Completed"


# Offers that people outside the host network see and may still book (FULL: on the waitlist).
BOOKABLE_STATUSES = (OfferStatus.OPEN, OfferStatus.FULL)
LISTED_STATUSES = (OfferStatus.OPEN, OfferStatus.FULL)


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class BookingStatus(models.TextChoices):
    BOOKED = "booked", "Booked"
    WAITLISTED = "waitlisted", "On the waitlist"
    CANCELLED = "cancelled", "Cancelled"


ACTIVE_BOOKING_STATUSES = (BookingStatus.BOOKED, BookingStatus.WAITLISTED)


class VisitorRole(models.TextChoices):
    """What each person does during the visit (the host lead is named on the session)."""

    VISITOR = "visitor", "Visitor"
    OBSERVER = "observer", "Observer"
    NOTE_TAKER = "note_taker", "Note-taker"


class RequestStatus(models.TextChoices):
    PENDING = "pending", "Waiting for the hosts"
    PROPOSED = "proposed", "Sessions proposed"
    DECLINED = "declined", "Declined"
    CONFIRMED = "confirmed", "Confirmed"
    WITHDRAWN = "withdrawn", "Withdrawn"


OPEN_REQUEST_STATUSES = (RequestStatus.PENDING, RequestStatus.PROPOSED)


class ReminderKind(models.TextChoices):
    WEEK_BEFORE = "week_before", "A week before"
    DAY_BEFORE = "day_before", "A day before"
    REFLECTION = "reflection", "Reflection nudge"


class Usefulness(models.IntegerChoices):
    NOT_USEFUL = 1, "1 – Not useful"
    A_LITTLE = 2, "2 – A little useful"
    USEFUL = 3, "3 – Useful"
    VERY_USEFUL = 4, "4 – Very useful"
    TRANSFORMATIVE = 5, "5 – It changed what we do"
