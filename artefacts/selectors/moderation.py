"""The moderation record, the versions and the audit log of an artefact, and the work waiting
for a person."""

from django.core.paginator import Paginator

from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry, Revision

from networks.models import Membership, NetworkPage, NetworkStatus, Role

from ..models import (
    ArtefactModeration,
    ArtefactPage,
    ModerationStatus,
)


def moderation_of(artefact) -> ArtefactModeration:
    """The artefact's moderation record (a draft's, when nobody has made one yet)."""
    moderation = (
        ArtefactModeration.objects.select_related(
            "submitted_revision", "submitted_by", "decided_by"
        )
        .filter(artefact=artefact)
        .first()
    )
    if moderation is None:
        status = ModerationStatus.PUBLISHED if artefact.live else ModerationStatus.DRAFT
        moderation = ArtefactModeration(artefact=artefact, status=status)
    return moderation


def revisions_of(artefact):
    """Every saved version, newest first, with who saved it."""
    return (
        Revision.page_revisions.filter(object_id=str(artefact.pk))
        .select_related("user")
        .order_by("-created_at", "-pk")
    )


def moderation_history(artefact, *, limit: int = 50) -> list:
    """The audit-log entries for the artefact (moderation steps, publishing), newest first."""
    entries = list(
        PageLogEntry.objects.filter(page_id=artefact.pk)
        .select_related("user")
        .order_by("-timestamp", "-pk")[:limit]
    )
    for entry in entries:
        # get_formatter, unlike get_action_label, first collects the register_log_actions
        # hooks: a fresh web worker whose first request is this page has not collected them.
        formatter = log_registry.get_formatter(entry)
        entry.label = formatter.label if formatter else entry.action
        entry.comment = (entry.data or {}).get("comment", "")
    return entries


def drafts_of(user):
    """Unpublished or changed artefacts the person started, with their moderation record."""
    return (
        ArtefactPage.objects.filter(owner=user, has_unpublished_changes=True)
        .select_related("network", "moderation")
        .order_by("-latest_revision_created_at", "-pk")
    )


def awaiting_review_by(user):
    """Submitted artefacts in networks the person co-leads (they may not approve their own)."""
    led = Membership.objects.co_leaders().filter(user=user).values("network_id")
    return (
        ArtefactPage.objects.filter(
            network_id__in=led, moderation__status=ModerationStatus.SUBMITTED
        )
        .exclude(owner=user)
        .select_related("network", "moderation", "moderation__submitted_by")
        .order_by("moderation__submitted_at", "pk")
    )


def networks_to_write_in(user):
    """The open networks where the person may start an artefact."""
    return (
        NetworkPage.objects.filter(
            pk__in=Membership.objects.current()
            .filter(user=user, role__in=(Role.CO_LEADER, Role.MEMBER))
            .values("network_id")
        )
        .exclude(status=NetworkStatus.CLOSED)
        .order_by("title")
        .distinct()
    )


# --- Revisions -------------------------------------------------------------------------------


def revisions_page(artefact, page_number, *, per_page: int = 25):
    """One page of the artefact's versions, newest first, each with `previous_id`: the version
    saved before it (None for the first). Two queries besides the count."""
    all_revisions = revisions_of(artefact)
    page_obj = Paginator(all_revisions, per_page).get_page(page_number)
    versions = list(page_obj.object_list)
    for newer, older in zip(versions, versions[1:], strict=False):
        newer.previous_id = older.pk
    if versions:
        oldest = versions[-1]
        oldest.previous_id = (
            all_revisions.filter(created_at__lte=oldest.created_at)
            .exclude(pk=oldest.pk)
            .exclude(created_at=oldest.created_at, pk__gt=oldest.pk)
            .values_list("pk", flat=True)
            .first()
        )
    return page_obj, versions
