"""A signed-out visitor who follows a link to a members-only artefact is invited to sign in,
and lands on the artefact once signed in (issue #15.3)."""

import pytest
from playwright.sync_api import expect

from artefacts.factories import ArtefactPageFactory
from core.accounts.factories import TEST_PASSWORD
from networks.factories import ActiveNetworkFactory, MembershipFactory

pytestmark = pytest.mark.browser

TITLE = "Quiet reading corners in Key Stage 2"


def test_a_visitor_signs_in_from_the_invitation_and_lands_on_the_artefact(page, assert_accessible):
    network = ActiveNetworkFactory()
    reader = MembershipFactory(network=ActiveNetworkFactory()).user
    artefact = ArtefactPageFactory(network=network, title=TITLE, visibility="members")

    page.goto(artefact.url)

    expect(page.get_by_role("heading", name="Sign in to read this artefact")).to_be_visible()
    expect(page.get_by_text(TITLE)).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("main").get_by_role("link", name="Sign in", exact=True).click()
    page.get_by_label("Email").fill(reader.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign In").click()

    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    assert page.url.endswith(artefact.url)
