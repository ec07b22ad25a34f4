"""The peer team: two to four reviewers from other networks, one of them the lead, and the
conflicts people declare."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q

from .limits import REASON_MAX_LENGTH

MINIMUM_REVIEWERS = 2
MAXIMUM_REVIEWERS = 4


class ReviewerStatus(models.TextChoices):
    INVITED = "invited", "Invited"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


# The places that count towards the team and towards a person's yearly load.
HOLDING_STATUSES = (ReviewerStatus.INVITED, ReviewerStatus.ACCEPTED)


class ReviewerQuerySet(models.QuerySet):
    def holding(self):
        return self.filter(status__in=HOLDING_STATUSES)

    def accepted(self):
        return self.filter(status=ReviewerStatus.ACCEPTED)


class PeerReviewer(models.Model):
    cycle = models.ForeignKey(
        "peer_review.ReviewCycle", on_delete=models.CASCADE, related_name="reviewers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_review_places"
    )
    is_lead = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=ReviewerStatus.choices, default=ReviewerStatus.INVITED
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    invited_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(
        blank=True, max_length=REASON_MAX_LENGTH, validators=[MaxLengthValidator(REASON_MAX_LENGTH)]
    )
    replaces = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ratings_submitted_at = models.DateTimeField(
        null=True, blank=True, help_text="When the reviewer submitted their blind ratings."
    )

    objects = ReviewerQuerySet.as_manager()

    class Meta:
        ordering = ["cycle", "-is_lead", "invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "user"], name="one_place_per_reviewer"),
            models.UniqueConstraint(
                fields=["cycle"],
                condition=Q(is_lead=True, status__in=["invited", "accepted"]),
                name="one_lead_reviewer_per_cycle",
            ),
        ]

    def __str__(self):
        return f"{self.user} reviewing {self.cycle}"

    @property
    def has_submitted(self) -> bool:
        return self.ratings_submitted_at is not None


class DeclaredConflict(models.Model):
    """Someone says they should not review a network (a former post, a relative, a partner)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="declared_conflicts"
    )
    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="declared_conflicts"
    )
    reason = models.TextField(
        max_length=REASON_MAX_LENGTH, validators=[MaxLengthValidator(REASON_MAX_LENGTH)]
    )
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-declared_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="one_declared_conflict")
        ]

    def __str__(self):
        return f"{self.user} declares a conflict with {self.network}"
