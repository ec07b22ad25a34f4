"""Signing in: verified people get in, the audit log records it, and guessing is rate limited."""

import re

from django.conf import settings
from django.urls import reverse

from wagtail.models import ModelLogEntry

from core.accounts.audit import SIGN_IN_FAILED, SIGNED_IN, SIGNED_OUT
from core.accounts.factories import TEST_PASSWORD, UserFactory

from .helpers import audit_actions, is_signed_in, sign_in

TOO_MANY_ATTEMPTS = "Too many failed login attempts"


def failed_logins_allowed() -> int:
    """The smallest count in ACCOUNT_RATE_LIMITS["login_failed"], e.g. 5 for "5/5m/ip,5/5m/key"."""
    limits = settings.ACCOUNT_RATE_LIMITS["login_failed"]
    return min(int(re.match(r"\d+", rule.strip()).group()) for rule in limits.split(","))


def failed_logins_allowed_per(kind: str) -> int:
    """The count of the "ip" or "key" rule in ACCOUNT_RATE_LIMITS["login_failed"]."""
    rules = settings.ACCOUNT_RATE_LIMITS["login_failed"].split(",")
    return int(next(rule for rule in rules if rule.strip().endswith(f"/{kind}")).split("/")[0])


def fail_to_sign_in(client, email: str, times: int) -> None:
    for _ in range(times):
        response = sign_in(client, email, "not-the-password")
        assert TOO_MANY_ATTEMPTS not in response.content.decode()


def test_verified_person_signs_in_with_email_and_password(client, person):
    response = sign_in(client, person.email, TEST_PASSWORD)

    assert is_signed_in(client)
    assert response.redirect_chain[-1][0] == settings.LOGIN_REDIRECT_URL


def test_signing_in_is_recorded_in_the_audit_log(client, person):
    sign_in(client, person.email, TEST_PASSWORD)

    assert audit_actions(person) == [SIGNED_IN]


def test_signing_out_is_recorded_in_the_audit_log(client, person):
    sign_in(client, person.email, TEST_PASSWORD)

    client.post(reverse("account_logout"))

    assert not is_signed_in(client)
    assert audit_actions(person) == [SIGNED_IN, SIGNED_OUT]


def test_wrong_password_is_refused_with_a_message_and_recorded(client, person):
    response = sign_in(client, person.email, "not-the-password")

    assert not is_signed_in(client)
    assert "The email address and/or password you specified are not correct." in (
        response.content.decode()
    )
    assert audit_actions(person) == [SIGN_IN_FAILED]


def test_failed_sign_in_is_not_attributed_to_the_account_owner(client, person):
    sign_in(client, person.email, "not-the-password")

    entry = ModelLogEntry.objects.for_instance(person).get(action=SIGN_IN_FAILED)
    assert entry.user is None


def test_signing_in_is_attributed_to_the_person(client, person):
    sign_in(client, person.email, TEST_PASSWORD)

    assert ModelLogEntry.objects.for_instance(person).get(action=SIGNED_IN).user == person


def test_person_who_has_not_verified_their_email_cannot_sign_in(client, db):
    unverified = UserFactory(verified=False)

    response = sign_in(client, unverified.email, TEST_PASSWORD)

    assert not is_signed_in(client)
    assert response.redirect_chain[-1][0] == reverse("account_email_verification_sent")


def test_after_the_allowed_failures_the_next_attempt_says_too_many_attempts(client, person):
    fail_to_sign_in(client, person.email, failed_logins_allowed())

    response = sign_in(client, person.email, "not-the-password")

    assert TOO_MANY_ATTEMPTS in response.content.decode()


def test_right_password_is_refused_once_the_limit_is_reached(client, person):
    fail_to_sign_in(client, person.email, failed_logins_allowed())

    response = sign_in(client, person.email, TEST_PASSWORD)

    assert TOO_MANY_ATTEMPTS in response.content.decode()
    assert not is_signed_in(client)
    assert SIGNED_IN not in audit_actions(person)


def test_failures_below_the_limit_do_not_lock_the_person_out(client, person):
    fail_to_sign_in(client, person.email, failed_logins_allowed() - 1)

    sign_in(client, person.email, TEST_PASSWORD)

    assert is_signed_in(client)


def test_guesses_from_many_addresses_still_lock_the_account(client, person):
    """The per-address limit (key) holds even when every guess comes from a new IP address."""
    for attempt in range(failed_logins_allowed()):
        client.post(
            reverse("account_login"),
            {"login": person.email.upper(), "password": "not-the-password"},
            REMOTE_ADDR=f"192.0.2.{attempt + 1}",
        )

    response = client.post(
        reverse("account_login"),
        {"login": person.email, "password": TEST_PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )

    assert TOO_MANY_ATTEMPTS in response.content.decode()
    assert not is_signed_in(client)


def test_one_persons_failures_do_not_lock_others_out_of_the_same_address(client, person):
    colleague = UserFactory()
    fail_to_sign_in(client, person.email, failed_logins_allowed_per("key"))

    sign_in(client, colleague.email, TEST_PASSWORD)

    assert is_signed_in(client)


def guess_from(client, email: str, *, forwarded_for: str, proxy: str = "10.0.0.2"):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": "not-the-password"},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def guess_many_accounts_from(client, forwarded_for: str, times: int) -> None:
    for attempt in range(times):
        response = guess_from(client, f"guess{attempt}@example.org", forwarded_for=forwarded_for)
        assert TOO_MANY_ATTEMPTS not in response.content.decode()


def test_behind_a_trusted_proxy_each_client_address_has_its_own_limit(client, person, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    guess_many_accounts_from(client, "203.0.113.9", failed_logins_allowed_per("ip"))
    assert (
        TOO_MANY_ATTEMPTS
        in guess_from(client, "another@example.org", forwarded_for="203.0.113.9").content.decode()
    )

    response = client.post(
        reverse("account_login"),
        {"login": person.email, "password": TEST_PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )

    assert response.status_code == 302
    assert is_signed_in(client)


def test_the_client_address_is_the_one_the_trusted_proxy_appended(client, db, settings):
    """Addresses to the left of it come from the client itself, which may have made them up."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    guess_many_accounts_from(client, "192.0.2.1, 203.0.113.9", failed_logins_allowed_per("ip"))

    response = guess_from(client, "another@example.org", forwarded_for="192.0.2.77, 203.0.113.9")

    assert TOO_MANY_ATTEMPTS in response.content.decode()


def test_without_trusted_proxies_a_forwarded_header_does_not_escape_the_limit(client, db, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for attempt in range(failed_logins_allowed_per("ip")):
        guess_from(client, f"guess{attempt}@example.org", forwarded_for=f"192.0.2.{attempt + 1}")

    response = guess_from(client, "another@example.org", forwarded_for="198.51.100.99")

    assert TOO_MANY_ATTEMPTS in response.content.decode()


def test_a_forwarded_header_shorter_than_the_proxy_chain_is_limited_by_connection(
    client, person, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2

    response = client.post(
        reverse("account_login"),
        {"login": person.email, "password": TEST_PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )

    assert response.status_code == 302
    assert is_signed_in(client)
