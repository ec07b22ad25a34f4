"""The Atom feed of a published collection at /collections/<slug>/feed/.

Only what anyone on the web may read is in it, whoever asks (a feed reader has no session): the
items are read as an anonymous visitor. Entry ids are tag URIs from the item's id, so moving an
item or renaming its artefact or study-visit offer never makes it look new.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from artefacts.feeds import PUBLISHER, tag_uri

from .permissions import collection_or_404
from .selectors.collections import public_collection_items


def _link(item, request) -> str:
    if item.kind == "visit_offer":
        return request.build_absolute_uri(item.target.get_absolute_url())
    return item.target.get_full_url(request)


class CollectionFeed(Feed):
    feed_type = Atom1Feed
    author_name = PUBLISHER

    def get_object(self, request, slug):
        collection = collection_or_404(AnonymousUser(), slug)
        collection.request = request
        return collection

    def title(self, collection):
        return f"{collection.title} · a collection from {PUBLISHER}"

    def subtitle(self, collection):
        return collection.introduction

    def link(self, collection):
        return collection.get_absolute_url()

    def feed_url(self, collection):
        return reverse("broker:collection_feed", kwargs={"slug": collection.slug})

    def feed_guid(self, collection):
        return tag_uri("collection", collection.pk)

    def items(self, collection):
        items = public_collection_items(collection)
        for item in items:
            item.link = _link(item, collection.request)
        return items

    def item_title(self, item):
        return item.target.title

    def item_description(self, item):
        if item.kind == "visit_offer":
            return f"{item.note}\n\nA study visit: {item.target.question}\n\n{item.target.summary}"
        return f"{item.note}\n\n{item.target.summary}"

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        return tag_uri("collection-item", item.pk)

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        if item.kind == "visit_offer":
            return item.target.created_at
        return item.target.first_published_at

    def item_author_name(self, item):
        return item.target.network.title
