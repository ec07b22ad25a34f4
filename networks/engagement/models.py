from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone


class ActivityKind(models.TextChoices):
    CONTRIBUTED = "contributed", "Contributed"
    REVIEWED = "reviewed", "Reviewed"
    ATTENDED = "attended", "Attended"
    JOINED = "joined", "Joined"
    TRIED = "tried", "Tried an artefact"


class Activity(models.Model):
    """Something one person did in a network, recorded by the service that did it: one of the
    activity sources engagement counts (sources.py; joining, attending a study visit and taking
    part in a review cycle are read from their own records instead).

    Written only by `engagement.services.record_activity`. When the activity comes from an
    object (an observation, a review, a study visit) that object is the source, and the same
    person cannot be counted twice for the same kind of thing on the same source.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_activities"
    )
    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="activities"
    )
    school = models.ForeignKey(
        "schools.School",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        help_text="The school the person represented at the time (none for a critical friend).",
    )
    kind = models.CharField(max_length=20, choices=ActivityKind.choices)
    occurred_at = models.DateTimeField(default=timezone.now)
    source_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at"]
        verbose_name_plural = "activities"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "source_type", "source_id", "user"],
                condition=Q(source_type__isnull=False),
                name="one_activity_per_person_kind_and_source",
            ),
            models.CheckConstraint(
                condition=Q(source_type__isnull=True, source_id__isnull=True)
                | Q(source_type__isnull=False, source_id__isnull=False),
                name="activity_source_type_and_id_together",
            ),
        ]
        indexes = [
            models.Index(fields=["network", "occurred_at"]),
            models.Index(fields=["network", "school", "occurred_at"]),
        ]

    def __str__(self):
        return f"{self.user} {self.get_kind_display().lower()} in {self.network} on {self.occurred_at:%d %b %Y}"
