"""A newcomer's first visit, in a real browser: sign up, confirm the address, log in, log out."""

import re

import pytest
from playwright.sync_api import expect

from django.core import mail

from core.accounts.models import User

EMAIL = "new.teacher@example.org"
PASSWORD = "we-learn-from-each-other"  # noqa: S105


def confirmation_link(to: str) -> str:
    messages = [message for message in mail.outbox if to in message.to]
    assert len(messages) == 1, f"Expected one e-mail to {to}, got {len(messages)}"
    match = re.search(r"https?://\S+/accounts/confirm-email/\S+/", messages[0].body)
    assert match, messages[0].body
    return match.group()


@pytest.mark.browser
def test_newcomer_signs_up_confirms_their_address_logs_in_and_out(
    page, live_server, assert_accessible
):
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password (required)", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")
    assert_accessible(page)
    link = confirmation_link(EMAIL)
    assert link.startswith(live_server.url)

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm Email Address")
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("status").first).to_contain_text(f"You have confirmed {EMAIL}")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()

    expect(page).to_have_url(f"{live_server.url}/")
    account_menu = page.get_by_role("navigation", name="Account")
    display_name = User.objects.get(email=EMAIL).display_name
    account_menu.get_by_text(display_name, exact=True).click()
    expect(account_menu).to_contain_text(f"Signed in as {EMAIL}")

    account_menu.get_by_role("button", name="Log out").click()

    expect(
        page.get_by_role("navigation", name="Account").get_by_role("link", name="Log in")
    ).to_be_visible()
    expect(page.get_by_role("navigation", name="Account")).not_to_contain_text(EMAIL)
