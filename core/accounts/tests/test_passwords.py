"""Forgotten and changed passwords: the flows work end to end and leave an audit trail."""

from django.urls import reverse

from core.accounts.audit import PASSWORD_CHANGED, PASSWORD_RESET
from core.accounts.factories import TEST_PASSWORD

from .helpers import audit_actions, is_signed_in, link_in_last_email, sign_in

NEW_PASSWORD = "lateral-learning-travels-far"  # noqa: S105


def reset_password(client, email: str, new_password: str):
    """Ask for a reset, open the link in the e-mail and choose a new password."""
    client.post(reverse("account_reset_password"), {"email": email})
    link = link_in_last_email(email, "/password/reset/key/")
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    return client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": new_password, "password2": new_password},
        follow=True,
    )


def test_password_reset_request_sends_an_email_with_a_reset_link(client, person):
    client.post(reverse("account_reset_password"), {"email": person.email})

    assert "/password/reset/key/" in link_in_last_email(person.email, "/password/reset/key/")


def test_person_can_sign_in_with_the_password_chosen_through_the_reset_link(client, person):
    reset_password(client, person.email, NEW_PASSWORD)
    client.logout()

    sign_in(client, person.email, NEW_PASSWORD)

    assert is_signed_in(client)


def test_old_password_no_longer_works_after_a_reset(client, person):
    reset_password(client, person.email, NEW_PASSWORD)
    client.logout()

    sign_in(client, person.email, TEST_PASSWORD)

    assert not is_signed_in(client)


def test_password_reset_is_recorded_in_the_audit_log(client, person):
    reset_password(client, person.email, NEW_PASSWORD)

    assert PASSWORD_RESET in audit_actions(person)


def test_reset_link_works_only_once(client, person):
    reset_password(client, person.email, NEW_PASSWORD)
    link = link_in_last_email(person.email, "/password/reset/key/")
    client.logout()

    response = client.get(link, follow=True)

    assert "The password reset link was invalid" in response.content.decode()


def test_signed_in_person_can_change_their_password_and_sign_in_with_it(client, person):
    sign_in(client, person.email, TEST_PASSWORD)
    client.post(
        reverse("account_change_password"),
        {"oldpassword": TEST_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    client.logout()

    sign_in(client, person.email, NEW_PASSWORD)

    assert is_signed_in(client)


def test_changing_password_is_recorded_in_the_audit_log(client, person):
    sign_in(client, person.email, TEST_PASSWORD)

    client.post(
        reverse("account_change_password"),
        {"oldpassword": TEST_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert PASSWORD_CHANGED in audit_actions(person)


def test_password_change_with_the_wrong_current_password_is_refused_and_not_logged(client, person):
    sign_in(client, person.email, TEST_PASSWORD)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "not-my-password", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 200
    assert "Please type your current password." in response.content.decode()
    assert PASSWORD_CHANGED not in audit_actions(person)
