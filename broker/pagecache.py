"""The cached pages a collection appears on (core.pagecache): the collections, its page and
feed, and home (features). An item, a feature, or a change to an artefact or a network shown in
a collection purges those pages."""

from django.urls import reverse

from artefacts.models import ArtefactPage
from core.pagecache import subtree, touches
from networks.models import NetworkPage

from .models import Collection, CollectionItem, Feature

HOME = "/"


def collection_shown_on(collection: Collection) -> list[str]:
    # The whole subtree: the index, every page and feed (also under a slug it had before).
    return [subtree(reverse("broker:collection_index")), HOME]


def item_shown_on(item) -> list[str]:
    return [subtree(reverse("broker:collection_index")), HOME]


def artefact_shown_on(artefact: ArtefactPage) -> list[str]:
    if not artefact.pk or not CollectionItem.objects.filter(artefact=artefact.pk).exists():
        return []
    return [subtree(reverse("broker:collection_index"))]


def network_shown_on(network: NetworkPage) -> list[str]:
    return [subtree(reverse("broker:collection_index"))]


def register() -> None:
    touches(Collection)(collection_shown_on)
    touches(CollectionItem)(item_shown_on)
    touches(Feature)(item_shown_on)
    touches(ArtefactPage)(artefact_shown_on)
    touches(NetworkPage)(network_shown_on)
