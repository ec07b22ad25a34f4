"""Two-key decisions: one co-leader proposes, a different co-leader confirms."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

DECISION_REASON_MAX_LENGTH = 1000


class DecisionKind(models.TextChoices):
    APPOINT_CO_LEADER = "appoint_co_leader", "Appoint a co-leader"
    STEP_DOWN_CO_LEADER = "step_down_co_leader", "A co-leader steps down"
    CLOSE_NETWORK = "close_network", "Close the network"


class DecisionStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a second co-leader"
    AWAITING_CONSENT = "awaiting_consent", "Awaiting the person's agreement"
    CONFIRMED = "confirmed", "Confirmed"
    DECLINED = "declined", "Declined by the person"
    WITHDRAWN = "withdrawn", "Withdrawn"
    EXPIRED = "expired", "Expired"


# Still open: a co-leader may withdraw it, and it expires when its date passes.
OPEN_STATUSES = (DecisionStatus.PENDING, DecisionStatus.AWAITING_CONSENT)


class Decision(models.Model):
    """A change to the co-leadership, or closing the network, awaiting its second key."""

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="decisions"
    )
    kind = models.CharField(max_length=30, choices=DecisionKind.choices)
    target = models.ForeignKey(
        "networks.Membership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="decisions",
        help_text="The membership whose co-leadership changes (none when closing).",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    status = models.CharField(
        max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.PENDING
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(
        blank=True,
        max_length=DECISION_REASON_MAX_LENGTH,
        validators=[MaxLengthValidator(DECISION_REASON_MAX_LENGTH)],
        help_text="Why the proposer proposes it, for the co-leaders and the person it is about.",
    )
    answer_reason = models.TextField(
        blank=True,
        max_length=DECISION_REASON_MAX_LENGTH,
        validators=[MaxLengthValidator(DECISION_REASON_MAX_LENGTH)],
        help_text="Why the person appointed declined, for the co-leaders.",
    )

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "kind", "target"],
                condition=Q(status__in=["pending", "awaiting_consent"], target__isnull=False),
                name="one_pending_decision_per_target",
            ),
            models.UniqueConstraint(
                fields=["network", "kind"],
                condition=Q(status="pending", target__isnull=True),
                name="one_pending_network_decision",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        return self.status == DecisionStatus.PENDING and self.expires_at > timezone.now()

    @property
    def is_awaiting_consent(self) -> bool:
        return self.status == DecisionStatus.AWAITING_CONSENT and self.expires_at > timezone.now()

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES and self.expires_at > timezone.now()

    def describe(self) -> str:
        if self.kind == DecisionKind.APPOINT_CO_LEADER and self.target_id:
            return f"Appoint {self.target.user.display_name} as a co-leader"
        if self.kind == DecisionKind.STEP_DOWN_CO_LEADER and self.target_id:
            return f"{self.target.user.display_name} steps down as a co-leader"
        return self.get_kind_display()
