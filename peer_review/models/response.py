"""The network's response: two co-leaders acknowledge the report, then act on it."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models

from .limits import ACTION_MAX_LENGTH, COMMENT_MAX_LENGTH, PROGRESS_NOTE_MAX_LENGTH


class Acknowledgement(models.Model):
    cycle = models.ForeignKey(
        "peer_review.ReviewCycle", on_delete=models.CASCADE, related_name="acknowledgements"
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    comment = models.TextField(
        blank=True,
        max_length=COMMENT_MAX_LENGTH,
        validators=[MaxLengthValidator(COMMENT_MAX_LENGTH)],
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cycle", "at"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "by"], name="one_acknowledgement_per_person")
        ]

    def __str__(self):
        return f"{self.by} acknowledged the report"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    UNDER_WAY = "under_way", "Under way"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped, with a reason"


class Action(models.Model):
    cycle = models.ForeignKey(
        "peer_review.ReviewCycle", on_delete=models.CASCADE, related_name="actions"
    )
    criterion = models.ForeignKey(
        "peer_review.Criterion", on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(
        max_length=ACTION_MAX_LENGTH, validators=[MaxLengthValidator(ACTION_MAX_LENGTH)]
    )
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    status = models.CharField(
        max_length=12, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cycle", "due_on", "pk"]

    def __str__(self):
        return self.description[:80]


class ActionUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(max_length=12, choices=ActionStatus.choices)
    note = models.TextField(
        max_length=PROGRESS_NOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(PROGRESS_NOTE_MAX_LENGTH)],
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["action", "at", "pk"]

    def __str__(self):
        return f"{self.get_status_display()}: {self.note[:60]}"


class ReminderKind(models.TextChoices):
    WEEK_BEFORE = "week_before", "7 days before"
    DAY_BEFORE = "day_before", "1 day before"
    MISSED = "missed", "On the day it was missed"
    ESCALATED = "escalated", "14 days overdue, to the broker"


class ReminderSent(models.Model):
    """One reminder sent: the unique row is what makes each reminder go once. The due date is
    part of it, so an extended deadline earns its reminders again."""

    cycle = models.ForeignKey(
        "peer_review.ReviewCycle", on_delete=models.CASCADE, related_name="reminders_sent"
    )
    phase = models.CharField(max_length=20)
    due_on = models.DateField()
    kind = models.CharField(max_length=12, choices=ReminderKind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "phase", "due_on", "kind", "recipient"],
                name="one_reminder_per_step",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} reminder to {self.recipient}"
