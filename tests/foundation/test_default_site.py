"""Wagtail's default Site follows SITE_URL, so full URLs name the address people use."""

import pytest

from wagtail.models import Site

from home.sites import align_default_site

pytestmark = pytest.mark.django_db


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


def set_address(hostname: str, port: int) -> None:
    Site.objects.filter(is_default_site=True).update(hostname=hostname, port=port)


def test_a_site_at_wagtails_initial_address_takes_the_site_url():
    set_address("localhost", 80)

    assert align_default_site(site_url="https://learning.example.org") is True
    assert (default_site().hostname, default_site().port) == ("learning.example.org", 443)


def test_the_port_in_the_site_url_is_kept():
    set_address("localhost", 80)

    align_default_site(site_url="http://127.0.0.1:8123")

    assert (default_site().hostname, default_site().port) == ("127.0.0.1", 8123)


def test_an_address_an_admin_has_set_is_left_alone():
    set_address("schools.example.org", 443)

    assert align_default_site(site_url="http://127.0.0.1:8000") is False
    assert default_site().hostname == "schools.example.org"


def test_forcing_moves_a_site_that_an_admin_has_set():
    set_address("127.0.0.1", 8000)

    align_default_site(site_url="http://127.0.0.1:8123", force=True)

    assert default_site().port == 8123


def test_full_page_urls_use_the_aligned_address():
    set_address("localhost", 80)
    align_default_site(site_url="http://127.0.0.1:8123")

    assert default_site().root_page.specific.full_url == "http://127.0.0.1:8123/"
