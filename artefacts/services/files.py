"""An artefact's files: uploads stored as Wagtail documents and images, linked to the artefact
(so they are served only to its readers), and the resources list of a draft."""

import os
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename, slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .. import permissions
from ..errors import ActionRefused, NotAllowed
from ..models import ArtefactFile, PendingUpload
from ..uploads import IMAGE, CheckedUpload, check_upload

PENDING_UPLOAD_DAYS = 14


@dataclass
class ResourceChanges:
    """Resources to drop (by block id) and to add to a draft."""

    remove: frozenset = frozenset()
    uploads: list = field(default_factory=list)  # [(CheckedUpload, title)]
    pending: list = field(default_factory=list)  # [(PendingUpload, title)], of the person saving
    videos: list = field(default_factory=list)  # [(title, url)]


def _stored_name(upload: CheckedUpload) -> str:
    """The stored file name starts with a random token: media URLs cannot be guessed."""
    stem = slugify(os.path.splitext(upload.name)[0])[:60] or "file"
    return get_valid_filename(f"{secrets.token_hex(12)}-{stem}.{upload.extension}")


def store_upload(*, artefact, upload: CheckedUpload, title: str, by) -> dict:
    """Save a checked upload as a Wagtail document or image linked to the artefact.

    Returns the resources block (raw JSON) that shows it.
    """
    upload.file.seek(0)
    content = ContentFile(upload.file.read(), name=_stored_name(upload))
    title = (title or os.path.splitext(upload.name)[0])[:255]
    if upload.kind == IMAGE:
        image = get_image_model()(title=title, file=content, uploaded_by_user=by)
        image._set_image_file_metadata()
        image.save()
        ArtefactFile.objects.create(
            artefact=artefact, image=image, original_name=upload.name, uploaded_by=by
        )
        value = {"image": image.pk, "alt_text": title, "caption": ""}
        block_type = "image"
    else:
        document = get_document_model()(title=title, file=content, uploaded_by_user=by)
        document._set_document_file_metadata()
        document.save()
        ArtefactFile.objects.create(
            artefact=artefact, document=document, original_name=upload.name, uploaded_by=by
        )
        value = {"title": title, "document": document.pk, "description": ""}
        block_type = "document"
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def change_resources(page, *, changes: ResourceChanges | None, by) -> None:
    if changes is None:
        return
    raw = [dict(item) for item in page.resources.raw_data if item.get("id") not in changes.remove]
    for upload, title in changes.uploads:
        raw.append(store_upload(artefact=page, upload=upload, title=title, by=by))
    for pending, title in changes.pending:
        raw.append(_attach_pending(page, pending=pending, title=title, by=by))
    for title, url in changes.videos:
        raw.append(
            {"type": "video", "value": {"title": title, "url": url}, "id": str(uuid.uuid4())}
        )
    page.resources = raw


def _attach_pending(page, *, pending: PendingUpload, title: str, by) -> dict:
    if pending.owner_id != by.pk or pending.artefact_id not in (None, page.pk):
        raise NotAllowed("That file was chosen by someone else: choose it again.")
    try:
        with pending.file.open("rb") as stored:
            upload = check_upload(File(stored, name=pending.original_name))
            block = store_upload(artefact=page, upload=upload, title=title, by=by)
    except (ValidationError, OSError):
        raise ActionRefused(
            field_errors={
                "new_file": f"“{pending.original_name}” could not be kept: choose it again."
            }
        ) from None
    name, storage = pending.file.name, pending.file.storage
    pending.delete()
    transaction.on_commit(lambda: storage.delete(name))
    return block


@transaction.atomic
def keep_pending_upload(
    *, artefact, network, by, upload: CheckedUpload, title: str
) -> PendingUpload:
    """Keep a checked file from a form that came back with errors, for the person who chose
    it, so it is attached when they next save (`artefact` is None on a new artefact's form)."""
    if artefact is not None:
        if reason := permissions.why_not_edit_artefact(by, artefact):
            raise NotAllowed(reason)
    elif reason := permissions.why_not_create_artefact(by, network):
        raise NotAllowed(reason)
    upload.file.seek(0)
    return PendingUpload.objects.create(
        owner=by,
        artefact=artefact,
        file=ContentFile(upload.file.read(), name=_stored_name(upload)),
        original_name=upload.name[:255],
        title=(title or "")[:255],
        kind=upload.kind,
    )


@transaction.atomic
def purge_abandoned_uploads(*, now=None) -> int:
    """Drop kept files nobody came back for within PENDING_UPLOAD_DAYS (beat, daily; a form
    left for good keeps its file for nothing). Idempotent. Returns how many went."""
    cutoff = (now or timezone.now()) - timedelta(days=PENDING_UPLOAD_DAYS)
    doomed = list(PendingUpload.objects.filter(created_at__lt=cutoff))
    with transaction.atomic():
        PendingUpload.objects.filter(pk__in=[pending.pk for pending in doomed]).delete()
        for pending in doomed:
            name, storage = pending.file.name, pending.file.storage
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
    return len(doomed)


def discard_pending_uploads(*, by, pending_ids) -> int:
    """Drop files the person kept and then removed in the form. Returns how many went."""
    doomed = list(PendingUpload.objects.filter(owner=by, pk__in=list(pending_ids)))
    for pending in doomed:
        name, storage = pending.file.name, pending.file.storage
        pending.delete()
        transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
    return len(doomed)
