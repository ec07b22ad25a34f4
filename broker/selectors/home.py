"""What the home page shows: the broker's featured items, the newest public artefacts and the
upcoming open study visits. A fixed number of queries however many networks, artefacts,
offers and features there are."""

from dataclasses import dataclass, field

from django.db.models import F
from django.utils import timezone

from artefacts.models import Visibility
from artefacts.selectors import artefacts_visible_to, with_card_data
from visits.selectors import open_offers

from ..models import Collection, Feature
from .collections import visit_offer_items, with_covers, with_shown_counts

NEWEST_ARTEFACTS = 6
UPCOMING_VISITS = 3


@dataclass
class VisitCard:
    title: str
    url: str
    summary: str
    meta: str


@dataclass
class ShownFeature:
    position: int
    kind: str  # "collection", "artefact" or "visit_offer": the template that draws `target`
    target: object


@dataclass
class HomeSections:
    featured: list[ShownFeature] = field(default_factory=list)
    newest_artefacts: list = field(default_factory=list)
    upcoming_visits: list = field(default_factory=list)


def featured_for(user) -> list[ShownFeature]:
    """Featured collections (published), artefacts and study-visit offers this person may read,
    in the broker's order. Three queries, two more when a collection has a cover and three more
    when a study-visit offer is featured."""
    collections = with_covers(
        with_shown_counts(
            Collection.objects.published()
            .filter(feature__isnull=False)
            .select_related("theme")
            .annotate(feature_position=F("feature__position")),
            user,
        )
    )
    artefacts = with_card_data(
        artefacts_visible_to(user)
        .filter(home_feature__isnull=False)
        .annotate(feature_position=F("home_feature__position"))
    )
    shown = [ShownFeature(c.feature_position, "collection", c) for c in collections]
    shown += [ShownFeature(a.feature_position, "artefact", a) for a in artefacts]
    offers = list(
        Feature.objects.filter(visit_offer__isnull=False).only("pk", "position", "visit_offer_id")
    )
    for offer_feature in offers:
        offer_feature.note = ""  # what visit_offer_items reads of a collection item
    shown += [
        ShownFeature(item.position, "visit_offer", item.target)
        for item in visit_offer_items(offers, user)
    ]
    return sorted(shown, key=lambda item: item.position)


def newest_public_artefacts(user, *, limit: int = NEWEST_ARTEFACTS) -> list:
    return list(
        with_card_data(artefacts_visible_to(user).filter(visibility=Visibility.PUBLIC))[:limit]
    )


def upcoming_open_visits(user) -> list[VisitCard]:
    """Study-visit offers this person may book or wait for, soonest first (one query)."""
    offers = open_offers(user=user).select_related("network")[:UPCOMING_VISITS]
    return [
        VisitCard(
            title=offer.title,
            url=offer.get_absolute_url(),
            summary=offer.summary,
            meta=f"{offer.network.title} · next session "
            f"{timezone.localtime(offer.next_start):%-d %B %Y}",
        )
        for offer in offers
    ]


def home_sections(user) -> HomeSections:
    return HomeSections(
        featured=featured_for(user),
        newest_artefacts=newest_public_artefacts(user),
        upcoming_visits=upcoming_open_visits(user),
    )
