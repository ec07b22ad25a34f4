"""An invitation reaches the invited person even when someone else listed their address as an
unverified e-mail of their own account (issue #15, item 11)."""

import pytest
from allauth.account.models import EmailAddress

from django.urls import reverse

from core.accounts.factories import TEST_PASSWORD
from core.accounts.tests.helpers import link_in_last_email
from networks import services
from networks.factories import SchoolFactory
from networks.models import Membership

pytestmark = pytest.mark.django_db

ADDRESS = "jo.bloggs@school.example.org"


def test_a_member_listing_the_address_unverified_does_not_block_the_invitation(
    network, co_leader, member
):
    EmailAddress.objects.create(user=member, email=ADDRESS, verified=False)

    invitation = services.invite_member(
        network=network, email=ADDRESS, school=SchoolFactory(), by=co_leader
    )

    assert invitation.email == ADDRESS


def test_the_invited_person_signs_up_verifies_and_joins_despite_the_listing(
    client, network, co_leader, member, mailoutbox
):
    EmailAddress.objects.create(user=member, email=ADDRESS, verified=False)
    invitation = services.invite_member(
        network=network, email=ADDRESS, school=SchoolFactory(), by=co_leader
    )
    invitation_path = reverse("networks:invitation", kwargs={"token": invitation.token})

    client.post(
        f"{reverse('account_signup')}?next={invitation_path}",
        {"email": ADDRESS, "password1": TEST_PASSWORD, "password2": TEST_PASSWORD},
    )
    client.post(link_in_last_email(ADDRESS, "/accounts/confirm-email/"))
    client.post(reverse("account_login"), {"login": ADDRESS, "password": TEST_PASSWORD})
    response = client.post(invitation_path)

    assert response.status_code == 302
    joined = Membership.objects.current().get(network=network, user__email=ADDRESS)
    assert joined.role == invitation.role
    assert not EmailAddress.objects.filter(user=member, email=ADDRESS).exists()
