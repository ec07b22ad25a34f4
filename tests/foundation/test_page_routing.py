"""Routing a URL to a page: one query for the page where every level has children of one type."""

import pytest

from django.test import RequestFactory

from wagtail.models import Page, PageViewRestriction

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

    # The site with its root page, and that page as its own type (Wagtail's routing); then the
    # artefact by its url_path as its own type, with its network: the directory and the network
    # on the way are not loaded one by one.
    with django_assert_num_queries(3):
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


def restricted_ids(page) -> set[int]:
    return set(page.get_view_restrictions().values_list("page_id", flat=True))


def test_a_restriction_on_an_ancestor_applies_to_the_artefact(artefact):
    PageViewRestriction.objects.create(
        page=artefact.network, restriction_type=PageViewRestriction.LOGIN
    )

    assert restricted_ids(artefact) == {artefact.network.pk}


def test_an_alias_has_the_restrictions_of_the_page_it_is_an_alias_of(artefact):
    alias = artefact.create_alias(update_slug="alias-of-the-artefact")
    PageViewRestriction.objects.create(page=artefact, restriction_type=PageViewRestriction.LOGIN)

    assert restricted_ids(alias) == {artefact.pk}


def test_a_page_without_restrictions_on_its_way_has_none(artefact):
    other = ArtefactPageFactory(network=ActiveNetworkFactory(), visibility="public")
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.LOGIN)

    assert restricted_ids(artefact) == set()


def test_view_restrictions_are_found_in_one_query(artefact, django_assert_num_queries):
    with django_assert_num_queries(1):
        restricted_ids(artefact)
