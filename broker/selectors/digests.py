"""What goes in a person's digest: what is new in what they follow, that they may read.

Every artefact comes through artefacts_visible_to(user), every study-visit offer through
visits.selectors.open_offers(user=) (listed on /visits/ for this reader, with a session to come)
and every collection item through the collections' own visibility rule, so the digest can hold
nothing its reader may not open. Six queries whatever they follow.

An offer is new when it was created since the last digest (the time the search index gives it
too: an offer records no separate moment of opening).
"""

from dataclasses import dataclass, field

from django.db.models import Q

from artefacts.selectors import artefacts_visible_to
from visits.selectors import open_offers

from ..models import Collection, CollectionItem, Follow
from .collections import visible_items_condition

MAX_PER_SECTION = 20


@dataclass
class Digest:
    artefacts: list = field(default_factory=list)
    collections: list = field(default_factory=list)
    items: list = field(default_factory=list)
    visit_offers: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return (
            len(self.artefacts) + len(self.collections) + len(self.items) + len(self.visit_offers)
        )


def follows_of(user):
    return Follow.objects.filter(user=user).select_related("network", "theme", "collection")


def digest_for(user, *, since) -> Digest:
    follows = list(
        Follow.objects.filter(user=user).values("network_id", "theme_id", "collection_id")
    )
    networks = {f["network_id"] for f in follows if f["network_id"]}
    themes = {f["theme_id"] for f in follows if f["theme_id"]}
    collections = {f["collection_id"] for f in follows if f["collection_id"]}
    digest = Digest()
    if networks or themes:
        digest.artefacts = list(
            artefacts_visible_to(user)
            .filter(first_published_at__gte=since)
            .filter(Q(network_id__in=networks) | Q(themes__in=themes))
            .select_related("network")
            .distinct()[:MAX_PER_SECTION]
        )
    if networks or themes:
        digest.visit_offers = list(
            open_offers(user=user)
            .filter(private=False, opened_at__gte=since)
            .filter(Q(network_id__in=networks) | Q(theme_id__in=themes))
            .select_related("network")[:MAX_PER_SECTION]
        )
    if themes:
        digest.collections = list(
            Collection.objects.published()
            .filter(theme_id__in=themes, published_at__gte=since)
            .select_related("theme")[:MAX_PER_SECTION]
        )
    if collections:
        digest.items = list(
            CollectionItem.objects.filter(
                collection_id__in=collections,
                collection__published_at__isnull=False,
                added_at__gte=since,
            )
            .filter(visible_items_condition(user))
            .select_related("collection", "artefact", "visit_offer")
            .order_by("collection__title", "position")[:MAX_PER_SECTION]
        )
    return digest


def follow_of(user, kind: str, target):
    """The person's follow of one thing, or None (no query for someone signed out)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Follow.objects.filter(user=user, **{kind: target}).first()
