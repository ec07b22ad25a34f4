"""The site header shows the way into the Wagtail admin to staff and the national brokers only,
from the booleans core.context_processors gives it, and links the main pages by URL name."""

import pytest

from core.accounts.factories import AdminFactory, BrokerFactory, UserFactory

ADMIN_LINK = '<a href="/admin/">Admin</a>'


@pytest.mark.parametrize(
    ("person", "sees_it"),
    [
        pytest.param(UserFactory, False, id="teacher"),
        pytest.param(BrokerFactory, True, id="broker"),
        pytest.param(AdminFactory, True, id="admin"),
    ],
)
def test_the_admin_link_shows_for_staff_and_brokers_only(client, db, person, sees_it):
    client.force_login(person())

    html = client.get("/").content.decode()

    assert (ADMIN_LINK in html) is sees_it


def test_the_main_pages_are_linked_from_the_header(client, db):
    html = client.get("/networks/").content.decode()

    assert '<a href="/" >Home</a>' in html
    assert '<a href="/networks/" aria-current="page">Networks</a>' in html
    assert '<a href="/search/" >Search</a>' in html
