"""Introductions: the broker connects a network with another it could learn from.

Both networks' co-leaders are told why. Each side may accept (recorded here, with who and when);
ignoring it needs nothing. An introduction the learning network accepted counts as a link in the
spread of learning.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q

REASON_MAX_LENGTH = 1000


class Introduction(models.Model):
    learner = models.ForeignKey(
        "networks.NetworkPage",
        on_delete=models.CASCADE,
        related_name="introductions_to_learn",
        help_text="The network that could learn.",
    )
    source = models.ForeignKey(
        "networks.NetworkPage",
        on_delete=models.CASCADE,
        related_name="introductions_to_share",
        help_text="The network it could learn from.",
    )
    theme = models.ForeignKey(
        "networks.Theme", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(
        max_length=REASON_MAX_LENGTH, validators=[MaxLengthValidator(REASON_MAX_LENGTH)]
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)
    learner_accepted_at = models.DateTimeField(null=True, blank=True)
    learner_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source_accepted_at = models.DateTimeField(null=True, blank=True)
    source_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "source"], name="one_introduction_per_pair"),
            models.CheckConstraint(
                condition=~Q(learner=F("source")), name="introduction_between_two_networks"
            ),
        ]

    def __str__(self):
        return f"{self.learner} introduced to {self.source}"

    def side_of(self, network) -> str | None:
        """ "learner", "source" or None: which side of the introduction `network` is."""
        if network.pk == self.learner_id:
            return "learner"
        if network.pk == self.source_id:
            return "source"
        return None

    def accepted_by_side(self, side: str) -> bool:
        return getattr(self, f"{side}_accepted_at") is not None

    @property
    def learner_accepted(self) -> bool:
        return self.learner_accepted_at is not None

    @property
    def source_accepted(self) -> bool:
        return self.source_accepted_at is not None
