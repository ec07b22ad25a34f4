"""The broker's work in a real browser: the broker builds a collection, features it, and a
visitor finds it on the home page and opens it. axe checks the home page, a collection, a
synthesis and the spread page (no serious or critical violation)."""

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from artefacts.factories import ArtefactPageFactory, ArtefactTrialFactory
from broker.services.syntheses import cite_artefact, create_synthesis, publish_synthesis
from core.accounts.factories import TEST_PASSWORD, BrokerFactory, UserFactory
from networks.factories import (
    ActiveNetworkFactory,
    MembershipFactory,
    NetworkSchoolFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.browser


def sign_in(page, email: str, next_path: str) -> None:
    page.goto(f"/accounts/login/?next={next_path}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign In").click()


def test_the_broker_builds_and_features_a_collection_and_a_visitor_finds_it(
    page, browser, live_server, assert_accessible
):
    theme = ThemeFactory(name="Assessment for learning")
    mersey = ActiveNetworkFactory(title="Mersey Feedback Network")
    author = MembershipFactory(network=mersey).user
    NetworkSchoolFactory(network=mersey)
    artefact = ArtefactPageFactory(
        network=mersey, owner=author, title="Live marking in Year 5", themes=[theme]
    )
    broker = BrokerFactory()

    sign_in(page, broker.email, "/broker/collections/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("New collection")
    page.get_by_label("Title (required)").fill("Feedback that moves learning on")
    page.get_by_label("Theme").select_option(label="Assessment for learning")
    page.get_by_label("Introduction (required)").fill("Where networks started with feedback.")
    page.get_by_role("button", name="Save as a draft").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Edit “Feedback that moves learning on”"
    )
    artefact_form = page.locator("form", has=page.get_by_label("Artefact (required)"))
    artefact_form.get_by_label("Artefact (required)").fill(f"{live_server.url}{artefact.url}")
    artefact_form.get_by_label("Why it is here (required)").fill(
        "The clearest account of what failed."
    )
    page.get_by_role("button", name="Add to the collection").click()
    expect(page.get_by_text("Added to the collection.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Publish the collection").click()
    expect(page.get_by_text("The collection is published.")).to_be_visible()
    page.get_by_role("button", name="Feature it on the home page").click()
    expect(page.get_by_text("The collection is featured on the home page.")).to_be_visible()

    visitor = browser.new_context(base_url=live_server.url, locale="en-GB")
    visitor.set_default_timeout(10_000)
    tab = visitor.new_page()
    tab.goto("/")
    featured = tab.get_by_role("region", name="Featured by the national brokers")
    expect(featured.get_by_role("link", name="Feedback that moves learning on")).to_be_visible()
    assert_accessible(tab)
    featured.get_by_role("link", name="Feedback that moves learning on").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Feedback that moves learning on")
    expect(tab.get_by_text("The clearest account of what failed.")).to_be_visible()
    expect(tab.get_by_role("link", name="Live marking in Year 5")).to_be_visible()
    assert_accessible(tab)
    visitor.close()


def test_a_synthesis_and_the_spread_page_are_accessible(page, live_server, assert_accessible):
    theme = ThemeFactory(name="Assessment for learning")
    mersey = ActiveNetworkFactory(title="Mersey Feedback Network")
    pennine = ActiveNetworkFactory(title="Pennine Enquiry Network")
    author = MembershipFactory(network=mersey).user
    artefact = ArtefactPageFactory(
        network=mersey, owner=author, title="Live marking", themes=[theme], evidence_strength=3
    )
    ArtefactPageFactory(
        network=pennine,
        owner=MembershipFactory(network=pennine).user,
        adapted_from=artefact,
        themes=[theme],
        what_we_changed="<p>Older pupils.</p>",
    )
    for _ in range(5):
        ArtefactTrialFactory(artefact=artefact, user=UserFactory(), network=pennine)
    broker = BrokerFactory()
    synthesis = create_synthesis(
        by=broker,
        theme=theme,
        title="Feedback that moves learning on",
        summary="Spoken feedback in the lesson helped.",
        narrative="Networks tried live marking [1].",
        what_worked="Feedback at the desk.",
        what_did_not_work="Feedback sheets.",
        last_reviewed_on=timezone.localdate(),
    )
    cite_artefact(synthesis=synthesis, by=broker, artefact=artefact)
    publish_synthesis(synthesis=synthesis, by=broker)

    page.goto(f"/syntheses/{theme.slug}/")
    expect(page.get_by_role("heading", name="The evidence in figures")).to_be_visible()
    assert_accessible(page)

    sign_in(page, broker.email, "/broker/spread/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The spread of learning")
    expect(page.get_by_role("img", name="The network of networks")).to_be_visible()
    assert_accessible(page)
