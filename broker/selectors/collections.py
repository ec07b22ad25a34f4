"""Reads about collections and featured items, as a given person may see them.

Every item is filtered through its target app's visibility selector (for artefacts,
artefacts.selectors.artefacts_visible_to), so what a reader sees and counts never includes
something they may not read. One function per kind of item: a new kind (study-visit offers) adds
its condition to `visible_items_condition` and a `_<kind>_items` reader to `collection_items_for`.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q

from wagtail.images import get_image_model

from artefacts.models import ArtefactPage
from artefacts.selectors import artefacts_visible_to, with_card_data

from ..models import Collection, CollectionItem

COVER_SPEC = "fill-640x360"


@dataclass
class ShownItem:
    """One item as a reader sees it: `kind` names the template that draws `target`."""

    pk: int
    position: int
    note: str
    kind: str
    target: object


def visible_items_condition(user, prefix: str = "") -> Q:
    """The condition for an item this person may read (prefix "items__" from a collection)."""
    return Q(**{f"{prefix}artefact__in": artefacts_visible_to(user).values("pk")})


def with_covers(collections):
    """Load covers and their renditions with the collections (two more queries at most)."""
    return collections.prefetch_related(
        Prefetch("cover", queryset=get_image_model().objects.prefetch_renditions(COVER_SPEC))
    )


def with_shown_counts(collections, user):
    """Annotate `shown_items`: the items this person may read. Still one query."""
    return collections.annotate(
        shown_items=Count("items", filter=visible_items_condition(user, "items__"), distinct=True)
    )


def published_collections(user, *, theme=None):
    """Published collections, newest first, with what a listing shows."""
    collections = (
        Collection.objects.published().select_related("theme").order_by("-published_at", "-pk")
    )
    if theme is not None:
        collections = collections.filter(theme=theme)
    return with_covers(with_shown_counts(collections, user))


def collections_for_curating():
    """Every collection, drafts first, with how many items each holds (for the brokers)."""
    return (
        Collection.objects.select_related("theme", "feature")
        .annotate(item_count=Count("items"))
        .order_by("-published_at", "-updated_at", "-pk")
    )


def _artefact_items(items, user) -> list[ShownItem]:
    ids = [item.artefact_id for item in items if item.artefact_id]
    if not ids:
        return []
    artefacts = {a.pk: a for a in with_card_data(artefacts_visible_to(user).filter(pk__in=ids))}
    return [
        ShownItem(item.pk, item.position, item.note, "artefact", artefacts[item.artefact_id])
        for item in items
        if item.artefact_id in artefacts
    ]


def collection_items_for(collection, user) -> list[ShownItem]:
    """The collection's items this person may read, in the broker's order. Two queries (one
    more per kind of item present)."""
    items = list(
        CollectionItem.objects.filter(collection=collection)
        .filter(visible_items_condition(user))
        .only("pk", "position", "note", "artefact_id", "collection_id")
    )
    shown = _artefact_items(items, user)
    return sorted(shown, key=lambda item: (item.position, item.pk))


def public_collection_items(collection) -> list[ShownItem]:
    """What anyone on the web may read: for the feed and open data."""
    return collection_items_for(collection, AnonymousUser())


def items_for_curating(collection) -> list[CollectionItem]:
    """Every item, readable or not, with its target: the brokers' editing list. One query."""
    return list(
        CollectionItem.objects.filter(collection=collection)
        .select_related("artefact", "artefact__network")
        .order_by("position", "pk")
    )


def artefact_from_reference(reference: str):
    """The artefact a broker means by an address they pasted (its page, or its workspace
    /artefacts/<id>/…) or by its number. None when there is no such artefact."""
    reference = (reference or "").strip()
    if not reference:
        return None
    artefacts = ArtefactPage.objects.select_related("network")
    if reference.isdigit():
        return artefacts.filter(pk=int(reference)).first()
    parts = [part for part in urlsplit(reference).path.split("/") if part]
    if len(parts) >= 2 and parts[0] == "artefacts" and parts[1].isdigit():
        return artefacts.filter(pk=int(parts[1])).first()
    if len(parts) >= 3 and parts[-3] == "networks":
        return artefacts.filter(network__slug=parts[-2], slug=parts[-1]).first()
    return None
