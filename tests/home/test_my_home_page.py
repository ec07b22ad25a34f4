"""Your home (/me/) and the ways to it: the registry of sections (core.home), the page, the
header's links for signed-in people and the home page's "For you" panel."""

import pytest

from wagtail import hooks

from core.home import MY_HOME_SECTIONS_HOOK, HomeSection, first_and_count, my_home_sections
from core.notifications.models import Notification

from .helpers import submitted_artefact

pytestmark = pytest.mark.django_db


def _section(key):
    return lambda user: HomeSection(key=key, title=f"Section {key}", count=0)


def test_sections_come_in_the_declared_order_whatever_order_apps_register_them(world):
    keys = [section.key for section in my_home_sections(world.co_leader)]

    assert keys == [
        "moderation",
        "decisions",
        "review_steps",
        "introductions",
        "visits",
        "drafts",
        "notifications",
        "networks",
        "news",
    ]


def test_a_section_with_a_key_nobody_declared_comes_last(world):
    with hooks.register_temporarily(MY_HOME_SECTIONS_HOOK, _section("zzz-from-a-new-app")):
        keys = [section.key for section in my_home_sections(world.member)]

    assert keys[-1] == "zzz-from-a-new-app"


def test_a_section_whose_function_returns_none_is_left_out(world):
    with hooks.register_temporarily(MY_HOME_SECTIONS_HOOK, lambda user: None):
        sections = my_home_sections(world.member)

    assert None not in sections


def test_first_and_count_gives_the_first_rows_and_how_many_there_are_in_one_query(
    world, django_assert_num_queries
):
    for number in range(7):
        Notification.objects.create(recipient=world.member, message=f"Note {number}")

    with django_assert_num_queries(1):
        rows, count = first_and_count(Notification.objects.filter(recipient=world.member), 3)

    assert (len(rows), count) == (3, 7)


def test_a_section_says_how_many_more_it_counts_than_it_shows():
    assert HomeSection(key="x", title="X", count=8, items=[object()] * 5).more == 3


def test_your_home_asks_someone_signed_out_to_sign_in(client):
    response = client.get("/me/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_your_home_is_never_cached(client, world):
    client.force_login(world.member)

    response = client.get("/me/")

    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_your_home_shows_each_section_with_its_count(client, world):
    submitted_artefact(world.network, world.member, title="Live marking")
    client.force_login(world.co_leader)

    html = client.get("/me/").content.decode()

    assert '<span class="badge" data-count="moderation">1</span>' in html
    assert "Live marking" in html


def test_your_home_says_how_many_things_wait_for_a_decision(client, world):
    submitted_artefact(world.network, world.member)
    client.force_login(world.co_leader)

    html = client.get("/me/").content.decode()

    assert "1 thing waits for your decision or answer." in html


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/me/" >Your home</a>',
        '<a href="/me/#networks">Your networks</a>',
        '<a href="/artefacts/" >Artefacts</a>',
    ],
)
def test_the_header_links_signed_in_people_to_their_home_networks_and_artefacts(
    client, world, link
):
    client.force_login(world.member)

    assert link in client.get("/networks/").content.decode()


def test_the_header_marks_your_home_as_the_current_page(client, world):
    client.force_login(world.member)

    assert '<a href="/me/" aria-current="page">Your home</a>' in client.get("/me/").content.decode()


def test_the_header_of_someone_signed_out_has_no_personal_links(client, db):
    html = client.get("/networks/").content.decode()

    assert "Your home" not in html
    assert "Your networks" not in html


def test_the_home_page_shows_signed_in_people_the_way_to_their_home(client, world):
    client.force_login(world.member)

    html = client.get("/").content.decode()

    assert '<h2 id="for-you-heading">For you</h2>' in html
    assert '<a href="/me/">go to your home</a>' in html


def test_the_home_page_for_someone_signed_out_has_no_for_you_panel(client, db):
    html = client.get("/").content.decode()

    assert "For you" not in html
    assert "/me/" not in html


def test_a_signed_in_home_page_is_not_stored_for_anonymous_visitors(client, world):
    client.force_login(world.member)
    client.get("/")
    client.logout()
    client.cookies.clear()

    html = client.get("/").content.decode()

    assert "For you" not in html
