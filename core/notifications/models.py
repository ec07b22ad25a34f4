from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models

# Generous bounds on text the site writes itself (Django enforces a TextField's max_length only in
# forms, so each field also carries the validator for model validation).
BODY_MAX_LENGTH = 100_000
ERROR_MAX_LENGTH = 2000


def subject_key(kind: str, pk) -> str:
    """The stable key of the thing a notification is about: "artefacts.moderation:42"."""
    return f"{kind}:{pk}"


class Notification(models.Model):
    """An in-app message for one person, shown in their notifications list until read.

    `subject` names the thing it is about (see `subject_key`), so that acting on that thing can
    mark it read (`services.mark_read_about`). Core knows nothing of what the keys mean.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=500, blank=True)
    subject = models.CharField(
        max_length=100,
        blank=True,
        help_text="What it is about, e.g. “artefacts.moderation:42”; blank for older ones.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["subject", "read_at"]),
        ]

    def __str__(self):
        return self.message

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class OutboundEmail(models.Model):
    """The e-mail outbox: a message is stored first and sent by a Celery worker after commit.

    Only a PENDING message is ever sent, and sending marks it SENT in the same transaction, so a
    task that runs twice sends once.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    to = models.EmailField()
    subject = models.CharField(max_length=300)
    body_text = models.TextField(
        max_length=BODY_MAX_LENGTH, validators=[MaxLengthValidator(BODY_MAX_LENGTH)]
    )
    headers = models.JSONField(
        default=dict, blank=True, help_text="Extra headers, e.g. List-Unsubscribe (RFC 8058)."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(
        blank=True, max_length=ERROR_MAX_LENGTH, validators=[MaxLengthValidator(ERROR_MAX_LENGTH)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.subject} → {self.to}"
