"""axe finds no serious or critical problems on the pages people meet first."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from core.accounts.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.browser


def sign_in(page, email: str, password: str = TEST_PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("navigation", name="Account").locator("summary")).to_be_visible()


@pytest.mark.parametrize("path", ["/", "/accounts/signup/", "/accounts/login/"])
def test_entrance_page_has_no_serious_accessibility_problems(page, assert_accessible, path):
    page.goto(path)

    assert_accessible(page)


def test_sign_up_form_with_errors_has_no_serious_accessibility_problems(page, assert_accessible):
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("not-an-address")
    page.get_by_label("Password (required)", exact=True).fill("123")
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")

    assert_accessible(page)


def test_error_summary_takes_focus_so_screen_readers_announce_it(page):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("nobody@example.org")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Sign In").click()

    expect(page.get_by_role("alert")).to_be_focused()


def test_password_reset_page_has_no_serious_accessibility_problems(page, assert_accessible):
    page.goto("/accounts/password/reset/")

    assert_accessible(page)


def test_account_pages_have_no_serious_accessibility_problems(page, assert_accessible):
    person = UserFactory()
    sign_in(page, person.email)

    for path in ["/accounts/profile/", "/accounts/password/change/", "/accounts/2fa/"]:
        page.goto(path)
        assert_accessible(page)


def test_authenticator_app_activation_page_has_no_serious_accessibility_problems(
    page, assert_accessible
):
    person = UserFactory()
    sign_in(page, person.email)
    page.goto("/accounts/2fa/totp/activate/")
    page.get_by_label("Password").fill(TEST_PASSWORD)  # allauth asks to confirm it first
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Activate Authenticator App")
    assert_accessible(page)


def test_two_factor_sign_in_step_has_no_serious_accessibility_problems(page, assert_accessible):
    person = UserFactory()
    TOTP.activate(person, generate_totp_secret())
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign In").click()

    expect(page.get_by_label("Code")).to_be_visible()
    assert_accessible(page)
