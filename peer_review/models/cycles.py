"""A network's review cycle: its phases, deadlines and the review visit.

planning → self-review → peer review → report → response and action plan → follow-up → closed.
Only `peer_review.services` move a cycle on; each move is in Wagtail's audit log.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .limits import FOLLOW_UP_MAX_LENGTH, PURPOSE_MAX_LENGTH, REASON_MAX_LENGTH


class Phase(models.TextChoices):
    PLANNING = "planning", "Planning"
    SELF_REVIEW = "self_review", "Self-review"
    PEER_REVIEW = "peer_review", "Peer review"
    REPORT = "report", "Report"
    RESPONSE = "response", "Response and action plan"
    FOLLOW_UP = "follow_up", "Follow-up"
    CLOSED = "closed", "Closed"


PHASE_ORDER = list(Phase.values)
# Phases with a deadline: every phase but the last.
DEADLINE_PHASES = PHASE_ORDER[:-1]


def next_phase(phase: str) -> str | None:
    position = PHASE_ORDER.index(phase)
    return PHASE_ORDER[position + 1] if position + 1 < len(PHASE_ORDER) else None


class CycleQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(phase=Phase.CLOSED)


class ReviewCycle(models.Model):
    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="review_cycles"
    )
    number = models.PositiveSmallIntegerField(help_text="The network's first, second… cycle.")
    framework_version = models.ForeignKey(
        "peer_review.FrameworkVersion", on_delete=models.PROTECT, related_name="cycles"
    )
    focus_criteria = models.ManyToManyField("peer_review.Criterion", related_name="focus_of_cycles")
    phase = models.CharField(
        max_length=20, choices=Phase.choices, default=Phase.PLANNING, db_index=True
    )
    purpose = models.TextField(
        blank=True,
        help_text="What the network wants to learn from this review.",
        max_length=PURPOSE_MAX_LENGTH,
        validators=[MaxLengthValidator(PURPOSE_MAX_LENGTH)],
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    phase_started_at = models.DateTimeField(default=timezone.now)
    # The review visit: a private visit in visits/ (its page, calendar file and reminders come
    # from there), arranged only by services.visit.schedule_review_visit; its dates are kept
    # here too, for the cycle page and the phase checks.
    review_visit = models.OneToOneField(
        "visits.VisitSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_cycle",
    )
    review_visit_starts_at = models.DateTimeField(null=True, blank=True)
    review_visit_ends_at = models.DateTimeField(null=True, blank=True)
    review_visit_host_school = models.ForeignKey(
        "schools.School", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    follow_up_summary = models.TextField(
        blank=True,
        max_length=FOLLOW_UP_MAX_LENGTH,
        validators=[MaxLengthValidator(FOLLOW_UP_MAX_LENGTH)],
    )
    learning_artefact = models.ForeignKey(
        "artefacts.ArtefactPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = CycleQuerySet.as_manager()

    class Meta:
        ordering = ["network", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["network", "number"], name="one_cycle_per_number"),
            models.UniqueConstraint(
                fields=["network"],
                condition=~Q(phase="closed"),
                name="one_open_cycle_per_network",
            ),
        ]

    def __str__(self):
        return f"Review cycle {self.number} of {self.network.title}"

    def get_absolute_url(self):
        return reverse("peer_review:cycle", kwargs={"cycle_id": self.pk})

    @property
    def is_closed(self) -> bool:
        return self.phase == Phase.CLOSED

    @property
    def phase_position(self) -> int:
        return PHASE_ORDER.index(self.phase)

    def reached(self, phase: str) -> bool:
        return self.phase_position >= PHASE_ORDER.index(phase)

    @property
    def next_phase(self) -> str | None:
        return next_phase(self.phase)

    @property
    def visit_scheduled(self) -> bool:
        return self.review_visit_starts_at is not None


class PhaseDeadline(models.Model):
    cycle = models.ForeignKey(ReviewCycle, on_delete=models.CASCADE, related_name="deadlines")
    phase = models.CharField(max_length=20, choices=Phase.choices)
    due_on = models.DateField()
    original_due_on = models.DateField()

    class Meta:
        ordering = ["cycle", "due_on"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "phase"], name="one_deadline_per_phase")
        ]

    def __str__(self):
        return f"{self.get_phase_display()} due {self.due_on:%d %b %Y}"

    @property
    def was_extended(self) -> bool:
        return self.due_on != self.original_due_on


class DeadlineExtension(models.Model):
    deadline = models.ForeignKey(PhaseDeadline, on_delete=models.CASCADE, related_name="extensions")
    from_date = models.DateField()
    to_date = models.DateField()
    reason = models.TextField(
        max_length=REASON_MAX_LENGTH, validators=[MaxLengthValidator(REASON_MAX_LENGTH)]
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["deadline", "at"]

    def __str__(self):
        return f"Extended from {self.from_date} to {self.to_date}"
