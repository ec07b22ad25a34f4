"""Self-review: the evidence members gather, the levels they propose, and the network's own
consolidated self-assessment per focus criterion."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxLengthValidator
from django.db import models

from .limits import COMMENT_MAX_LENGTH, EVIDENCE_NOTE_MAX_LENGTH, RATIONALE_MAX_LENGTH


class PrivateStorage(FileSystemStorage):
    """Evidence files live outside MEDIA_ROOT (settings.PRIVATE_MEDIA_ROOT, by default beside
    it): nothing serves them but the permission-checked view in peer_review.views."""

    @property
    def base_location(self):
        return str(getattr(settings, "PRIVATE_MEDIA_ROOT", settings.MEDIA_ROOT.parent / "private"))

    @property
    def location(self):
        return os.path.abspath(self.base_location)


_storage = PrivateStorage()


def private_storage():
    return _storage


class EvidenceKind(models.TextChoices):
    ARTEFACT = "artefact", "An artefact"
    INDICATOR = "indicator", "An indicator chart"
    FILE = "file", "A file"
    LINK = "link", "A link"
    NOTE = "note", "A note"


class Evidence(models.Model):
    cycle = models.ForeignKey(
        "peer_review.ReviewCycle", on_delete=models.CASCADE, related_name="evidence"
    )
    criterion = models.ForeignKey(
        "peer_review.Criterion", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=EvidenceKind.choices)
    title = models.CharField(max_length=200)
    note = models.TextField(
        blank=True,
        max_length=EVIDENCE_NOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(EVIDENCE_NOTE_MAX_LENGTH)],
    )
    artefact = models.ForeignKey(
        "artefacts.ArtefactPage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    indicator = models.ForeignKey(
        "baselining.Indicator", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    file = models.FileField(upload_to="peer_review/%Y/%m", storage=private_storage, blank=True)
    url = models.URLField(blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cycle", "criterion", "added_at", "pk"]
        verbose_name_plural = "evidence"

    def __str__(self):
        return self.title


class ProposedLevel(models.Model):
    """A member's proposed level for a focus criterion: one each, changed until consolidated."""

    cycle = models.ForeignKey(
        "peer_review.ReviewCycle", on_delete=models.CASCADE, related_name="proposed_levels"
    )
    criterion = models.ForeignKey(
        "peer_review.Criterion", on_delete=models.CASCADE, related_name="+"
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField()
    comment = models.TextField(
        blank=True,
        max_length=COMMENT_MAX_LENGTH,
        validators=[MaxLengthValidator(COMMENT_MAX_LENGTH)],
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["cycle", "criterion", "updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "criterion", "by"], name="one_proposed_level_per_person"
            )
        ]

    def __str__(self):
        return f"Level {self.level} proposed for {self.criterion}"


class SelfAssessment(models.Model):
    """The network's consolidated self-rating for one focus criterion, by a co-leader."""

    cycle = models.ForeignKey(
        "peer_review.ReviewCycle", on_delete=models.CASCADE, related_name="self_assessments"
    )
    criterion = models.ForeignKey(
        "peer_review.Criterion", on_delete=models.CASCADE, related_name="+"
    )
    level = models.PositiveSmallIntegerField()
    rationale = models.TextField(
        max_length=RATIONALE_MAX_LENGTH, validators=[MaxLengthValidator(RATIONALE_MAX_LENGTH)]
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["cycle", "criterion"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "criterion"], name="one_self_assessment_per_criterion"
            )
        ]

    def __str__(self):
        return f"Self-assessed level {self.level} for {self.criterion}"
