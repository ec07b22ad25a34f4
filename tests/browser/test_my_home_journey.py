"""A co-leader clears their moderation queue from their home, in a real browser: they open
Your home from the header, see an artefact waiting for their moderation, approve it from
there, and the waiting count falls. axe checks the home at desktop width and at 390 px."""

import re

import pytest
from playwright.sync_api import expect

from artefacts import services as artefact_services
from artefacts.factories import DraftArtefactFactory
from core.accounts.factories import TEST_PASSWORD, UserFactory
from networks.factories import ActiveNetworkFactory, CoLeaderFactory, MembershipFactory

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name=re.compile(r"^(sign|log) in$", re.IGNORECASE)).click()


def test_a_co_leader_approves_an_artefact_from_their_home_and_the_count_falls(
    page, assert_accessible
):
    mersey = ActiveNetworkFactory(title="Mersey Feedback Network")
    teacher = MembershipFactory(network=mersey, user=UserFactory(first_name="Amira")).user
    co_leader = CoLeaderFactory(network=mersey, user=UserFactory(first_name="Tom")).user
    CoLeaderFactory(network=mersey)
    artefact = DraftArtefactFactory(network=mersey, owner=teacher, title="Live marking in Year 5")
    artefact_services.submit_artefact(artefact=artefact, by=teacher)

    page.set_viewport_size(DESKTOP)
    sign_in(page, co_leader.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Your home").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your home")
    waiting = page.locator('[data-count="moderation"]')
    expect(waiting).to_have_text("1")
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)
    page.set_viewport_size(DESKTOP)

    moderation = page.get_by_role("region", name=re.compile("Waiting for your moderation"))
    moderation.get_by_role("link", name="Live marking in Year 5").click()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Approved and published.")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Your home").click()
    expect(waiting).to_have_text("0")
    expect(moderation).to_contain_text("No artefact is waiting for your review.")
