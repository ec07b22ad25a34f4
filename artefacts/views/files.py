"""An artefact's documents and images, served only to people who may read a version that holds
them, asked at every request (the same 404 as a missing file for everyone else).

Three doors lead to a file, and each asks artefacts.permissions.why_not_download_stored: the
artefact page's links (`document`, `image`), Wagtail's document address (/documents/…, through
artefacts.wagtail_hooks) and the file's storage address under MEDIA_URL (`stored`), which the
Wagtail admin's thumbnails use. Nothing serves MEDIA_ROOT directly: core.files sends the file
(X-Accel-Redirect behind the production proxy).
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.files import protected_file_response

from ..permissions import (
    artefact_or_404,
    is_readable_by_anyone,
    why_not_download,
    why_not_download_stored,
)
from ..selectors import stored_document, stored_file_at, stored_image
from ..uploads import DOCUMENT

PAGE_IMAGE_FILTER = "max-1200x1200"


def _is_public(stored) -> bool:
    """Some published public artefact shows it: anyone may have it (no query)."""
    return any(
        is_readable_by_anyone(link.artefact)
        and stored.file_id in link.artefact.resource_ids(stored.kind)
        for link in stored.links
    )


def send_stored(stored):
    """The file for someone who may have it. Only a public artefact's file may be kept by a
    shared cache, and even then it must ask again each time: access can be withdrawn."""
    if stored.kind == DOCUMENT:
        response = protected_file_response(
            stored.file,
            as_attachment=True,
            filename=stored.original_name or stored.file.name.rsplit("/", 1)[-1],
        )
    else:
        response = protected_file_response(stored.file)
    if _is_public(stored):
        patch_cache_control(response, no_cache=True)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def serve_stored_or_404(user, stored):
    if stored is None or (refusal := why_not_download_stored(user, stored)):
        raise Http404(refusal if stored else "No file found.")
    return send_stored(stored)


def document(request, artefact_id, document_id):
    """A document of an artefact, for people who may read a version that holds it."""
    artefact = artefact_or_404(request.user, artefact_id)
    if refusal := why_not_download(request.user, artefact, kind="document", file_id=document_id):
        raise Http404(refusal)
    document = get_object_or_404(get_document_model(), pk=document_id)
    return send_stored(stored_document(document))


def image(request, artefact_id, image_id):
    """An image of an artefact, resized, for people who may read a version that holds it."""
    artefact = artefact_or_404(request.user, artefact_id)
    if refusal := why_not_download(request.user, artefact, kind="image", file_id=image_id):
        raise Http404(refusal)
    image = get_object_or_404(get_image_model(), pk=image_id)
    rendition = image.get_rendition(PAGE_IMAGE_FILTER)
    return send_stored(stored_image(image, rendition.file))


def stored(request, path):
    """Any uploaded document, image or image rendition at its storage address (MEDIA_URL)."""
    return serve_stored_or_404(request.user, stored_file_at(path))
