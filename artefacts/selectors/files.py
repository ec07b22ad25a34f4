"""Which document or image a stored file is, and the artefacts it belongs to: what the file views
need to ask artefacts.permissions.why_not_download_stored."""

from dataclasses import dataclass, field

from django.db.models import Q

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from ..models import ArtefactFile, PendingUpload
from ..uploads import DOCUMENT, IMAGE


@dataclass
class StoredFile:
    kind: str  # uploads.DOCUMENT or uploads.IMAGE
    file_id: int  # the document's or the image's id
    file: object  # the FieldFile to send: the document, the image or one of its renditions
    uploaded_by_id: int | None
    links: list = field(default_factory=list)  # its ArtefactFile rows, with their artefacts

    @property
    def original_name(self) -> str:
        """The name it was uploaded with, for a document (the stored name starts with a token)."""
        names = [link.original_name for link in self.links if link.original_name]
        return names[0] if names else ""


def _links(**match) -> list:
    return list(
        ArtefactFile.objects.filter(**match).select_related(
            "artefact", "artefact__network", "artefact__latest_revision"
        )
    )


def stored_document(document) -> StoredFile:
    """One query: the artefacts the document belongs to."""
    return StoredFile(
        kind=DOCUMENT,
        file_id=document.pk,
        file=document.file,
        uploaded_by_id=document.uploaded_by_user_id,
        links=_links(document=document),
    )


def stored_image(image, file=None) -> StoredFile:
    """One query. `file`: one of the image's renditions instead of the original."""
    return StoredFile(
        kind=IMAGE,
        file_id=image.pk,
        file=file or image.file,
        uploaded_by_id=image.uploaded_by_user_id,
        links=_links(image=image),
    )


def stored_file_at(path: str) -> StoredFile | None:
    """The document, image or image rendition stored at `path` (relative to MEDIA_ROOT), or
    None when it is none of them. Four queries at most."""
    document = get_document_model().objects.filter(file=path).first()
    if document is not None:
        return stored_document(document)
    image_model = get_image_model()
    image = image_model.objects.filter(file=path).first()
    if image is not None:
        return stored_image(image)
    rendition = (
        image_model.get_rendition_model().objects.filter(file=path).select_related("image").first()
    )
    if rendition is not None:
        return stored_image(rendition.image, rendition.file)
    return None


def pending_uploads(*, owner, artefact=None):
    """The files `owner` kept from a form with errors: for a new artefact's form (`artefact`
    None), those kept before its draft existed; for an artefact's, its own and those (its first
    form may have kept one before an autosave started the draft). A queryset: the form filters
    it by the ids it carries, in one query."""
    new_form = Q(artefact__isnull=True)
    return PendingUpload.objects.filter(
        Q(artefact=artefact) | new_form if artefact is not None else new_form, owner=owner
    )
