"""An artefact's documents and images, served only to people who may read a version that holds
them (the same 404 as a missing file for everyone else)."""

import mimetypes

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from ..models import ArtefactFile
from ..permissions import artefact_or_404, is_readable_by_anyone, why_not_download


def _private_headers(response, artefact):
    response["X-Content-Type-Options"] = "nosniff"
    if not is_readable_by_anyone(artefact):
        response["Cache-Control"] = "private, no-store"
    return response


def document(request, artefact_id, document_id):
    """A document of an artefact, for people who may read a version that holds it."""
    artefact = artefact_or_404(request.user, artefact_id)
    if refusal := why_not_download(request.user, artefact, kind="document", file_id=document_id):
        raise Http404(refusal)
    document = get_object_or_404(get_document_model(), pk=document_id)
    link = ArtefactFile.objects.filter(artefact=artefact, document=document).first()
    name = (link.original_name if link else "") or document.filename
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
    )
    return _private_headers(response, artefact)


def image(request, artefact_id, image_id):
    """An image of an artefact, resized, for people who may read a version that holds it."""
    artefact = artefact_or_404(request.user, artefact_id)
    if refusal := why_not_download(request.user, artefact, kind="image", file_id=image_id):
        raise Http404(refusal)
    image = get_object_or_404(get_image_model(), pk=image_id)
    rendition = image.get_rendition("max-1200x1200")
    name = rendition.file.name
    response = FileResponse(
        rendition.file.open("rb"),
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
    )
    return _private_headers(response, artefact)
