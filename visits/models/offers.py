"""A network's offer to host study visits, and the sessions (dates) it can be visited on.

Times are stored in UTC (USE_TZ) and shown in Europe/London, the site's TIME_ZONE. The host
network's co-leaders manage the offer collectively; every write goes through visits.services.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from core.visibility import Visibility

from .choices import (
    ACTIVE_BOOKING_STATUSES,
    BOOKABLE_STATUSES,
    LISTED_STATUSES,
    OfferStatus,
    SessionStatus,
)

MAX_PLACES = 200
# Who may read an offer: an offer exists to be found by other networks, so never one network only.
OFFER_VISIBILITY_CHOICES = [
    (Visibility.PUBLIC.value, Visibility.PUBLIC.label),
    (Visibility.MEMBERS.value, Visibility.MEMBERS.label),
]


class VisitOffer(models.Model):
    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="visit_offers"
    )
    title = models.CharField(max_length=200)
    summary = models.TextField(
        "what visitors will see",
        max_length=3000,
        validators=[MaxLengthValidator(3000)],
        help_text="The classrooms, practice and people visitors will meet.",
    )
    question = models.CharField(
        "the question it helps with",
        max_length=500,
        help_text="For example: “How do we make feedback something pupils act on?”",
    )
    theme = models.ForeignKey(
        "networks.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visit_offers",
    )
    artefacts = models.ManyToManyField(
        "artefacts.ArtefactPage",
        blank=True,
        related_name="visit_offers",
        help_text="Artefacts of the network that show the practice visitors will see.",
    )
    host_schools = models.ManyToManyField(
        "schools.School", related_name="visit_offers", help_text="Schools of the network."
    )
    places = models.PositiveSmallIntegerField(
        "places per session", validators=[MinValueValidator(1), MaxValueValidator(MAX_PLACES)]
    )
    waitlist = models.BooleanField(
        "keep a waitlist when full",
        default=True,
        help_text="When a place frees, the first person waiting gets it and is told.",
    )
    open_to_all_networks = models.BooleanField(
        "any network may book",
        default=True,
        help_text="Untick to let only the networks named below book.",
    )
    allowed_networks = models.ManyToManyField(
        "networks.NetworkPage", blank=True, related_name="visit_offers_open_to"
    )
    booking_deadline = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Bookings close then (and always when a session starts).",
    )
    practical_info = models.TextField(
        "practical information",
        blank=True,
        max_length=3000,
        validators=[MaxLengthValidator(3000)],
        help_text="Arrival, parking, safeguarding, what to bring.",
    )
    access_info = models.TextField(
        "access information",
        blank=True,
        max_length=3000,
        validators=[MaxLengthValidator(3000)],
        help_text="Step-free access, hearing loops, quiet rooms, who to ask.",
    )
    visibility = models.CharField(
        max_length=10,
        choices=OFFER_VISIBILITY_CHOICES,
        default=Visibility.PUBLIC,
        help_text="Who may see the offer (only people in a network may book).",
    )
    status = models.CharField(
        max_length=10, choices=OfferStatus.choices, default=OfferStatus.DRAFT, db_index=True
    )
    from_request = models.OneToOneField(
        "visits.VisitRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="arranged_offer",
        help_text="The request this visit was arranged for (not listed on /visits/).",
    )
    private = models.BooleanField(
        default=False,
        help_text="A visit arranged by another app (a peer review's visit): never listed or "
        "bookable, seen only by the host network and its named visitors.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "visibility"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("visits:offer", kwargs={"offer_id": self.pk})

    def get_url(self, request=None):
        """The offer's page (the name search documents and Wagtail pages use)."""
        return self.get_absolute_url()

    @property
    def is_bookable_status(self) -> bool:
        return self.status in BOOKABLE_STATUSES

    @property
    def is_arranged(self) -> bool:
        return self.from_request_id is not None

    def host_regions(self) -> list[str]:
        """The regions of its host schools (for a search document's facet; prefetch
        "host_schools" for many offers)."""
        return sorted({school.region for school in self.host_schools.all() if school.region})

    def host_phases(self) -> list[str]:
        return sorted({school.phase for school in self.host_schools.all() if school.phase})

    @property
    def is_listed(self) -> bool:
        """Found on /visits/ (and, once indexed, by search): published and not arranged."""
        return self.status in LISTED_STATUSES and not self.from_request_id and not self.private

    @property
    def search_text(self) -> str:
        """The words a search document indexes."""
        return "\n".join(
            part for part in (self.summary, self.question, self.practical_info) if part
        )


class SessionQuerySet(models.QuerySet):
    def scheduled(self):
        return self.filter(status=SessionStatus.SCHEDULED)

    def with_counts(self):
        """Each session with `booked_count` and `waiting_count`, in the same query."""
        return self.annotate(
            booked_count=models.Count("bookings", filter=Q(bookings__status="booked")),
            waiting_count=models.Count("bookings", filter=Q(bookings__status="waitlisted")),
        )


class VisitSession(models.Model):
    """One date of an offer: a start and an end (a visit may run over several days)."""

    offer = models.ForeignKey(VisitOffer, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    host_school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(
        default=0, help_text="Raised on every change calendars must pick up (iCalendar SEQUENCE)."
    )
    host_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The person from the host network who leads the visit.",
    )
    cancelled_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="visit_session_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.offer} ({self.starts_at:%Y-%m-%d %H:%M} UTC)"

    def get_absolute_url(self):
        return reverse("visits:session", kwargs={"session_id": self.pk})

    @property
    def is_cancelled(self) -> bool:
        return self.status == SessionStatus.CANCELLED

    def active_bookings(self):
        return self.bookings.filter(status__in=ACTIVE_BOOKING_STATUSES)
