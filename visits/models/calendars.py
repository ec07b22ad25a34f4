"""Personal calendar feeds and the record of reminders sent."""

from django.conf import settings
from django.db import models

from .choices import ReminderKind


class CalendarFeed(models.Model):
    """A person's secret feed address. The token is kept (not only its hash) because the person
    copies the address into their calendar again from their account page; it reveals only their
    visit dates, and regenerating it makes the old address answer 404."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="visit_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Calendar feed of {self.user}"


class ReminderSent(models.Model):
    """One reminder of one kind to one person for one session: the unique row that makes a
    reminder go once however often beat fires."""

    session = models.ForeignKey(
        "visits.VisitSession", on_delete=models.CASCADE, related_name="reminders_sent"
    )
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person", "kind"], name="one_reminder_per_person_session_kind"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.person} for {self.session}"
