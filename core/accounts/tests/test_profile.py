"""The profile page: a person sets the name shown beside what they contribute."""

import re

import pytest

from django.test import Client
from django.urls import reverse

from core.accounts.models import User

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PROFILE_FORM = re.compile(r'<form method="post" class="form".*?</form>', re.DOTALL)


def token_in_profile_form(page: str) -> str | None:
    """The CSRF token inside the profile form itself (the header's log-out form has its own)."""
    form = PROFILE_FORM.search(page)
    assert form and "Save profile" in form.group(), "No profile form on the page"
    token = CSRF_FIELD.search(form.group())
    return token.group(1) if token else None


@pytest.fixture
def browser_like_client():
    """A client that enforces CSRF checks, as browsers meet them."""
    return Client(enforce_csrf_checks=True)


def test_profile_page_asks_anonymous_visitors_to_sign_in(client, db):
    response = client.get(reverse("accounts_profile"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_person_saves_their_name_through_the_profile_form(browser_like_client, person):
    browser_like_client.force_login(person)
    form_page = browser_like_client.get(reverse("accounts_profile")).content.decode()
    token = token_in_profile_form(form_page)
    assert token, "The profile form carries no CSRF token, so browsers' posts would be refused"

    response = browser_like_client.post(
        reverse("accounts_profile"),
        {"csrfmiddlewaretoken": token, "first_name": "Augusta", "last_name": "King"},
        follow=True,
    )

    assert response.status_code == 200
    assert "Your profile has been saved." in response.content.decode()
    assert User.objects.get(pk=person.pk).display_name == "Augusta King"


def test_profile_page_marks_itself_current_in_the_account_navigation(client, person):
    client.force_login(person)

    page = client.get(reverse("accounts_profile")).content.decode()

    assert f'<a href="{reverse("accounts_profile")}" aria-current="page">Your profile</a>' in page
