"""A member appointed co-leader by two co-leaders is asked to agree, in a real browser: they open
Your home, follow the request, read it and agree, and become a co-leader. axe checks the answer
page at desktop width and at 390 px."""

import re

import pytest
from playwright.sync_api import expect

from core.accounts.factories import TEST_PASSWORD, UserFactory
from networks import services
from networks.factories import ActiveNetworkFactory, CoLeaderFactory, MembershipFactory
from networks.models import DecisionKind, Membership, Role

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name=re.compile(r"^(sign|log) in$", re.IGNORECASE)).click()


def test_an_appointed_member_agrees_from_their_home_and_becomes_co_leader(page, assert_accessible):
    mersey = ActiveNetworkFactory(title="Mersey Feedback Network")
    first = CoLeaderFactory(network=mersey, user=UserFactory(first_name="Tom")).user
    second = CoLeaderFactory(network=mersey, user=UserFactory(first_name="Rosa")).user
    appointee = MembershipFactory(network=mersey, user=UserFactory(first_name="Amira"))
    decision = services.propose_decision(
        network=mersey,
        kind=DecisionKind.APPOINT_CO_LEADER,
        target=appointee,
        reason="Amira leads feedback across her trust.",
        by=first,
    )
    services.confirm_decision(decision=decision, by=second)

    page.set_viewport_size(DESKTOP)
    sign_in(page, appointee.user.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Your home").click()
    page.get_by_role(
        "link", name=re.compile("Mersey Feedback Network asks you to be a co-leader")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Become a co-leader of Mersey Feedback Network"
    )
    expect(page.get_by_text("Amira leads feedback across her trust.")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)
    page.set_viewport_size(DESKTOP)

    page.get_by_role("button", name="Agree: become a co-leader").click()
    expect(page.get_by_text("You are now a co-leader of Mersey Feedback Network.")).to_be_visible()
    assert Membership.objects.get(pk=appointee.pk).role == Role.CO_LEADER
