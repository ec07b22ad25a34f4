"""A network asks another for a visit; the hosts propose sessions or decline with a reason; the
asking network picks one, which becomes a confirmed visit for its named visitors."""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from .choices import OPEN_REQUEST_STATUSES, RequestStatus

MAX_VISITORS = 30


class VisitRequest(models.Model):
    from_network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="visit_requests_made"
    )
    to_network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="visit_requests_received"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    focus_question = models.CharField(max_length=500)
    hoping_to_learn = models.TextField(
        "what we hope to learn", max_length=3000, validators=[MaxLengthValidator(3000)]
    )
    preferred_weeks = models.CharField(
        max_length=300, help_text="For example: “w/c 12 or 19 April, not Fridays”."
    )
    visitors = models.PositiveSmallIntegerField(
        "number of visitors", validators=[MinValueValidator(1), MaxValueValidator(MAX_VISITORS)]
    )
    theme = models.ForeignKey(
        "networks.Theme", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING, db_index=True
    )
    decline_reason = models.TextField(
        blank=True, max_length=1000, validators=[MaxLengthValidator(1000)]
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_network=F("to_network")), name="visit_request_between_networks"
            )
        ]

    def __str__(self):
        return f"{self.from_network} asks {self.to_network}: {self.focus_question}"

    def get_absolute_url(self):
        return reverse("visits:request", kwargs={"request_id": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATUSES


class ProposedSlot(models.Model):
    """A session the hosts propose in answer to a request."""

    request = models.ForeignKey(VisitRequest, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    host_school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="proposed_slot_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.request_id}: {self.starts_at:%Y-%m-%d %H:%M} UTC"
