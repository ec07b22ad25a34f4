"""An address someone else listed on their account without verifying it does not stop its owner
from signing up (issue #15, item 11); once the owner verifies it, the listing is gone."""

import pytest
from allauth.account.models import EmailAddress

from django.urls import reverse

from core.accounts.factories import TEST_PASSWORD, UserFactory
from core.accounts.models import User

from .helpers import link_in_last_email

pytestmark = pytest.mark.django_db

ADDRESS = "jo.bloggs@school.example.org"


def list_unverified(address: str = ADDRESS):
    someone = UserFactory()
    EmailAddress.objects.create(user=someone, email=address, verified=False, primary=False)
    return someone


def sign_up(client, email: str = ADDRESS):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": TEST_PASSWORD, "password2": TEST_PASSWORD},
        follow=True,
    )


def test_the_owner_signs_up_with_an_address_someone_else_listed_unverified(client, mailoutbox):
    list_unverified()

    sign_up(client)

    owner = User.objects.get(email=ADDRESS)
    assert EmailAddress.objects.filter(user=owner, email=ADDRESS, verified=False).exists()
    assert "confirm" in link_in_last_email(ADDRESS, "/accounts/confirm-email/")


def test_verifying_the_address_removes_the_other_unverified_listing(client, mailoutbox):
    someone = list_unverified()
    sign_up(client)

    client.post(link_in_last_email(ADDRESS, "/accounts/confirm-email/"))

    owner = User.objects.get(email=ADDRESS)
    assert EmailAddress.objects.get(email=ADDRESS).user == owner
    assert EmailAddress.objects.get(email=ADDRESS).verified
    assert not EmailAddress.objects.filter(user=someone, email=ADDRESS).exists()


def test_an_address_another_account_verified_still_cannot_be_signed_up_with(client, mailoutbox):
    holder = UserFactory()
    EmailAddress.objects.create(user=holder, email=ADDRESS, verified=True, primary=False)

    sign_up(client)

    assert not User.objects.filter(email=ADDRESS).exists()
    assert "already" in mailoutbox[-1].body.lower()


def test_an_address_an_account_signs_in_with_still_cannot_be_signed_up_with(client, mailoutbox):
    UserFactory(email=ADDRESS, verified=False)

    sign_up(client)

    assert User.objects.filter(email=ADDRESS).count() == 1
    assert "already" in mailoutbox[-1].body.lower()
