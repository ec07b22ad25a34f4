"""After signing in, people land on the page they were going to: from a page's "Sign in" link,
and from the Wagtail admin (with two-factor authentication on the way)."""

import html
import re

from allauth.mfa.totp.internal.auth import TOTP

from core.accounts.factories import TEST_PASSWORD, AdminFactory

from .test_two_factor import current_code

AUTHENTICATOR_SECRET = "JBSWY3DPEHPK3PXP"
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def link_named(response, text: str) -> str:
    match = re.search(rf'<a [^>]*href="([^"]+)"[^>]*>{text}</a>', response.content.decode())
    assert match, f"No link “{text}” on the page"
    return html.unescape(match.group(1))


def submit(client, form_page, **fields):
    """Post the page's form as a browser would: its hidden fields plus `fields`."""
    page = form_page.content.decode()
    action = re.search(r'<form method="post" class="form" action="([^"]+)"', page).group(1)
    hidden = {name: html.unescape(value) for name, value in HIDDEN.findall(page)}
    return client.post(html.unescape(action), {**hidden, **fields})


def test_the_sign_in_link_leads_back_to_the_page_it_was_on(client, person):
    login_page = client.get(link_named(client.get("/networks/?status=active"), "Sign in"))

    response = submit(client, login_page, login=person.email, password=TEST_PASSWORD)

    assert response.status_code == 302
    assert response.url == "/networks/?status=active"


def test_the_sign_in_link_on_the_sign_up_page_keeps_the_destination(client, db):
    signup_page = client.get("/accounts/signup/?next=/networks/")

    assert link_named(signup_page, "Sign in") == "/accounts/login/?next=%2Fnetworks%2F"


def test_the_home_page_sign_in_link_carries_no_destination(client, db):
    assert link_named(client.get("/"), "Sign in") == "/accounts/login/"


def test_signing_in_with_two_factor_lands_on_the_admin_page_asked_for(client, db):
    admin = AdminFactory()
    TOTP.activate(admin, AUTHENTICATOR_SECRET)
    login_page = client.get("/admin/pages/", follow=True)

    code_page = client.get(
        submit(client, login_page, login=admin.email, password=TEST_PASSWORD).url
    )
    response = submit(client, code_page, code=current_code(AUTHENTICATOR_SECRET))

    assert response.status_code == 302
    assert response.url == "/admin/pages/"
