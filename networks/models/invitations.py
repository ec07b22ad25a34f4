"""Ways into a network: an invitation sent by a co-leader, or a teacher's request to join."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .membership import Role

MESSAGE_MAX_LENGTH = 2000
REASON_MAX_LENGTH = 2000


class InvitationStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    REVOKED = "revoked", "Revoked"
    EXPIRED = "expired", "Expired"


class Invitation(models.Model):
    """An e-mailed invitation to join a network with a role.

    Only a SHA-256 hash of the secret token is stored; the token itself travels in the e-mail.
    """

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(help_text="Stored in lower case.")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    school = models.ForeignKey(
        "schools.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The school the invitee will represent (none for a critical friend).",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="network_invitations_sent",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    status = models.CharField(
        max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_invitations_accepted",
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "email"],
                condition=Q(status="pending"),
                name="one_pending_invitation_per_address",
            )
        ]
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self):
        return f"Invitation for {self.email} to {self.network}"

    @property
    def is_pending(self) -> bool:
        return self.status == InvitationStatus.PENDING and not self.has_expired

    @property
    def has_expired(self) -> bool:
        return self.status == InvitationStatus.EXPIRED or (
            self.status == InvitationStatus.PENDING and self.expires_at <= timezone.now()
        )


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class JoinRequest(models.Model):
    """A signed-in teacher asks to join; a co-leader approves or declines with a reason."""

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_join_requests"
    )
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    message = models.TextField(
        blank=True,
        max_length=MESSAGE_MAX_LENGTH,
        validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)],
    )
    status = models.CharField(
        max_length=10, choices=JoinRequestStatus.choices, default=JoinRequestStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(
        blank=True,
        max_length=REASON_MAX_LENGTH,
        validators=[MaxLengthValidator(REASON_MAX_LENGTH)],
        help_text="Why the request was declined.",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "user"],
                condition=Q(status="pending"),
                name="one_pending_join_request_per_person",
            )
        ]

    def __str__(self):
        return f"{self.user} asks to join {self.network}"
