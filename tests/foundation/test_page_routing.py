"""Routing a URL to a page: one query per level where a page has children of one type only."""

import pytest

from django.test import RequestFactory

from wagtail.models import Page

from artefacts.factories import ArtefactPageFactory
from networks.factories import ActiveNetworkFactory

pytestmark = pytest.mark.django_db


def route(path: str):
    request = RequestFactory().get(path)
    request.META["HTTP_HOST"] = "localhost"
    return Page.route_for_request(request, path)


@pytest.fixture
def artefact():
    return ArtefactPageFactory(network=ActiveNetworkFactory(), visibility="public")


def test_an_artefact_url_routes_to_the_artefact_as_its_own_type(artefact):
    page, args, kwargs = route(artefact.url)

    assert type(page).__name__ == "ArtefactPage"
    assert page.pk == artefact.pk


def test_routing_an_artefact_url_loads_each_page_on_the_way_once(
    artefact, django_assert_num_queries
):
    route(artefact.url)  # warm the per-process caches (sites and their root paths)

    # The site with its root page, and that page as its own type (Wagtail's routing); then one
    # query for each of the directory, the network and the artefact (Wagtail's takes two), and
    # none for the artefact's network: it is the page routed through.
    with django_assert_num_queries(5):
        page, _, _ = route(artefact.url)
        network_title = page.network.title

    assert network_title == artefact.network.title


def test_a_child_of_an_unexpected_type_still_routes(artefact):
    network = artefact.network
    odd = network.add_child(instance=Page(title="Made before the rules", slug="made-before"))

    page, _, _ = route(f"{network.url}made-before/")

    assert page.pk == odd.pk


def test_an_unknown_slug_is_not_found(artefact):
    assert route(f"{artefact.network.url}no-such-artefact/") is None
