"""At 390 px wide (a phone) the main pages fit the screen: nothing makes the page scroll sideways
(wide tables scroll inside their own labelled region), and axe finds no serious problem."""

import pytest
from playwright.sync_api import expect

from tests.quality.main_pages import build_main_pages
from tests.quality.other_pages import build_other_pages
from tests.world import sign_in

pytestmark = pytest.mark.browser

PHONE_WIDTH = 390
SCROLLING_REGIONS = """[...document.querySelectorAll('.table-scroll[role=region]')]
    .filter((region) => region.scrollWidth > region.clientWidth).length"""


@pytest.fixture
def phone(page, live_server, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    pages = build_main_pages()
    sign_in(page, live_server, pages.co_leader)
    return page, pages


def visit_on_a_phone(page, paths, assert_accessible):
    """-> (pages wider than the phone, axe problems by page, how many regions scroll)."""
    too_wide, problems, scrolling_regions = {}, {}, 0
    for name, path in paths.items():
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE_WIDTH:
            too_wide[name] = width
        scrolling_regions += page.evaluate(SCROLLING_REGIONS)
        try:
            assert_accessible(page)
        except AssertionError as violations:
            problems[name] = str(violations)
    return too_wide, problems, scrolling_regions


def test_main_pages_fit_a_phone_screen_and_pass_axe(phone, assert_accessible):
    page, pages = phone
    too_wide, problems, scrolling_regions = visit_on_a_phone(page, pages.paths, assert_accessible)

    assert too_wide == {}
    assert problems == {}
    # The wide tables (the people on the manage page, funding records) are there and scroll
    # inside their own regions.
    assert scrolling_regions > 0


def test_pages_with_tables_beyond_the_main_ones_fit_a_phone_screen_and_pass_axe(
    page, live_server, settings, tmp_path, assert_accessible
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    pages = build_other_pages()
    too_wide, problems, scrolling_regions = {}, {}, 0
    for person, paths in [
        (pages.broker, pages.broker_paths),
        (pages.co_leader, pages.co_leader_paths),
    ]:
        sign_in(page, live_server, person)
        wide, found, scrolling = visit_on_a_phone(page, paths, assert_accessible)
        too_wide |= wide
        problems |= found
        scrolling_regions += scrolling

    assert too_wide == {}
    assert problems == {}
    assert scrolling_regions > 0  # the spread page's wide tables, at least


def test_search_results_come_before_the_filters_on_a_phone(phone):
    page, pages = phone
    page.goto(pages.paths["search"])

    filters = page.get_by_role("heading", name="Filter results")
    expect(page.get_by_label("Sort by")).to_be_hidden()
    expect(page.locator("#results-heading")).to_be_in_viewport()
    filters.click()
    expect(page.get_by_label("Sort by")).to_be_visible()
