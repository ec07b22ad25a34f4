"""Reads about artefacts. Every list of artefacts, anywhere, starts from artefacts_visible_to."""

from django.db.models import Count, Q

from wagtail.log_actions import registry as log_registry
from wagtail.models import Revision

from networks.models import Membership, Role
from networks.permissions import is_admin, is_broker

from .models import (
    ArtefactContributor,
    ArtefactModeration,
    ArtefactPage,
    ModerationStatus,
    Visibility,
)


def artefacts_visible_to(user):
    """The published artefacts this person may read, newest first. One query however used.

    Public ones for anyone; members-only ones for anyone signed in; network-only ones for the
    current members of their network; every one for national brokers and admins. Pages behind a
    Wagtail privacy restriction are left out for everyone (search never indexes them either).
    """
    artefacts = (
        ArtefactPage.objects.live()
        .public()
        .filter(network__isnull=False)
        .order_by("-first_published_at", "-pk")
    )
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return artefacts.filter(visibility=Visibility.PUBLIC)
    if is_admin(user) or is_broker(user):
        return artefacts
    my_networks = Membership.objects.filter(user=user, left_at__isnull=True).values("network_id")
    return artefacts.filter(
        Q(visibility__in=(Visibility.PUBLIC, Visibility.MEMBERS))
        | Q(visibility=Visibility.NETWORK, network_id__in=my_networks)
    )


def with_card_data(artefacts):
    """What an artefact card shows: its network (title, type, date and summary are its own)."""
    return artefacts.select_related("network")


def network_artefacts(network, user):
    """The network's artefacts this person may read, shaped for cards."""
    return with_card_data(artefacts_visible_to(user).filter(network=network))


def related_artefacts(artefact, user, *, limit: int = 4) -> list:
    """Other artefacts this person may read that share themes with this one (most shared first).

    Two queries: the artefacts (with their networks) and their themes.
    """
    theme_ids = [theme.pk for theme in artefact.themes.all()]
    if not theme_ids:
        return []
    return list(
        with_card_data(
            artefacts_visible_to(user)
            .filter(themes__in=theme_ids)
            .exclude(pk=artefact.pk)
            .annotate(shared_themes=Count("themes", filter=Q(themes__in=theme_ids)))
            .order_by("-shared_themes", "-first_published_at", "-pk")
        )[:limit]
    )


def contributors_of(artefact):
    return (
        ArtefactContributor.objects.filter(page=artefact)
        .select_related("school", "network")
        .order_by("sort_order", "pk")
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
    from wagtail.models import PageLogEntry

    entries = list(
        PageLogEntry.objects.filter(page_id=artefact.pk)
        .select_related("user")
        .order_by("-timestamp", "-pk")[:limit]
    )
    for entry in entries:
        action = log_registry.get_action_label(entry.action)
        entry.label = action
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
    led = Membership.objects.filter(user=user, role=Role.CO_LEADER, left_at__isnull=True).values(
        "network_id"
    )
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
    from networks.models import NetworkPage, NetworkStatus

    return (
        NetworkPage.objects.filter(
            memberships__user=user,
            memberships__left_at__isnull=True,
            memberships__role__in=(Role.CO_LEADER, Role.MEMBER),
        )
        .exclude(status=NetworkStatus.CLOSED)
        .order_by("title")
        .distinct()
    )
