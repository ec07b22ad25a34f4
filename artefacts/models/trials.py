"""“We tried this”: a teacher's report that they tried an artefact, where, and how it went.

One per person per artefact (they may change it, or withdraw it: then it is deleted). Written
only by artefacts.services (record_trial, withdraw_trial, hide_trial); each shown one counts as
evidence that the artefact has spread beyond the network that wrote it.

A response that breaks the community's norms is hidden by a moderator, not deleted: it stays
with who hid it, when and why, and is shown and counted nowhere (`ArtefactTrial.objects.shown()`).
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q

from .choices import TrialOutcome

CONTEXT_MAX_LENGTH = 500
NOTE_MAX_LENGTH = 3000
# Short: the writer reads it in their notification (300 characters with the artefact's title).
HIDDEN_REASON_MAX_LENGTH = 200


class ArtefactTrialQuerySet(models.QuerySet):
    def shown(self):
        """The responses that show and count: every one a moderator has not hidden."""
        return self.filter(hidden_at__isnull=True)

    def hidden(self):
        """The responses a moderator hid: kept on record, shown to moderators only."""
        return self.filter(hidden_at__isnull=False)


class ArtefactTrial(models.Model):
    artefact = models.ForeignKey(
        "artefacts.ArtefactPage", on_delete=models.CASCADE, related_name="trials"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="artefact_trials"
    )
    network = models.ForeignKey(
        "networks.NetworkPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="artefact_trials",
        help_text="The network the person tried it with (none for someone in no network).",
    )
    school = models.ForeignKey(
        "schools.School",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The school the person represented in that network at the time.",
    )
    context = models.TextField(
        "where and with whom you tried it",
        max_length=CONTEXT_MAX_LENGTH,
        validators=[MaxLengthValidator(CONTEXT_MAX_LENGTH)],
        help_text="For example: “Two Year 4 classes in a small rural primary, over half a term.”",
    )
    outcome = models.CharField("how it went", max_length=16, choices=TrialOutcome.choices)
    note = models.TextField(
        "what happened",
        max_length=NOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(NOTE_MAX_LENGTH)],
        help_text="What you changed, what happened, and what you would tell the next school.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    hidden_at = models.DateTimeField(
        null=True, blank=True, help_text="When a moderator hid it (empty: it is shown)."
    )
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The co-leader, broker or admin who hid it.",
    )
    hidden_reason = models.CharField(
        "why it was hidden",
        max_length=HIDDEN_REASON_MAX_LENGTH,
        blank=True,
        help_text="Which of the community's norms it breaks. The person who wrote it is told.",
    )

    objects = ArtefactTrialQuerySet.as_manager()

    class Meta:
        verbose_name = "“we tried this” response"
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["artefact", "user"], name="one_trial_per_person"),
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True, hidden_reason="")
                | (Q(hidden_at__isnull=False) & ~Q(hidden_reason="")),
                name="a_hidden_trial_has_a_reason",
            ),
        ]
        indexes = [models.Index(fields=["artefact", "updated_at"])]

    def __str__(self):
        return f"{self.user} tried {self.artefact}: {self.get_outcome_display()}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None
