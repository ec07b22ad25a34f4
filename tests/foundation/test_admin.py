"""The Wagtail admin and Django's admin: who gets in, and through which sign-in form."""

from django.urls import reverse

from core.accounts.factories import TEST_PASSWORD, AdminFactory, UserFactory
from core.accounts.tests.helpers import sign_in


def test_wagtail_admin_loads_for_an_admin(client, db):
    client.force_login(AdminFactory())

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "Dashboard" in response.content.decode()


def test_wagtail_admin_sends_anonymous_visitors_to_the_sign_in_page(client, db):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0] == f"{reverse('account_login')}?next=/admin/"
    assert response.status_code == 200


def test_signing_in_through_the_site_form_leads_back_into_the_admin(client, db):
    admin = AdminFactory()
    client.get("/admin/", follow=True)

    response = client.post(
        f"{reverse('account_login')}?next=/admin/",
        {"login": admin.email, "password": TEST_PASSWORD},
    )

    assert response.status_code == 302
    assert response.url == "/admin/"


def test_wagtail_admin_login_form_is_not_offered(client, db):
    """It would accept a password alone, skipping two-factor authentication."""
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=/admin/pages/"


def test_wagtail_private_page_login_form_is_not_offered(client, db):
    response = client.get("/_util/login/?next=/private/")

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=/private/"


def test_signed_in_person_without_admin_access_gets_a_403_not_a_redirect_loop(client, db):
    person = UserFactory()
    sign_in(client, person.email, TEST_PASSWORD)

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    assert len(response.redirect_chain) < 3


def test_django_admin_sends_anonymous_visitors_to_the_site_sign_in_page(client, db):
    response = client.get("/django-admin/", follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert response.status_code == 200


def test_django_admin_turns_away_a_signed_in_person_who_is_not_staff(client, db):
    client.force_login(UserFactory())

    response = client.get("/django-admin/login/")

    assert response.status_code == 403
