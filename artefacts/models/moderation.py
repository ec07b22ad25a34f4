"""Where an artefact stands in moderation.

draft → submitted → (changes_requested → draft/submitted →) scheduled or published.

Only artefacts.services change it; every step also goes to Wagtail's audit log, which holds
the history (with the reviewers' comments) that the site shows.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models

from .choices import ModerationStatus

COMMENT_MAX_LENGTH = 5000


class ArtefactModeration(models.Model):
    artefact = models.OneToOneField(
        "artefacts.ArtefactPage", on_delete=models.CASCADE, related_name="moderation"
    )
    status = models.CharField(
        max_length=20,
        choices=ModerationStatus.choices,
        default=ModerationStatus.DRAFT,
        db_index=True,
    )
    submitted_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(
        blank=True,
        max_length=COMMENT_MAX_LENGTH,
        validators=[MaxLengthValidator(COMMENT_MAX_LENGTH)],
        help_text="The reviewer's latest request for changes.",
    )
    autosave_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The draft revision that autosaves overwrite, while it is the latest one: "
        "typing never piles up revisions.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "artefact moderation"

    def __str__(self):
        return f"{self.artefact}: {self.get_status_display()}"
