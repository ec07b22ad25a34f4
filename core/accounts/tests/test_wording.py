"""One wording, GOV.UK's: "Sign in", "Sign up" and "Sign out" on the forms and in the header."""

import re

import pytest

from django.urls import reverse

pytestmark = pytest.mark.django_db

OLD_WORDS = re.compile(r"Sign In|Sign Up|Sign Out|Log in|Log out|Signup\b")


def test_the_sign_in_page_says_sign_in(client):
    page = client.get(reverse("account_login")).content.decode()

    assert "<h1>Sign in</h1>" in page
    assert re.search(r"<button[^>]*>\s*Sign in\s*</button>", page)
    assert not OLD_WORDS.search(page)


def test_the_sign_up_page_says_sign_up(client):
    page = client.get(reverse("account_signup")).content.decode()

    assert "<h1>Sign up</h1>" in page
    assert re.search(r"<button[^>]*>\s*Sign up\s*</button>", page)
    assert not OLD_WORDS.search(page)


def test_the_header_offers_sign_in_and_sign_up(client):
    page = client.get("/").content.decode()

    assert re.search(r'<a href="/accounts/login/">Sign in</a>', page)
    assert re.search(r'<a class="button button--small" href="/accounts/signup/">Sign up</a>', page)
    assert not OLD_WORDS.search(page)


def test_the_header_offers_a_signed_in_person_sign_out(client, person):
    client.force_login(person)

    page = client.get(reverse("accounts_profile")).content.decode()

    assert re.search(r'<button type="submit" class="link-button">Sign out</button>', page)
    assert not OLD_WORDS.search(page)


def test_the_sign_out_page_says_sign_out(client, person):
    client.force_login(person)

    page = client.get(reverse("account_logout")).content.decode()

    assert "<h1>Sign out</h1>" in page
    assert not OLD_WORDS.search(page)


def test_the_check_your_email_page_is_plain_english(client):
    page = client.get(reverse("account_email_verification_sent")).content.decode()

    assert "<h1>Check your e-mail</h1>" in page
    assert not OLD_WORDS.search(page)
