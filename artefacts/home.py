"""The artefacts' sections of a person's home (core.home): what waits for their moderation,
their drafts, and what is new in their networks. One query each (the person's roles, asked
once per request, are shared with the other sections)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from core.home import HomeItem, HomeSection, first_and_count
from networks.models import Role
from networks.permissions import current_network_ids, roles_by_network

from .models import ModerationStatus
from .selectors import artefacts_visible_to, awaiting_review_by, drafts_of, with_card_data

NEW_FOR_DAYS = 30


def moderation_section(user) -> HomeSection | None:
    """Submitted artefacts in the networks the person co-leads (for co-leaders only)."""
    if Role.CO_LEADER not in roles_by_network(user).values():
        return None
    artefacts, count = first_and_count(awaiting_review_by(user))
    return HomeSection(
        key="moderation",
        title="Waiting for your moderation",
        count=count,
        items=[
            HomeItem(
                label=artefact.draft_title,
                url=reverse("artefacts:workspace", kwargs={"artefact_id": artefact.pk}),
                meta=f"{artefact.network.title} · submitted by {_submitter(artefact)}",
            )
            for artefact in artefacts
        ],
        empty_text="No artefact is waiting for your review.",
        link=reverse("artefacts:yours"),
        link_text="Open your moderation queue",
    )


def _submitter(artefact) -> str:
    person = artefact.moderation.submitted_by
    return person.display_name if person else "someone who has left"


def _status_of(artefact) -> str:
    moderation = getattr(artefact, "moderation", None)
    return moderation.get_status_display() if moderation else ModerationStatus.DRAFT.label


def drafts_section(user) -> HomeSection:
    artefacts, count = first_and_count(drafts_of(user))
    return HomeSection(
        key="drafts",
        title="Your drafts",
        count=count,
        items=[
            HomeItem(
                label=artefact.draft_title,
                url=reverse("artefacts:workspace", kwargs={"artefact_id": artefact.pk}),
                meta=f"{artefact.network.title} · {_status_of(artefact)}",
            )
            for artefact in artefacts
        ],
        empty_text="You have no drafts or unpublished changes.",
        link=reverse("artefacts:yours"),
        link_text="See all your drafts",
    )


def news_section(user) -> HomeSection | None:
    """Artefacts published lately in the person's networks that they may read."""
    networks = current_network_ids(user)
    if not networks:
        return None
    since = timezone.now() - timedelta(days=NEW_FOR_DAYS)
    artefacts, count = first_and_count(
        with_card_data(
            artefacts_visible_to(user).filter(
                network_id__in=networks, first_published_at__gte=since
            )
        )
    )
    return HomeSection(
        key="news",
        title="New in your networks",
        count=count,
        items=[
            HomeItem(
                label=artefact.title,
                url=artefact.url,
                meta=f"{artefact.network.title} · {artefact.get_artefact_type_display()} · "
                f"{timezone.localtime(artefact.first_published_at):%-d %B %Y}",
            )
            for artefact in artefacts
        ],
        empty_text=f"Nothing new in your networks in the last {NEW_FOR_DAYS} days.",
        link=reverse("artefacts:index"),
        link_text="Browse every artefact",
    )
