"""Long pages open with a contents list of their sections, and their tables scroll inside
labelled regions of their own (a phone never scrolls the whole page sideways)."""

import pytest

from .main_pages import build_main_pages
from .other_pages import build_other_pages
from .page_structure import PageStructure

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    pages = build_main_pages()
    client.force_login(pages.co_leader)
    return pages


def read(client, path, *, main_only=False) -> PageStructure:
    """main_only: the page's own content, without a Wagtail admin's chrome (its dialogs' tables)."""
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    if main_only:
        html = html[html.index("<main") : html.index("</main>")]
    return PageStructure(html)


def test_network_profile_contents_list_links_to_every_section(client, pages):
    page = read(client, pages.paths["network profile"])

    assert len(page.contents_links) >= 5  # purpose, schools and the apps' sections
    for link in page.contents_links:
        assert link.startswith("#")
        assert link[1:] in page.ids, link


def test_review_cycle_contents_list_links_to_every_section(client, pages):
    page = read(client, pages.paths["review cycle"])

    assert page.contents_links == [
        "#where-heading",
        "#due-heading",
        "#criteria-heading",
        "#deadlines-heading",
        "#team-heading",
    ]
    assert {link[1:] for link in page.contents_links} <= page.ids


def test_synthesis_contents_list_links_to_every_section(client, pages):
    page = read(client, pages.paths["synthesis"])

    assert len(page.contents_links) == 6
    assert {link[1:] for link in page.contents_links} <= page.ids


@pytest.mark.parametrize(
    "name", ["network profile", "network people", "network funding", "review cycle"]
)
def test_tables_scroll_inside_labelled_focusable_regions(client, pages, name):
    page = read(client, pages.paths[name])

    assert page.tables > 0
    assert page.tables_in_regions == page.tables
    for region in page.regions:
        assert region.get("role") == "region"
        assert region.get("tabindex") == "0"
        assert region.get("aria-labelledby") in page.ids


@pytest.fixture
def other_pages(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return build_other_pages()


def assert_tables_in_labelled_regions(page: PageStructure):
    assert page.tables > 0
    assert page.tables_in_regions == page.tables
    for region in page.regions:
        assert region.get("role") == "region"
        assert region.get("tabindex") == "0"
        assert region.get("aria-labelledby") in page.ids


def test_every_table_on_the_brokers_pages_scrolls_in_a_labelled_region(client, other_pages):
    client.force_login(other_pages.broker)
    for name, path in {**other_pages.broker_paths, **other_pages.admin_paths}.items():
        page = read(client, path, main_only=path in other_pages.admin_paths.values())
        try:
            assert_tables_in_labelled_regions(page)
        except AssertionError as problem:
            raise AssertionError(f"{name} ({path})") from problem


def test_every_table_on_a_co_leaders_other_pages_scrolls_in_a_labelled_region(client, other_pages):
    client.force_login(other_pages.co_leader)
    for name, path in other_pages.co_leader_paths.items():
        page = read(client, path)
        try:
            assert_tables_in_labelled_regions(page)
        except AssertionError as problem:
            raise AssertionError(f"{name} ({path})") from problem
