"""Reads about collections and featured items, as a given person may see them.

Every item is filtered through its target app's visibility rule (for artefacts,
artefacts.selectors.artefacts_visible_to; for study-visit offers, visits.permissions'
`why_not_view_offer`), so what a reader sees and counts never includes something they may not
read. One function per kind of item: a new kind adds its condition to `visible_items_condition`
and a `_<kind>_items` reader to `collection_items_for`.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from wagtail.images import get_image_model

from artefacts.models import ArtefactPage
from artefacts.selectors import artefacts_visible_to, with_card_data
from core.visibility import Visibility
from visits.models import OfferStatus, SessionStatus, VisitOffer, VisitSession
from visits.permissions import can_view_offer, reads_members_only
from visits.selectors import remember_my_roles

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


def visit_offers_visible_to(user):
    """The offers a collection may show this person: `visits.permissions.why_not_view_offer` for
    a reader outside the host network, as a query. Never a private visit (a peer review's) nor
    one arranged between two networks, never a draft; members-only offers for those who read
    members-only things. (The items shown are checked against `can_view_offer` too.)"""
    offers = VisitOffer.objects.filter(private=False, from_request__isnull=True).exclude(
        status=OfferStatus.DRAFT
    )
    if not reads_members_only(user):
        offers = offers.filter(visibility=Visibility.PUBLIC)
    return offers


def visible_items_condition(user, prefix: str = "") -> Q:
    """The condition for an item this person may read (prefix "items__" from a collection)."""
    return Q(**{f"{prefix}artefact__in": artefacts_visible_to(user).values("pk")}) | Q(
        **{f"{prefix}visit_offer__in": visit_offers_visible_to(user).values("pk")}
    )


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


def with_offer_card_data(offers):
    """Offers with what an offer item shows: host network, theme, the next session still to come
    (`next_start`), and those sessions with their bookings counted (`upcoming`). Two queries."""
    now = timezone.now()
    to_come = VisitSession.objects.filter(status=SessionStatus.SCHEDULED, starts_at__gt=now)
    next_start = to_come.filter(offer=OuterRef("pk")).order_by("starts_at").values("starts_at")
    return (
        offers.select_related("network", "theme")
        .annotate(next_start=Subquery(next_start[:1]))
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=to_come.with_counts().order_by("starts_at", "pk"),
                to_attr="upcoming",
            )
        )
    )


def visit_offer_items(items, user) -> list[ShownItem]:
    ids = [item.visit_offer_id for item in items if item.visit_offer_id]
    if not ids:
        return []
    offers = list(with_offer_card_data(visit_offers_visible_to(user).filter(pk__in=ids)))
    remember_my_roles(user, {offer.network_id: offer.network for offer in offers}.values())
    readable = {offer.pk: offer for offer in offers if can_view_offer(user, offer)}
    for offer in readable.values():
        offer.places_left = sum(max(offer.places - s.booked_count, 0) for s in offer.upcoming)
    return [
        ShownItem(item.pk, item.position, item.note, "visit_offer", readable[item.visit_offer_id])
        for item in items
        if item.visit_offer_id in readable
    ]


def collection_items_for(collection, user) -> list[ShownItem]:
    """The collection's items this person may read, in the broker's order. One query, and two
    or three more per kind of item present."""
    items = list(
        CollectionItem.objects.filter(collection=collection)
        .filter(visible_items_condition(user))
        .only("pk", "position", "note", "artefact_id", "visit_offer_id", "collection_id")
    )
    shown = _artefact_items(items, user) + visit_offer_items(items, user)
    return sorted(shown, key=lambda item: (item.position, item.pk))


def public_collection_items(collection) -> list[ShownItem]:
    """What anyone on the web may read: for the feed and open data."""
    return collection_items_for(collection, AnonymousUser())


def items_for_curating(collection) -> list[CollectionItem]:
    """Every item, readable or not, with its target: the brokers' editing list. One query."""
    return list(
        CollectionItem.objects.filter(collection=collection)
        .select_related("artefact", "artefact__network", "visit_offer", "visit_offer__network")
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


def _id_in(text: str) -> int | None:
    """A number that can be a row's id (a longer one would overflow the database's integer)."""
    return int(text) if text.isdigit() and len(text) <= 18 else None


def visit_offer_from_reference(reference: str):
    """The study-visit offer a broker means by an address they pasted (/visits/offers/<id>/…)
    or by its number. None when there is no such offer."""
    reference = (reference or "").strip()
    offers = VisitOffer.objects.select_related("network", "from_request__from_network")
    if reference.isdigit():
        offer_id = _id_in(reference)
    else:
        parts = [part for part in urlsplit(reference).path.split("/") if part]
        offer_id = next(
            (
                _id_in(parts[at + 2])
                for at in range(len(parts) - 2)
                if parts[at : at + 2] == ["visits", "offers"]
            ),
            None,
        )
    return offers.filter(pk=offer_id).first() if offer_id is not None else None
