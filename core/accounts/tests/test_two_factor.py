"""Two-factor authentication with an authenticator app (TOTP), as a person sets it up and uses it."""

import html
import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from django.urls import reverse

from core.accounts.audit import MFA_ADDED
from core.accounts.factories import TEST_PASSWORD

from .helpers import audit_actions, is_signed_in, sign_in

SECRET_FIELD = re.compile(r'id="authenticator_secret"[^>]*value="([A-Z2-7=]+)"')


def current_code(secret: str) -> str:
    """What the person's authenticator app shows right now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def a_wrong_code(secret: str) -> str:
    return format_hotp_value((int(current_code(secret)) + 1) % 10**mfa_settings.TOTP_DIGITS)


def open_activation_page(client, password: str = TEST_PASSWORD):
    """Open "Activate" and, when allauth asks, confirm the password first, as a person would."""
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    if (
        response.redirect_chain
        and reverse("account_reauthenticate") in response.redirect_chain[-1][0]
    ):
        response = client.post(response.redirect_chain[-1][0], {"password": password}, follow=True)
    assert response.status_code == 200
    return response


def shown_secret(response) -> str:
    match = SECRET_FIELD.search(response.content.decode())
    assert match, "The activation page does not show the authenticator secret"
    return html.unescape(match.group(1))


def activate_totp(client, django_capture_on_commit_callbacks) -> tuple[str, object]:
    """Set up an authenticator app through the pages; return the secret and the final response."""
    secret = shown_secret(open_activation_page(client))
    # allauth sends its "authenticator added" signal once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("mfa_activate_totp"), {"code": current_code(secret)}, follow=True
        )
    return secret, response


@pytest.fixture
def signed_in(client, person):
    sign_in(client, person.email, TEST_PASSWORD)
    assert is_signed_in(client)
    return client


def test_activation_asks_the_person_to_confirm_their_password_first(signed_in):
    response = signed_in.get(reverse("mfa_activate_totp"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))


def test_activation_page_shows_the_secret_and_a_qr_code(signed_in):
    response = open_activation_page(signed_in)

    assert shown_secret(response)
    assert 'class="qr-code"' in response.content.decode()


def test_correct_code_turns_on_the_authenticator_app(
    signed_in, person, django_capture_on_commit_callbacks
):
    activate_totp(signed_in, django_capture_on_commit_callbacks)

    assert Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).exists()


def test_wrong_code_is_refused_with_an_explanation(signed_in, person):
    secret = shown_secret(open_activation_page(signed_in))
    response = signed_in.post(reverse("mfa_activate_totp"), {"code": a_wrong_code(secret)})

    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    assert not Authenticator.objects.filter(user=person).exists()


def test_activation_generates_recovery_codes_and_shows_them(
    signed_in, person, django_capture_on_commit_callbacks
):
    _, response = activate_totp(signed_in, django_capture_on_commit_callbacks)

    assert response.redirect_chain[-1][0] == reverse("mfa_view_recovery_codes")
    recovery = Authenticator.objects.get(user=person, type=Authenticator.Type.RECOVERY_CODES)
    codes = RecoveryCodes(recovery).get_unused_codes()
    assert len(codes) == mfa_settings.RECOVERY_CODE_COUNT
    page = response.content.decode()
    assert all(code in page for code in codes)


def test_recovery_codes_stay_viewable_afterwards(
    signed_in, person, django_capture_on_commit_callbacks
):
    activate_totp(signed_in, django_capture_on_commit_callbacks)
    recovery = Authenticator.objects.get(user=person, type=Authenticator.Type.RECOVERY_CODES)

    response = signed_in.get(reverse("mfa_view_recovery_codes"))

    assert RecoveryCodes(recovery).get_unused_codes()[0] in response.content.decode()


def test_turning_on_two_factor_is_recorded_in_the_audit_log(
    signed_in, person, django_capture_on_commit_callbacks
):
    activate_totp(signed_in, django_capture_on_commit_callbacks)

    assert MFA_ADDED in audit_actions(person)


def test_next_sign_in_asks_for_a_code_before_letting_the_person_in(
    signed_in, person, django_capture_on_commit_callbacks
):
    activate_totp(signed_in, django_capture_on_commit_callbacks)
    signed_in.post(reverse("account_logout"))

    response = sign_in(signed_in, person.email, TEST_PASSWORD)

    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    assert "Please enter an authenticator code" in response.content.decode()
    assert not is_signed_in(signed_in)


def test_sign_in_completes_with_the_code_from_the_app(
    signed_in, person, django_capture_on_commit_callbacks
):
    secret, _ = activate_totp(signed_in, django_capture_on_commit_callbacks)
    signed_in.post(reverse("account_logout"))
    sign_in(signed_in, person.email, TEST_PASSWORD)

    signed_in.post(reverse("mfa_authenticate"), {"code": current_code(secret)})

    assert is_signed_in(signed_in)


def test_sign_in_is_refused_with_a_wrong_code(
    signed_in, person, django_capture_on_commit_callbacks
):
    secret, _ = activate_totp(signed_in, django_capture_on_commit_callbacks)
    signed_in.post(reverse("account_logout"))
    sign_in(signed_in, person.email, TEST_PASSWORD)
    response = signed_in.post(reverse("mfa_authenticate"), {"code": a_wrong_code(secret)})

    assert "Incorrect code." in response.content.decode()
    assert not is_signed_in(signed_in)
