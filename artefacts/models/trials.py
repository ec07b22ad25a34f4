"""“We tried this”: a teacher's report that they tried an artefact, where, and how it went.

One per person per artefact (they may change it). Written only by artefacts.services.record_trial;
each one counts as evidence that the artefact has spread beyond the network that wrote it.
"""

from django.conf import settings
from django.db import models

from .choices import TrialOutcome

CONTEXT_MAX_LENGTH = 500
NOTE_MAX_LENGTH = 3000


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
        help_text="For example: “Two Year 4 classes in a small rural primary, over half a term.”",
    )
    outcome = models.CharField("how it went", max_length=16, choices=TrialOutcome.choices)
    note = models.TextField(
        "what happened",
        max_length=NOTE_MAX_LENGTH,
        help_text="What you changed, what happened, and what you would tell the next school.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "“we tried this” response"
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["artefact", "user"], name="one_trial_per_person"),
        ]
        indexes = [models.Index(fields=["artefact", "updated_at"])]

    def __str__(self):
        return f"{self.user} tried {self.artefact}: {self.get_outcome_display()}"
