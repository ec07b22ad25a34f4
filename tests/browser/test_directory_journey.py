"""A visitor finds a network in the directory with the filter form and opens its profile."""

import pytest
from playwright.sync_api import expect

from networks.factories import (
    ActiveNetworkFactory,
    NetworkSchoolFactory,
    SchoolFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.browser


def test_visitor_filters_the_directory_and_opens_a_profile(page, assert_accessible):
    oracy = ThemeFactory(name="Oracy")
    wanted = ActiveNetworkFactory(
        title="Tees Oracy Network", purpose="Pupils talk their way into writing.", themes=[oracy]
    )
    NetworkSchoolFactory(network=wanted, school=SchoolFactory(region="North East"))
    other = ActiveNetworkFactory(title="Severn Maths Network", themes=[oracy])
    NetworkSchoolFactory(network=other, school=SchoolFactory(region="South West"))

    page.goto("/networks/")
    assert_accessible(page)
    page.get_by_label("Region", exact=True).select_option("North East")
    page.get_by_label("Focus theme", exact=True).select_option(oracy.slug)
    page.get_by_role("button", name="Apply filters").click()

    results = page.get_by_role("region", name="1 network matches your filters")
    expect(results).to_contain_text("Tees Oracy Network")
    expect(results).not_to_contain_text("Severn Maths Network")

    results.get_by_role("link", name="Tees Oracy Network").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tees Oracy Network")
    expect(page.get_by_role("main")).to_contain_text("Pupils talk their way into writing.")
    assert_accessible(page)
