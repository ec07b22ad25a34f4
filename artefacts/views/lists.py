"""Lists of artefacts: every network's, one network's, and the person's own work in progress."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse

from core.pagecache import cache_for_anonymous
from networks.permissions import network_for_user_or_404

from .. import selectors
from ..models import ArtefactType
from ..permissions import can_create_artefact

PER_PAGE = 12


def _feed_url(*, network=None, theme_slug: str = "") -> str:
    """The Atom feed of the public artefacts a list shows (the feed has no type filter)."""
    query = urlencode(
        {
            key: value
            for key, value in (("network", network.slug if network else ""), ("theme", theme_slug))
            if value
        }
    )
    url = reverse("artefact_feed")
    return f"{url}?{query}" if query else url


def _list_page(request, artefacts, *, template_context):
    artefacts, filters = selectors.filter_artefacts(
        artefacts,
        artefact_type=request.GET.get("type", ""),
        theme=request.GET.get("theme", ""),
    )
    page_obj = Paginator(artefacts, PER_PAGE).get_page(request.GET.get("page"))
    query = urlencode({key: value for key, value in filters.items() if value})
    themes = selectors.themes()
    known_theme = filters["theme"] if filters["theme"] in {t.slug for t in themes} else ""
    return render(
        request,
        "artefacts/list.html",
        {
            "page_obj": page_obj,
            "artefacts": list(page_obj.object_list),
            "filters": filters,
            "query": query,
            "types": ArtefactType.choices,
            "themes": themes,
            "feed_url": _feed_url(network=template_context.get("network"), theme_slug=known_theme),
            **template_context,
        },
    )


@cache_for_anonymous
def network_list(request, network_slug):
    """The network's artefacts this person may read."""
    network = network_for_user_or_404(request.user, network_slug)
    return _list_page(
        request,
        selectors.network_artefacts(network, request.user),
        template_context={
            "network": network,
            "heading": f"Artefacts from {network.title}",
            "can_create": can_create_artefact(request.user, network),
            "create_url": reverse("artefacts:create", kwargs={"network_slug": network.slug}),
        },
    )


@cache_for_anonymous
def index(request):
    """Every artefact this person may read, from every network."""
    return _list_page(
        request,
        selectors.with_card_data(selectors.artefacts_visible_to(request.user)),
        template_context={"heading": "Learning artefacts"},
    )


@login_required
def yours(request):
    """Drafts the person is writing and artefacts waiting for their review."""
    return render(
        request,
        "artefacts/yours.html",
        {
            "drafts": list(selectors.drafts_of(request.user)[:50]),
            "to_review": list(selectors.awaiting_review_by(request.user)[:50]),
            "networks": list(selectors.networks_to_write_in(request.user)),
        },
    )
