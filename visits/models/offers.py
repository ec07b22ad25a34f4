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
from django.utils import timezone

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


# The one rule for what counts as a study visit: every offer but the private visits another app
# arranges through visits (a peer review's own visit), which no listing, statistic, feed or
# search shows. `prefix` applies it across a relation (e.g. "session__offer__").
def study_visit_rule(prefix: str = "") -> Q:
    return Q(**{f"{prefix}private": False})


class OfferQuerySet(models.QuerySet):
    def study_visits(self):
        """Offers that are study visits (listed, or arranged between two networks by request);
        never a private review visit."""
        return self.filter(study_visit_rule())

    def listed(self):
        """What /visits/, search and the home page may show (before who may read it and
        whether a session is still to come): published study visits not arranged by request."""
        return self.study_visits().filter(status__in=LISTED_STATUSES, from_request__isnull=True)

    def with_sessions_to_come(self, now, *, with_places: bool = False):
        """Offers with a scheduled session still to come (and a place left on it). Exact at
        any moment: the latest start only changes when a service changes a session."""
        if with_places:
            return self.filter(last_open_session_start__gt=now)
        return self.filter(last_session_start__gt=now)

    def stale_listing(self, now):
        """Offers whose soonest session (or soonest with a place) has started since their
        listing columns were worked out: what time alone changes."""
        return self.filter(Q(next_session_start__lte=now) | Q(next_open_session_start__lte=now))

    def refresh_listing(self, *, now=None, batch: int = 500) -> int:
        """Work out the listing columns of these offers again from their scheduled sessions and
        bookings, and save those that changed. Idempotent; returns how many offers changed."""
        return refresh_listing_columns(self, now=now, batch=batch)


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
    opened_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="When the offer first opened for booking (what digests call new).",
    )
    # The listing's columns, worked out from the scheduled sessions and their bookings by
    # `OfferQuerySet.refresh_listing` whenever a service changes them, so /visits/ filters and
    # sorts on the offer's own row. The "last" ones never go stale; a "next" one goes stale
    # when its session starts (the listing then works it out per offer; beat refreshes it).
    next_session_start = models.DateTimeField(null=True, blank=True, editable=False)
    last_session_start = models.DateTimeField(null=True, blank=True, editable=False)
    next_open_session_start = models.DateTimeField(null=True, blank=True, editable=False)
    last_open_session_start = models.DateTimeField(null=True, blank=True, editable=False)

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "visibility"]),
            models.Index(fields=["next_session_start", "id"], name="visitoffer_next_start"),
            models.Index(fields=["last_session_start"], name="visitoffer_last_start"),
            models.Index(fields=["last_open_session_start"], name="visitoffer_last_open_start"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Saving an offer never writes the listing's columns: only `refresh_listing_columns`
        does (an instance loaded before its sessions changed would otherwise put back stale
        values). The first save that opens it for booking records when it opened."""
        if self.pk and not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in LISTING_COLUMNS
            ]
        if self.opened_at is None and self.status in BOOKABLE_STATUSES:
            self.opened_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = [*kwargs["update_fields"], "opened_at"]
        super().save(*args, **kwargs)

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
    def is_study_visit(self) -> bool:
        """Not a private visit (see `study_visit_rule`)."""
        return not self.private

    @property
    def is_listed(self) -> bool:
        """Found on /visits/ (and, once indexed, by search): published and not arranged."""
        return self.status in LISTED_STATUSES and not self.from_request_id and self.is_study_visit

    @property
    def search_text(self) -> str:
        """The words a search document indexes."""
        return "\n".join(
            part for part in (self.summary, self.question, self.practical_info) if part
        )


class SessionQuerySet(models.QuerySet):
    def scheduled(self):
        return self.filter(status=SessionStatus.SCHEDULED)

    def of_study_visits(self):
        """Sessions of study visits (`OfferQuerySet.study_visits`)."""
        return self.filter(study_visit_rule("offer__"))

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


LISTING_COLUMNS = (
    "next_session_start",
    "last_session_start",
    "next_open_session_start",
    "last_open_session_start",
)


def listing_columns(sessions, places: int, now) -> dict:
    """The listing columns of an offer with `places` per session, from its scheduled sessions
    as (starts_at, booked) pairs."""
    starts = [starts_at for starts_at, _booked in sessions]
    open_starts = [starts_at for starts_at, booked in sessions if booked < places]
    return {
        "next_session_start": min((s for s in starts if s > now), default=None),
        "last_session_start": max(starts, default=None),
        "next_open_session_start": min((s for s in open_starts if s > now), default=None),
        "last_open_session_start": max(open_starts, default=None),
    }


def refresh_listing_columns(offers, *, now=None, batch: int = 500) -> int:
    now = now or timezone.now()
    changed = 0
    ids = list(offers.order_by().values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        chunk = list(
            VisitOffer.objects.filter(pk__in=ids[start : start + batch]).only(
                "pk", "places", *LISTING_COLUMNS
            )
        )
        sessions: dict[int, list] = {offer.pk: [] for offer in chunk}
        for offer_id, starts_at, booked in (
            VisitSession.objects.filter(offer_id__in=sessions, status=SessionStatus.SCHEDULED)
            .with_counts()
            .values_list("offer_id", "starts_at", "booked_count")
        ):
            sessions[offer_id].append((starts_at, booked))
        dirty = []
        for offer in chunk:
            columns = listing_columns(sessions[offer.pk], offer.places, now)
            if any(getattr(offer, name) != value for name, value in columns.items()):
                for name, value in columns.items():
                    setattr(offer, name, value)
                dirty.append(offer)
        if dirty:
            VisitOffer.objects.bulk_update(dirty, LISTING_COLUMNS)
        changed += len(dirty)
    return changed
