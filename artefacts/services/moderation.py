"""Moderation: draft → submitted → changes requested → (revised) → submitted → published, or
scheduled and then published by `publish_due_artefacts` (run by Celery beat).

A co-leader of the artefact's network who is not one of its authors reviews it
(artefacts.permissions.why_not_approve); its authors and co-leaders are told each step.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from core.errors import refuse_invalid_fields

from .. import permissions
from ..errors import ActionRefused, IncompleteArtefact, NotAllowed
from ..models import ArtefactModeration, ModerationStatus
from .adaptation import tell_original_authors
from .common import (
    APPROVED,
    CHANGES_REQUESTED,
    SCHEDULED,
    SUBMITTED,
    audit,
    author_users,
    co_leader_users,
    count_activity,
    lock,
    moderation_record,
    settle_notifications,
    tell,
)


@transaction.atomic
def submit_artefact(*, artefact, by) -> ArtefactModeration:
    """An author sends the latest draft to the network's co-leaders for review. Raises
    IncompleteArtefact, listing what is missing, while the draft lacks anything
    ArtefactPage.missing_for_submission asks for."""
    locked = lock(artefact)
    moderation = moderation_record(locked)
    if reason := permissions.why_not_submit(by, locked, moderation):
        raise NotAllowed(reason)
    if not locked.latest_revision_id:
        raise ActionRefused("Save the artefact before submitting it.")
    if missing := locked.get_latest_revision_as_object().missing_for_submission():
        raise IncompleteArtefact(missing)
    moderation.status = ModerationStatus.SUBMITTED
    moderation.submitted_revision_id = locked.latest_revision_id
    moderation.submitted_by = by
    moderation.submitted_at = timezone.now()
    moderation.save()
    audit(locked, SUBMITTED, by=by, revision=moderation.submitted_revision)
    title = locked.draft_title or locked.title
    settle_notifications(locked)
    tell(
        co_leader_users(locked.network) + author_users(locked),
        by=by,
        artefact=locked,
        message=f"{by.display_name} submitted “{title}” for review by a co-leader of "
        f"{locked.network.title}.",
    )
    return moderation


@transaction.atomic
def request_changes(*, artefact, by, comment: str) -> ArtefactModeration:
    """A co-leader who is not an author sends it back, saying what to change."""
    comment = (comment or "").strip()
    if not comment:
        raise ActionRefused("Say what needs to change, so the authors know what to do.")
    refuse_invalid_fields(ArtefactModeration, comment=comment)
    locked = lock(artefact)
    moderation = moderation_record(locked)
    if reason := permissions.why_not_request_changes(by, locked, moderation):
        raise NotAllowed(reason)
    moderation.status = ModerationStatus.CHANGES_REQUESTED
    moderation.decided_by = by
    moderation.decided_at = timezone.now()
    moderation.comment = comment
    moderation.save()
    audit(locked, CHANGES_REQUESTED, by=by, revision=moderation.submitted_revision, comment=comment)
    count_activity(locked, reviewer=by)
    title = locked.draft_title or locked.title
    settle_notifications(locked)
    tell(
        author_users(locked) + co_leader_users(locked.network),
        by=by,
        artefact=locked,
        message=f"{by.display_name} asked for changes to “{title}”.",
        comment=comment,
    )
    return moderation


@transaction.atomic
def approve_artefact(*, artefact, by, go_live_at: datetime | None = None) -> ArtefactModeration:
    """A co-leader who is not an author approves the submitted version: published now, or at
    `go_live_at` when that is in the future."""
    locked = lock(artefact)
    moderation = moderation_record(locked)
    if reason := permissions.why_not_approve(by, locked, moderation):
        raise NotAllowed(reason)
    if locked.latest_revision_id != moderation.submitted_revision_id:
        raise ActionRefused(
            "The artefact changed after it was submitted: its authors must submit it again."
        )
    now = timezone.now()
    scheduled = go_live_at is not None and go_live_at > now
    revision = moderation.submitted_revision
    page = revision.as_object()
    if scheduled or page.go_live_at:
        # The publication date is part of the content: approve a copy of the submitted
        # version that carries it.
        page.go_live_at = go_live_at if scheduled else None
        revision = page.save_revision(user=by, clean=False)
    revision.publish(user=by, skip_permission_checks=True)
    moderation.status = ModerationStatus.SCHEDULED if scheduled else ModerationStatus.PUBLISHED
    moderation.submitted_revision = revision
    moderation.decided_by = by
    moderation.decided_at = now
    moderation.comment = ""
    moderation.save()
    title = page.title
    if scheduled:
        when = timezone.localtime(go_live_at).strftime("%-d %B %Y at %H:%M")
        audit(locked, SCHEDULED, by=by, revision=revision, go_live_at=go_live_at.isoformat())
        message = f"{by.display_name} approved “{title}”: it will be published on {when}."
    else:
        audit(locked, APPROVED, by=by, revision=revision)
        message = f"{by.display_name} approved and published “{title}”."
    authors = author_users(locked)
    count_activity(locked, reviewer=by, authors=authors)
    settle_notifications(locked)
    tell(authors + co_leader_users(locked.network), by=by, artefact=locked, message=message)
    if not scheduled:
        tell_original_authors(locked, by=by)
    return moderation


def publish_due_artefacts() -> int:
    """Publish approved artefacts whose time has come. Safe to run any number of times."""
    now = timezone.now()
    published = 0
    # Due, or already published by Wagtail's own `publish_scheduled` command.
    due = ArtefactModeration.objects.filter(
        Q(submitted_revision__approved_go_live_at__lte=now)
        | Q(artefact__live_revision=F("submitted_revision")),
        status=ModerationStatus.SCHEDULED,
    ).values_list("pk", flat=True)
    for moderation_id in list(due):
        with transaction.atomic():
            moderation = (
                ArtefactModeration.objects.select_for_update(of=("self",))
                .select_related("submitted_revision", "artefact", "artefact__network")
                .filter(pk=moderation_id, status=ModerationStatus.SCHEDULED)
                .first()
            )
            if moderation is None:
                continue
            revision = moderation.submitted_revision
            artefact = moderation.artefact
            if artefact.live_revision_id != revision.pk:
                revision.publish(user=moderation.decided_by, skip_permission_checks=True)
            moderation.status = ModerationStatus.PUBLISHED
            moderation.save(update_fields=["status", "updated_at"])
            settle_notifications(artefact)
            tell(
                author_users(artefact) + co_leader_users(artefact.network),
                by=None,
                artefact=artefact,
                message=f"“{artefact.title}” is now published.",
            )
            tell_original_authors(artefact, by=moderation.decided_by)
            published += 1
    return published
