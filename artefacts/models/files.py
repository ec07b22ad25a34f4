"""Which artefact an uploaded document or image belongs to.

The link is written when the file is uploaded (in the site or, through a hook, in the Wagtail
admin), before any revision that uses it is published, so a file in a draft is as protected as
one on a published page. Documents and images with a link are served only to people who may
read a version of the artefact that holds them, at every request (artefacts.permissions
.why_not_download_stored); one with no link only to the person who uploaded it and admins.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class ArtefactFile(models.Model):
    artefact = models.ForeignKey(
        "artefacts.ArtefactPage", on_delete=models.CASCADE, related_name="files"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="artefact_links",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="artefact_links",
    )
    original_name = models.CharField(max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(document__isnull=False, image__isnull=True)
                | Q(document__isnull=True, image__isnull=False),
                name="artefact_file_is_document_or_image",
            ),
            models.UniqueConstraint(
                fields=["artefact", "document"], name="one_link_per_artefact_document"
            ),
            models.UniqueConstraint(
                fields=["artefact", "image"], name="one_link_per_artefact_image"
            ),
        ]

    def __str__(self):
        return self.original_name or str(self.document or self.image)


def pending_upload_path(instance, filename: str) -> str:
    return f"artefacts/pending/{filename}"


class PendingUpload(models.Model):
    """A file someone chose in the artefact form that came back with an error: kept (in
    MEDIA_ROOT, which nothing serves) so they need not choose it again, and attached to the
    artefact when the form is next saved. Only the person who chose it sees or uses it.
    `artefact` is empty while the draft is not yet saved (the first form of a new artefact)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_uploads"
    )
    artefact = models.ForeignKey(
        "artefacts.ArtefactPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pending_uploads",
    )
    file = models.FileField(upload_to=pending_upload_path, max_length=255)
    original_name = models.CharField(max_length=255)
    title = models.CharField(max_length=255, blank=True)
    kind = models.CharField(max_length=10)  # artefacts.uploads.DOCUMENT or IMAGE
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.original_name
