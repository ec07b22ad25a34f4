"""Blind peer ratings, the lead reviewer's consolidation, and the report."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models

from .limits import FINDING_MAX_LENGTH, RATIONALE_MAX_LENGTH, REPORT_SUMMARY_MAX_LENGTH


class PeerRating(models.Model):
    """One reviewer's level for one focus criterion, with the evidence they relied on. Written
    before the reviewer may see the network's self-assessment."""

    reviewer = models.ForeignKey(
        "peer_review.PeerReviewer", on_delete=models.CASCADE, related_name="ratings"
    )
    criterion = models.ForeignKey(
        "peer_review.Criterion", on_delete=models.CASCADE, related_name="+"
    )
    level = models.PositiveSmallIntegerField()
    evidence = models.TextField(
        max_length=RATIONALE_MAX_LENGTH, validators=[MaxLengthValidator(RATIONALE_MAX_LENGTH)]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["reviewer", "criterion"]
        constraints = [
            models.UniqueConstraint(
                fields=["reviewer", "criterion"], name="one_peer_rating_per_criterion"
            )
        ]

    def __str__(self):
        return f"Peer level {self.level} for {self.criterion}"


class PeerAssessment(models.Model):
    """The team's level for a focus criterion, consolidated by the lead reviewer."""

    cycle = models.ForeignKey(
        "peer_review.ReviewCycle", on_delete=models.CASCADE, related_name="peer_assessments"
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
                fields=["cycle", "criterion"], name="one_peer_assessment_per_criterion"
            )
        ]

    def __str__(self):
        return f"Peer-assessed level {self.level} for {self.criterion}"


class ReviewReport(models.Model):
    cycle = models.OneToOneField(
        "peer_review.ReviewCycle", on_delete=models.CASCADE, related_name="report"
    )
    summary = models.TextField(
        max_length=REPORT_SUMMARY_MAX_LENGTH,
        validators=[MaxLengthValidator(REPORT_SUMMARY_MAX_LENGTH)],
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    issued_at = models.DateTimeField(
        null=True, blank=True, help_text="When the lead reviewer issued it to the network."
    )

    def __str__(self):
        return f"Report on {self.cycle}"

    @property
    def is_issued(self) -> bool:
        return self.issued_at is not None


class ReportFinding(models.Model):
    report = models.ForeignKey(ReviewReport, on_delete=models.CASCADE, related_name="findings")
    criterion = models.ForeignKey(
        "peer_review.Criterion", on_delete=models.CASCADE, related_name="+"
    )
    strengths = models.TextField(
        max_length=FINDING_MAX_LENGTH, validators=[MaxLengthValidator(FINDING_MAX_LENGTH)]
    )
    areas_to_develop = models.TextField(
        max_length=FINDING_MAX_LENGTH, validators=[MaxLengthValidator(FINDING_MAX_LENGTH)]
    )
    evidence_seen = models.TextField(
        max_length=FINDING_MAX_LENGTH, validators=[MaxLengthValidator(FINDING_MAX_LENGTH)]
    )

    class Meta:
        ordering = ["report", "criterion"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "criterion"], name="one_finding_per_criterion"
            )
        ]

    def __str__(self):
        return f"Finding on {self.criterion}"
