"""Long pages open with a contents list of their sections, and their tables scroll inside
labelled regions of their own (a phone never scrolls the whole page sideways)."""

import pytest

from .main_pages import build_main_pages
from .page_structure import PageStructure

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    pages = build_main_pages()
    client.force_login(pages.co_leader)
    return pages


def read(client, path) -> PageStructure:
    response = client.get(path)
    assert response.status_code == 200
    return PageStructure(response.content.decode())


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
