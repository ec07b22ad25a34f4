"""The home page: the front door every visitor meets first."""

import re

import pytest

from core.accounts.factories import UserFactory
from home.models import HomePage


@pytest.fixture
def home_page(db):
    return HomePage.objects.get()


def test_home_page_renders_with_its_title(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    assert f"<h1>{home_page.title}</h1>" in response.content.decode()


def test_home_page_is_the_root_of_the_default_site(home_page):
    assert home_page.get_site().is_default_site
    assert home_page.url == "/"


def test_home_page_for_an_anonymous_visitor_stays_within_its_query_budget(
    client, home_page, django_assert_max_num_queries
):
    client.get("/")  # warm the per-process caches (site root paths)

    # Four of them are the broker's sections: featured collections, featured artefacts, the
    # newest public artefacts and the upcoming open study visits (broker.selectors.home).
    with django_assert_max_num_queries(9):
        response = client.get("/")

    assert response.status_code == 200


def test_home_page_for_a_signed_in_person_stays_within_its_query_budget(
    client, home_page, django_assert_max_num_queries
):
    client.force_login(UserFactory())
    client.get("/")

    # Beyond the anonymous page: the session, the person, their roles (broker group, current
    # networks: what they may read) and their unread notifications.
    with django_assert_max_num_queries(14):
        response = client.get("/")

    assert response.status_code == 200


def test_home_page_declares_british_english(client, home_page):
    assert '<html lang="en-GB"' in client.get("/").content.decode()


def test_home_page_starts_with_a_skip_link_to_the_main_content(client, home_page):
    body = client.get("/").content.decode().split("<body", 1)[1]
    first_link = re.search(r"<a [^>]*>", body).group()

    assert 'href="#main"' in first_link
    assert 'class="skip-link"' in first_link


def test_home_page_has_one_main_landmark_that_the_skip_link_targets(client, home_page):
    page = client.get("/").content.decode()

    assert len(re.findall(r"<main\b", page)) == 1
    assert re.search(r'<main [^>]*id="main"', page)


def test_anonymous_visitor_is_invited_to_join_or_log_in(client, home_page):
    page = client.get("/").content.decode()

    assert "Join the platform" in page
    assert 'href="/accounts/login/"' in page


def test_signed_in_person_sees_their_name_in_the_account_menu(client, home_page):
    person = UserFactory(first_name="Amira", last_name="Hussain")
    client.force_login(person)

    page = client.get("/").content.decode()

    assert "<summary>Amira Hussain</summary>" in page
    assert person.email in page
    assert "Join the platform" not in page
