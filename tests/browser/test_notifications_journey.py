"""Notifications keep up, in a real browser: a co-leader with two artefacts waiting clears their
moderation queue from their home (one through the moderation section, one through its
notification), and the unread count in the header and on the home falls to nothing. axe checks
the home and the notifications page at desktop width and at 390 px."""

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


def check_both_widths(page, assert_accessible) -> None:
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)
    page.set_viewport_size(DESKTOP)


def go_home(page) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Your home").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your home")


def test_a_co_leader_clears_their_queue_from_home_and_the_notification_count_falls(
    page, assert_accessible
):
    mersey = ActiveNetworkFactory(title="Mersey Feedback Network")
    teacher = MembershipFactory(network=mersey, user=UserFactory(first_name="Amira")).user
    co_leader = CoLeaderFactory(network=mersey, user=UserFactory(first_name="Tom")).user
    CoLeaderFactory(network=mersey)
    for title in ("Live marking in Year 5", "Exit tickets in Year 6"):
        artefact = DraftArtefactFactory(network=mersey, owner=teacher, title=title)
        artefact_services.submit_artefact(artefact=artefact, by=teacher)

    page.set_viewport_size(DESKTOP)
    sign_in(page, co_leader.email)
    go_home(page)
    header_count = page.locator(".account-menu__notifications .badge")
    unread = page.locator('[data-count="notifications"]')
    expect(header_count).to_contain_text("2")
    expect(unread).to_have_text("2")
    check_both_widths(page, assert_accessible)

    moderation = page.get_by_role("region", name=re.compile("Waiting for your moderation"))
    moderation.get_by_role("link", name="Live marking in Year 5").click()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Approved and published.")).to_be_visible()
    go_home(page)
    expect(unread).to_have_text("1")
    expect(header_count).to_contain_text("1")

    notifications = page.get_by_role("region", name=re.compile("Unread notifications"))
    notifications.get_by_role("link", name=re.compile("Exit tickets in Year 6")).click()
    expect(page.get_by_role("button", name="Approve")).to_be_visible()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Approved and published.")).to_be_visible()
    go_home(page)
    expect(unread).to_have_text("0")
    expect(header_count).to_have_count(0)
    expect(moderation).to_contain_text("No artefact is waiting for your review.")

    page.get_by_role("link", name=re.compile("^Notifications")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    check_both_widths(page, assert_accessible)
