"""The account e-mails are the platform's own: plain English, the site's name and links, and
the links allauth builds (never "Hello from 127.0.0.1:8101!")."""

import pytest

from django.conf import settings
from django.urls import reverse

from core.accounts.factories import TEST_PASSWORD

from .helpers import link_in_last_email

pytestmark = pytest.mark.django_db

NEWCOMER = "new.teacher@school.example.org"
SITE_NAME = settings.WAGTAIL_SITE_NAME


def sign_up(client, email: str = NEWCOMER):
    client.post(
        reverse("account_signup"),
        {"email": email, "password1": TEST_PASSWORD, "password2": TEST_PASSWORD},
    )


def last_email_to(mailoutbox, address: str):
    return [message for message in mailoutbox if address in message.to][-1]


def test_the_sign_up_email_says_what_to_do_with_the_sites_name(client, mailoutbox):
    sign_up(client)

    message = last_email_to(mailoutbox, NEWCOMER)
    assert (
        message.subject == "[Networked Learning] Confirm your e-mail address to finish signing up"
    )
    assert f"Thank you for signing up to {SITE_NAME}" in message.body
    assert "sign in with the password you chose" in message.body
    assert "Hello from" not in message.body


def test_the_sign_up_email_carries_allauths_confirmation_link(client, mailoutbox):
    sign_up(client)

    link = link_in_last_email(NEWCOMER, "/accounts/confirm-email/")

    assert link.startswith("http://testserver/accounts/confirm-email/")
    assert client.get(link).status_code == 200


def test_account_emails_end_with_the_sites_name_and_address(client, mailoutbox):
    sign_up(client)

    body = last_email_to(mailoutbox, NEWCOMER).body
    assert body.rstrip().endswith(f"{SITE_NAME}\nhttp://testserver/")


def test_the_password_reset_email_is_in_plain_english_with_its_link(client, person, mailoutbox):
    client.post(reverse("account_reset_password"), {"email": person.email})

    message = last_email_to(mailoutbox, person.email)
    assert message.subject == "[Networked Learning] Reset your password"
    assert message.body.startswith("Hello Ada,")
    assert f"reset the password of your account on {SITE_NAME}" in message.body
    assert "/accounts/password/reset/key/" in link_in_last_email(person.email, "/password/reset/")


def test_signing_up_with_a_taken_address_sends_a_sign_in_and_reset_link(client, person, mailoutbox):
    sign_up(client, person.email)

    message = last_email_to(mailoutbox, person.email)
    assert message.subject == "[Networked Learning] You already have an account"
    assert "To sign in, go to http://testserver/accounts/login/" in message.body
    assert "http://testserver/accounts/password/reset/" in message.body
