"""`{% artefact_feed_links %}`: the Atom feed links for the page's <head> (feed autodiscovery).

Every page links the feed of all public artefacts; a network's profile, its artefact list and
its artefact pages also link the network's own feed. No query: it reads the page or network
already in the template's context.
"""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from networks.models import NetworkPage

register = template.Library()


def _network_in(context):
    network = context.get("network")
    if isinstance(network, NetworkPage):
        return network
    page = context.get("page")
    return page if isinstance(page, NetworkPage) else None


@register.inclusion_tag("artefacts/includes/feed_links.html", takes_context=True)
def artefact_feed_links(context):
    url = reverse("artefact_feed")
    feeds = [{"title": "Learning artefacts from every network", "url": url}]
    network = _network_in(context)
    if network is not None and network.live:
        feeds.insert(
            0,
            {
                "title": f"Learning artefacts from {network.title}",
                "url": f"{url}?{urlencode({'network': network.slug})}",
            },
        )
    return {"feeds": feeds}


@register.simple_tag
def network_feed_url(network) -> str:
    return f"{reverse('artefact_feed')}?{urlencode({'network': network.slug})}"
