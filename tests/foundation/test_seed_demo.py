"""`manage.py seed_demo` loads the demo data, and running it again changes nothing."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress

from django.apps import apps
from django.core.management import call_command

from wagtail.models import Page

from core.accounts.demo import DEMO_LOGINS, DEMO_PASSWORD
from core.accounts.models import BROKER_GROUP_NAME, User
from core.accounts.tests.helpers import is_signed_in, sign_in


def row_counts() -> dict[str, int]:
    """How many rows every model holds (sessions aside: signing in makes those)."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.label != "sessions.Session"
    }


def seed_demo() -> str:
    output = StringIO()
    call_command("seed_demo", stdout=output)
    return output.getvalue()


@pytest.fixture
def seeded(db):
    assert "Demo data is ready." in seed_demo()


def test_seed_demo_creates_every_demo_login_with_a_verified_address(seeded):
    for login in DEMO_LOGINS:
        assert EmailAddress.objects.filter(email=login.email, verified=True, primary=True).exists()


def test_second_run_of_seed_demo_adds_nothing(seeded):
    before = row_counts()

    seed_demo()

    assert row_counts() == before


def test_second_run_keeps_users_addresses_and_pages_as_they_were(seeded):
    users = set(User.objects.values_list("pk", "email", "password"))
    pages = set(Page.objects.values_list("pk", "path", "title"))

    seed_demo()

    assert set(User.objects.values_list("pk", "email", "password")) == users
    assert set(Page.objects.values_list("pk", "path", "title")) == pages


@pytest.mark.parametrize("login", DEMO_LOGINS, ids=lambda login: login.role)
def test_demo_login_can_sign_in_with_the_published_password(client, seeded, login):
    sign_in(client, login.email, DEMO_PASSWORD)

    assert is_signed_in(client)


def test_demo_broker_is_in_the_broker_group(seeded):
    broker = next(login for login in DEMO_LOGINS if login.role == "National broker")

    assert User.objects.get(email=broker.email).is_broker
    assert User.objects.filter(groups__name=BROKER_GROUP_NAME).count() == 1


def test_demo_admin_can_open_the_wagtail_admin(client, seeded):
    admin = next(login for login in DEMO_LOGINS if login.role == "Admin")
    sign_in(client, admin.email, DEMO_PASSWORD)

    assert client.get("/admin/").status_code == 200


def test_demo_people_get_notifications_in_the_app_but_no_e_mail(seeded):
    from core.notifications.models import Notification, OutboundEmail

    assert Notification.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_demo_broker_finds_one_proposed_network_waiting(client, seeded):
    from networks.models import NetworkProposal, ProposalStatus

    broker = next(login for login in DEMO_LOGINS if login.role == "National broker")
    sign_in(client, broker.email, DEMO_PASSWORD)

    response = client.get("/networks/proposals/")

    assert NetworkProposal.objects.filter(status=ProposalStatus.PENDING).count() == 1
    assert "Fenland Reading Partnership" in response.content.decode()
