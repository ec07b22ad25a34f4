"""Who has been told that an adaptation of their artefact was published.

Written only by artefacts.services: when moderation publishes an adaptation, and after any other
publication (the Wagtail editor, Wagtail's scheduler) by a task. One row per adaptation and
person: the unique constraint is what makes publishing a new revision, or running the task
again, tell nobody twice.
"""

from django.conf import settings
from django.db import models


class AdaptationNotice(models.Model):
    adaptation = models.ForeignKey(
        "artefacts.ArtefactPage", on_delete=models.CASCADE, related_name="+"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="An author of the artefact it adapts, who may read the adaptation.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "adaptation notice"
        constraints = [
            models.UniqueConstraint(
                fields=["adaptation", "recipient"], name="one_adaptation_notice_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.recipient} told about {self.adaptation}"
