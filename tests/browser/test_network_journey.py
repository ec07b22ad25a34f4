"""A network is born, in real browsers: a teacher proposes it, the national broker approves it,
the teacher invites a colleague as co-leader, the colleague signs up and accepts, and the network
becomes active. axe checks each form and the people page on the way."""

import re

import pytest
from playwright.sync_api import expect

from django.core import mail

from core.accounts.factories import TEST_PASSWORD, BrokerFactory, UserFactory
from core.notifications.models import OutboundEmail
from networks.factories import SchoolFactory, ThemeFactory
from networks.models import Membership, NetworkPage, NetworkStatus, Role

pytestmark = pytest.mark.browser

COLLEAGUE = "sam.colleague@example.org"
COLLEAGUE_PASSWORD = "lateral-learning-together"  # noqa: S105


def sign_in(page, email: str, password: str = TEST_PASSWORD) -> None:
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()


def invitation_path(to: str) -> str:
    body = OutboundEmail.objects.get(to=to, subject__startswith="You are invited").body_text
    match = re.search(r"https?://[^/\s]+(/networks/invitations/[\w-]+/)", body)
    assert match, body
    return match.group(1)


def confirmation_path(to: str) -> str:
    bodies = [message.body for message in mail.outbox if to in message.to]
    links = [
        match.group(1)
        for body in bodies
        if (match := re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", body))
    ]
    assert len(links) == 1, bodies
    return links[0]


def test_teacher_proposes_invites_colleague_accepts_and_network_becomes_active(
    page, browser, live_server, assert_accessible
):
    teacher = UserFactory(first_name="Ada", last_name="Okafor")
    SchoolFactory(urn=104512, name="Rainhill Primary School")
    SchoolFactory(urn=104990, name="Prescot Academy")
    ThemeFactory(name="Assessment for learning")

    # The teacher proposes a network.
    page.goto("/accounts/login/?next=/networks/propose/")
    sign_in(page, teacher.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Propose a network")
    assert_accessible(page)
    page.get_by_label("Network name").fill("Knowsley Feedback Network")
    page.get_by_label("Purpose").fill("Written marking is not changing what pupils do next.")
    page.get_by_label("Assessment for learning").check()
    page.get_by_label("Your school").fill("104512")
    page.get_by_role("button", name="Send the proposal").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Knowsley Feedback Network")
    expect(page.get_by_role("status")).to_contain_text("is with the national broker")
    assert_accessible(page)
    assert not NetworkPage.objects.filter(title="Knowsley Feedback Network").exists()

    # The national broker approves it from the queue, in their own browser.
    broker = BrokerFactory()
    broker_context = browser.new_context(base_url=live_server.url, locale="en-GB")
    broker_context.set_default_timeout(10_000)
    broker_page = broker_context.new_page()
    try:
        broker_page.goto("/accounts/login/?next=/networks/proposals/")
        sign_in(broker_page, broker.email)
        expect(broker_page.get_by_role("heading", level=1)).to_have_text("Proposed networks")
        assert_accessible(broker_page)
        broker_page.get_by_role("link", name="Knowsley Feedback Network").click()
        assert_accessible(broker_page)
        broker_page.get_by_role("button", name="Approve: publish the network").click()
        expect(broker_page.get_by_role("status")).to_contain_text("is approved")
    finally:
        broker_context.close()

    page.goto(NetworkPage.objects.get(title="Knowsley Feedback Network").url + "manage/")
    expect(page.get_by_role("heading", level=1)).to_have_text("People and schools")
    assert_accessible(page)

    # A form with errors is accessible too.
    page.get_by_role("link", name="Invite someone").click()
    page.get_by_label("E-mail address").fill("not an address")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    assert_accessible(page)

    # ...then the invitation goes to a colleague, as co-leader.
    page.get_by_label("E-mail address").fill(COLLEAGUE)
    page.get_by_label("Co-leader").check()
    page.get_by_label("School they represent").fill("Prescot Academy")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("status")).to_contain_text(f"Invitation sent to {COLLEAGUE}")
    expect(page.get_by_role("table").filter(has_text=COLLEAGUE)).to_be_visible()
    link = invitation_path(COLLEAGUE)

    # The colleague, in their own browser, opens the link, signs up and confirms their address.
    colleague_context = browser.new_context(base_url=live_server.url, locale="en-GB")
    colleague_context.set_default_timeout(10_000)
    colleague = colleague_context.new_page()
    try:
        colleague.goto(link)
        expect(colleague.get_by_role("heading", level=1)).to_have_text(
            "Join Knowsley Feedback Network"
        )
        assert_accessible(colleague)
        colleague.get_by_role("link", name="Sign up to accept").click()
        colleague.get_by_label("Email").fill(COLLEAGUE)
        colleague.get_by_label("Password (required)", exact=True).fill(COLLEAGUE_PASSWORD)
        colleague.get_by_label("Password (again)").fill(COLLEAGUE_PASSWORD)
        colleague.get_by_role("button", name="Sign Up").click()
        expect(colleague.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
        colleague.goto(confirmation_path(COLLEAGUE))
        colleague.get_by_role("button", name="Confirm").click()

        # Back to the invitation: sign in from it and come straight back to accept.
        colleague.goto(link)
        colleague.get_by_role("link", name="Sign in to accept").click()
        sign_in(colleague, COLLEAGUE, COLLEAGUE_PASSWORD)
        expect(colleague).to_have_url(f"{live_server.url}{link}")
        assert_accessible(colleague)
        colleague.get_by_role("button", name="Accept and join").click()
        expect(colleague.get_by_role("status")).to_contain_text(
            "Welcome to Knowsley Feedback Network: you are now a co-leader"
        )
    finally:
        colleague_context.close()

    network = NetworkPage.objects.get(title="Knowsley Feedback Network")
    assert sorted(
        Membership.objects.filter(network=network, role=Role.CO_LEADER).values_list(
            "user__email", flat=True
        )
    ) == sorted([teacher.email, COLLEAGUE])

    # The first co-leader makes the network active.
    page.goto(f"/networks/{network.slug}/manage/")
    expect(page.get_by_role("main")).to_contain_text("2 co-leaders")
    page.get_by_role("button", name="Make the network active").click()
    expect(page.get_by_role("status")).to_contain_text("Knowsley Feedback Network is now active")
    assert_accessible(page)
    network.refresh_from_db()
    assert network.status == NetworkStatus.ACTIVE
