"""The Atom feed of public artefacts at /feeds/artefacts/, optionally for one network
(`?network=<slug>`) or one focus theme (`?theme=<slug>`), or both.

Only what anyone on the web may read is in it: artefacts_visible_to(AnonymousUser()). Entry ids
are tag URIs built from the page id, so renaming an artefact or moving its network never makes
it look like a new entry. Three or four queries whatever the number of entries (see
selectors.artefacts_for_feed).
"""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from networks.models import NetworkPage, Theme
from networks.permissions import can_view_network

from .selectors import artefacts_for_feed

# The date in the tag URIs (RFC 4151): fixed for good, so the ids never change.
TAG_DATE = "2026"
PUBLISHER = "Networked Learning Communities"


def tag_uri(*parts) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"tag:{host},{TAG_DATE}:" + "/".join(str(part) for part in parts)


@dataclass
class FeedScope:
    """What the feed is about, from the query string, and the request (for page URLs)."""

    request: object
    network: NetworkPage | None = None
    theme: Theme | None = None

    @property
    def query(self) -> str:
        filters = {
            "network": self.network.slug if self.network else "",
            "theme": self.theme.slug if self.theme else "",
        }
        return urlencode({key: value for key, value in filters.items() if value})


def feed_scope(request) -> FeedScope:
    """The filters in the query string. An unknown (or unpublished) network or theme is a 404."""
    scope = FeedScope(request=request)
    network_slug = request.GET.get("network", "").strip()
    theme_slug = request.GET.get("theme", "").strip()
    if network_slug:
        scope.network = NetworkPage.objects.filter(slug=network_slug).first()
        if scope.network is None or not can_view_network(AnonymousUser(), scope.network):
            raise Http404("No such network.")
    if theme_slug:
        scope.theme = Theme.objects.filter(slug=theme_slug).first()
        if scope.theme is None:
            raise Http404("No such theme.")
    return scope


class ArtefactFeed(Feed):
    feed_type = Atom1Feed
    author_name = PUBLISHER

    def get_object(self, request, *args, **kwargs):
        return feed_scope(request)

    def title(self, scope):
        title = "Learning artefacts"
        if scope.network:
            title += f" from {scope.network.title}"
        if scope.theme:
            title += f" on {scope.theme.name}"
        return f"{title} · {PUBLISHER}"

    def subtitle(self, scope):
        return (
            "What networks of schools learned, what worked and what did not, shared openly for "
            "other schools to use and adapt."
        )

    def link(self, scope):
        if scope.network:
            path = reverse("artefacts:network_list", kwargs={"network_slug": scope.network.slug})
            return f"{path}?theme={scope.theme.slug}" if scope.theme else path
        path = reverse("artefacts:index")
        return f"{path}?theme={scope.theme.slug}" if scope.theme else path

    def feed_url(self, scope):
        path = reverse("artefact_feed")
        return f"{path}?{scope.query}" if scope.query else path

    def feed_guid(self, scope):
        return tag_uri("artefacts", scope.query) if scope.query else tag_uri("artefacts")

    def items(self, scope):
        artefacts = artefacts_for_feed(network=scope.network, theme=scope.theme)
        for artefact in artefacts:
            artefact.feed_link = artefact.get_full_url(scope.request)
        return artefacts

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return tag_uri("artefact", item.pk)

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        names = [person.name for person in item.contributors.all()]
        return ", ".join(names) if names else item.network.title

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]

    def item_copyright(self, item):
        return f"{item.get_licence_display()}: {item.licence_terms}"
