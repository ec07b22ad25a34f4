"""A newcomer's first visit, in a real browser: sign up, confirm the address from the e-mail,
sign in, say who they are (school found in the register), see what to do next, sign out."""

import re

import pytest
from playwright.sync_api import expect

from django.core import mail

from core.accounts.models import User, WorkRole
from core.schools.factories import SchoolFactory

EMAIL = "new.teacher@example.org"
PASSWORD = "we-learn-from-each-other"  # noqa: S105
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def confirmation_link(to: str) -> str:
    messages = [message for message in mail.outbox if to in message.to]
    assert len(messages) == 1, f"Expected one e-mail to {to}, got {len(messages)}"
    match = re.search(r"https?://\S+/accounts/confirm-email/\S+/", messages[0].body)
    assert match, messages[0].body
    return match.group()


def assert_accessible_at_both_widths(page, assert_accessible) -> None:
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    page.set_viewport_size(DESKTOP)


@pytest.mark.browser
def test_newcomer_signs_up_verifies_says_who_they_are_and_sees_what_to_do_next(
    page, live_server, assert_accessible
):
    school = SchoolFactory(name="Brookside Primary School", town="Leeds", urn=139876)
    SchoolFactory(name="Brookside High School", town="Bristol")
    page.set_viewport_size(DESKTOP)
    page.goto("/")
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Sign up").click()
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password (required)", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign up", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    assert_accessible(page)
    link = confirmation_link(EMAIL)
    assert link.startswith(live_server.url)

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your e-mail address")
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("status").first).to_contain_text(f"You have confirmed {EMAIL}")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()

    expect(page).to_have_url(f"{live_server.url}/accounts/welcome/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell us about yourself")
    assert_accessible_at_both_widths(page, assert_accessible)
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Shah")
    page.get_by_label("Teacher", exact=True).check()
    page.get_by_label("Your school").fill("Brookside")
    expect(page.locator("datalist option")).to_have_count(2)
    page.get_by_role("button", name="Find school").click()

    choice = page.get_by_role("group", name="Choose your school")
    expect(choice).to_contain_text("Brookside High School, Bristol")
    expect(page.get_by_label("First name")).to_have_value("Priya")
    assert_accessible_at_both_widths(page, assert_accessible)
    choice.get_by_label("Brookside Primary School, Leeds (URN 139876)").check()
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("What to do next")
    expect(page.get_by_role("status").first).to_contain_text("Thank you, Priya")
    expect(page.get_by_role("link", name="Find a network")).to_be_visible()
    expect(page.get_by_role("link", name="Propose a network")).to_be_visible()
    assert_accessible_at_both_widths(page, assert_accessible)
    person = User.objects.get(email=EMAIL)
    assert (person.display_name, person.work_role, person.school) == (
        "Priya Shah",
        WorkRole.TEACHER,
        school,
    )

    account_menu = page.get_by_role("navigation", name="Account")
    account_menu.get_by_text("Priya Shah", exact=True).click()
    expect(account_menu).to_contain_text(f"Signed in as {EMAIL}")
    account_menu.get_by_role("button", name="Sign out").click()

    expect(account_menu.get_by_role("link", name="Sign in")).to_be_visible()
    expect(account_menu).not_to_contain_text(EMAIL)
