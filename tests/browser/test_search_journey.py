"""Search in a real browser: search, apply two facets, open a result; suggestions with the
keyboard; axe finds no serious or critical violation on the search page."""

import re

import pytest
from playwright.sync_api import expect

from artefacts.factories import ArtefactPageFactory
from artefacts.models import ArtefactType, Visibility
from networks.factories import ActiveNetworkFactory, ThemeFactory
from search import services

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def library(settings, tmp_path):
    """A few published artefacts across two networks, indexed."""
    settings.ELASTICSEARCH_URL = ""
    settings.MEDIA_ROOT = tmp_path
    oracy = ThemeFactory(name="Oracy")
    feedback = ThemeFactory(name="Feedback")
    north = ActiveNetworkFactory(title="North Shore Network")
    south = ActiveNetworkFactory(title="South Vale Network")
    pages = [
        ArtefactPageFactory(
            network=north,
            title="Talk partners for feedback",
            artefact_type=ArtefactType.TOOL,
            themes=[oracy],
            summary="A protocol for pupils giving each other spoken feedback.",
        ),
        ArtefactPageFactory(
            network=north,
            title="Live marking in maths",
            artefact_type=ArtefactType.CASE_STUDY,
            themes=[feedback],
            summary="Feedback in the lesson instead of written marking.",
        ),
        ArtefactPageFactory(
            network=south,
            title="Feedback walls",
            artefact_type=ArtefactType.TOOL,
            themes=[feedback],
            summary="Displays of feedback pupils act on.",
        ),
        ArtefactPageFactory(
            network=south,
            title="Private feedback review",
            artefact_type=ArtefactType.TOOL,
            themes=[oracy],
            visibility=Visibility.NETWORK,
            summary="Only for the South Vale network.",
        ),
    ]
    for page in [north, south, *pages]:
        services.index_page(page_id=page.pk)
    return pages


def test_search_apply_two_facets_and_open_a_result(page, library, assert_accessible):
    page.goto("/")
    page.get_by_role("link", name="Search", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")

    page.get_by_label("Search for").fill("feedback")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="results for")).to_have_text(
        "3 results for “feedback”"
    )
    expect(page.locator(".search-hit")).to_have_count(3)
    expect(page.get_by_text("Private feedback review")).to_have_count(0)
    assert_accessible(page)

    # Two facets: a type and a theme.
    page.get_by_role("group", name="Type").get_by_label(re.compile(r"^Tool or protocol")).check()
    page.get_by_role("group", name="Theme").get_by_label(re.compile(r"^Oracy")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"type=tool.*theme=oracy|theme=oracy.*type=tool"))
    expect(page.locator(".search-hit")).to_have_count(1)
    expect(page.get_by_role("group", name="Type").get_by_label(re.compile("^Tool"))).to_be_checked()
    assert_accessible(page)

    page.locator(".search-hit").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Talk partners for feedback")


def test_suggestions_work_with_the_keyboard(page, library, assert_accessible):
    page.goto("/search/")
    box = page.get_by_role("combobox", name="Search for")
    box.press_sequentially("live ma", delay=40)
    listbox = page.get_by_role("listbox", name="Suggested titles")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("status").filter(has_text="suggestion")).to_contain_text(
        "1 suggestion available"
    )
    assert_accessible(page)

    box.press("ArrowDown")
    option = listbox.get_by_role("option", name="Live marking in maths")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))

    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Live marking in maths")
