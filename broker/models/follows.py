"""Following networks, themes and collections; the weekly digest and what has been sent.

A follow points at exactly one thing (`FOLLOW_TARGETS`). `FollowNotice` remembers what a person
has been told in the app about something they follow (one row per person and thing), so that a
task running twice tells nobody twice; `DigestSent` is one row per person per week, so the
digest goes once a week even if beat fires twice.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .collections import exactly_one_of

FOLLOW_TARGETS = ("network", "theme", "collection")


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    network = models.ForeignKey(
        "networks.NetworkPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followers",
    )
    theme = models.ForeignKey(
        "networks.Theme", on_delete=models.CASCADE, null=True, blank=True, related_name="followers"
    )
    collection = models.ForeignKey(
        "broker.Collection",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followers",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of(FOLLOW_TARGETS), name="follow_has_one_target"
            ),
            *(
                models.UniqueConstraint(
                    fields=["user", target],
                    condition=Q(**{f"{target}__isnull": False}),
                    name=f"one_follow_per_person_and_{target}",
                )
                for target in FOLLOW_TARGETS
            ),
        ]

    def __str__(self):
        return f"{self.user} follows {self.target}"

    @property
    def kind(self) -> str:
        return next(name for name in FOLLOW_TARGETS if getattr(self, f"{name}_id"))

    @property
    def target(self):
        return getattr(self, self.kind)


class DigestPreference(models.Model):
    """How a person wants to hear about what they follow (no row: both on)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_preference"
    )
    weekly_digest = models.BooleanField(
        "weekly digest by e-mail",
        default=True,
        help_text="On Monday mornings: what is new in what you follow.",
    )
    in_app = models.BooleanField(
        "notifications in the app",
        default=True,
        help_text="As soon as something you follow has something new.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Digest preferences of {self.user}"


class DigestSent(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests_sent"
    )
    week = models.DateField(help_text="The Monday of the week it was for.")
    sent_at = models.DateTimeField(auto_now_add=True)
    items = models.PositiveIntegerField(default=0, help_text="0: nothing new, nothing sent.")

    class Meta:
        ordering = ["-week", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "week"], name="one_digest_per_person_per_week")
        ]

    def __str__(self):
        return f"Digest for {self.user}, week of {self.week}"


class FollowNotice(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=60, help_text="What they were told about, e.g. artefact:12.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="one_follow_notice_per_thing")
        ]

    def __str__(self):
        return f"{self.user} told about {self.key}"
