"""A person's place on a session, or their place in its waitlist.

Booked and waitlisted rows count; a cancelled row stays as history. Capacity is enforced by
visits.services.book_place, which locks the session row and counts inside the transaction.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .choices import ACTIVE_BOOKING_STATUSES, BookingStatus, VisitorRole
from .offers import study_visit_rule


class BookingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_BOOKING_STATUSES)

    def booked(self):
        return self.filter(status=BookingStatus.BOOKED)

    def waitlisted(self):
        return self.filter(status=BookingStatus.WAITLISTED)

    def of_study_visits(self):
        """Places on study visits (`OfferQuerySet.study_visits`), not on private visits."""
        return self.filter(study_visit_rule("session__offer__"))


class Booking(models.Model):
    session = models.ForeignKey(
        "visits.VisitSession", on_delete=models.CASCADE, related_name="bookings"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="visit_bookings"
    )
    network = models.ForeignKey(
        "networks.NetworkPage",
        on_delete=models.CASCADE,
        related_name="visit_bookings",
        help_text="The network the person visits for.",
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=BookingStatus.choices, db_index=True)
    role = models.CharField(max_length=12, choices=VisitorRole.choices, default=VisitorRole.VISITOR)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(
        null=True,
        blank=True,
        help_text="Marked by the host network's co-leaders once the session has started: "
        "empty until they do.",
    )
    attendance_marked_at = models.DateTimeField(null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=Q(status__in=["booked", "waitlisted"]),
                name="one_active_booking_per_person_and_session",
            )
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"])]

    def __str__(self):
        return f"{self.person} – {self.get_status_display()} – {self.session}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_BOOKING_STATUSES
