"""Error pages keep the site's layout, so a person who hits one can find their way on."""

import re

from django.conf import settings
from django.urls import reverse

from core.accounts.factories import UserFactory


def assert_site_layout(response) -> None:
    page = response.content.decode()
    assert '<html lang="en-GB"' in page
    assert 'href="#main"' in page
    assert 'class="site-header"' in page
    assert re.search(r'<main [^>]*id="main"', page)
    assert 'class="site-footer"' in page
    assert "/static/css/site.css" in page


def reset_limit_per_address() -> int:
    """The per-address count in ACCOUNT_RATE_LIMITS["reset_password"], e.g. 5 for "…,5/m/key"."""
    rules = settings.ACCOUNT_RATE_LIMITS["reset_password"].split(",")
    return int(next(rule for rule in rules if rule.endswith("/key")).split("/")[0])


def test_page_not_found_renders_with_the_site_layout(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()
    assert_site_layout(response)


def test_forbidden_renders_with_the_site_layout(client, db):
    client.force_login(UserFactory())

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    assert "<h1>You cannot do that</h1>" in response.content.decode()
    assert_site_layout(response)


def test_too_many_requests_renders_with_the_site_layout(client, db):
    person = UserFactory()
    for _ in range(reset_limit_per_address()):
        assert (
            client.post(reverse("account_reset_password"), {"email": person.email}).status_code
            == 302
        )

    response = client.post(reverse("account_reset_password"), {"email": person.email})

    assert response.status_code == 429
    assert "<h1>Too many attempts</h1>" in response.content.decode()
    assert_site_layout(response)


def test_error_pages_show_the_account_menu_to_a_signed_in_person(client, db):
    person = UserFactory(first_name="Grace", last_name="Okafor")
    client.force_login(person)

    response = client.get("/no-such-page/")

    assert "<summary>Grace Okafor</summary>" in response.content.decode()
