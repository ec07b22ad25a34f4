"""Anonymous visitors read the directory and network profiles from the page cache; a change to
the network or to who is in it purges them."""

import pytest

from django.test import Client

from core.accounts.factories import UserFactory
from networks.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def cache_state(url: str) -> str | None:
    return Client().get(url).get("X-Page-Cache")


def warmed(*urls) -> None:
    for url in urls:
        Client().get(url)
        assert cache_state(url) == "hit", url


def test_directory_and_profile_are_served_from_the_cache(network):
    warmed("/networks/", network.url, "/")


def test_editing_the_network_page_purges_its_profile_directory_and_home(network):
    warmed("/networks/", network.url)
    network.purpose = "Closing the writing gap between our schools, together."
    network.save_revision().publish()
    assert "Closing the writing gap" in Client().get(network.url).content.decode()
    assert cache_state("/networks/") == "miss"


def test_a_new_member_purges_the_profile(network):
    warmed(network.url)
    person = UserFactory(first_name="Ayesha", last_name="Okonkwo")
    MembershipFactory(network=network, user=person)
    assert Client().get(network.url)["X-Page-Cache"] == "miss"


def test_signed_in_member_never_gets_the_cached_profile(network, member):
    warmed(network.url)
    client = Client()
    client.force_login(member)
    assert client.get(network.url).get("X-Page-Cache") is None


def test_a_profile_behind_a_privacy_restriction_is_never_cached(network):
    from wagtail.models import PageViewRestriction

    warmed(network.url)
    PageViewRestriction.objects.create(page=network, restriction_type=PageViewRestriction.LOGIN)
    response = Client().get(network.url)
    assert response.status_code == 302
    assert cache_state(network.url) is None
