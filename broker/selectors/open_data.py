"""What the open data publishes: public artefacts, live networks, published collections with
their public items, and public study-visit offers open for booking. Always as an anonymous
visitor sees them, whoever asks: open data is the same for everyone, and nothing private is ever
in it."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from artefacts.models import Visibility
from artefacts.selectors import artefacts_visible_to, with_card_data
from core.visibility import Visibility as OfferVisibility
from networks.models import NetworkPage, NetworkSchool
from visits.models import SessionStatus, VisitSession
from visits.selectors import open_offers

from ..models import Collection, CollectionItem
from .collections import visible_items_condition

ANONYMOUS = AnonymousUser()


def public_artefacts(*, theme=None, network=None, artefact_type=None):
    artefacts = with_card_data(artefacts_visible_to(ANONYMOUS)).prefetch_related(
        "themes", "phases", "subjects"
    )
    if theme:
        artefacts = artefacts.filter(themes__slug=theme)
    if network:
        artefacts = artefacts.filter(network_id=network)
    if artefact_type:
        artefacts = artefacts.filter(artefact_type=artefact_type)
    return artefacts.only(
        *(
            "title", "slug", "url_path", "path", "depth", "locale", "content_type",
            "first_published_at", "last_published_at", "artefact_type", "visibility",
            "summary", "licence", "evidence_strength", "adapted_from_id",
            "network__title", "network__slug", "network__url_path", "network__path",
            "network__depth", "network__locale", "network__content_type",
        )
    )  # fmt: skip


def public_networks(*, theme=None, status=None):
    networks = (
        NetworkPage.objects.live()
        .order_by("title", "pk")
        .annotate(
            public_artefacts=Count(
                "artefacts",
                filter=Q(
                    artefacts__in=artefacts_visible_to(ANONYMOUS)
                    .filter(visibility=Visibility.PUBLIC)
                    .values("pk")
                ),
                distinct=True,
            )
        )
        .prefetch_related(
            "themes",
            Prefetch(
                "school_links",
                queryset=NetworkSchool.objects.filter(left_on__isnull=True).select_related(
                    "school"
                ),
                to_attr="current_links",
            ),
        )
    )
    if theme:
        networks = networks.filter(themes__slug=theme)
    if status:
        networks = networks.filter(status=status)
    return networks


def public_collections(*, theme=None):
    collections = (
        Collection.objects.published()
        .select_related("theme")
        .order_by("-published_at", "-pk")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=CollectionItem.objects.filter(visible_items_condition(ANONYMOUS))
                .select_related("artefact", "visit_offer")
                .order_by("position", "pk"),
                to_attr="public_items",
            )
        )
    )
    if theme:
        collections = collections.filter(theme__slug=theme)
    return collections


def public_visit_offers(*, theme=None, network=None, region=None, phase=None):
    """Public offers open for booking (or full, with a waitlist) with a session still to come,
    soonest first: those /visits/ lists to anyone. Never a private visit, one arranged between
    two networks, nor a members-only offer."""
    offers = (
        open_offers(user=ANONYMOUS, theme=theme or "", region=region or "", phase=phase or "")
        .filter(private=False, from_request__isnull=True, visibility=OfferVisibility.PUBLIC)
        .select_related("network", "theme")
        .prefetch_related(
            "host_schools",
            Prefetch(
                "sessions",
                queryset=VisitSession.objects.filter(
                    status=SessionStatus.SCHEDULED, starts_at__gt=timezone.now()
                )
                .with_counts()
                .order_by("starts_at", "pk"),
                to_attr="upcoming",
            ),
        )
    )
    if network:
        offers = offers.filter(network_id=network)
    return offers
