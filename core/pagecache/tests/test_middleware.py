import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.accounts.factories import UserFactory
from core.pagecache import purge

pytestmark = [pytest.mark.django_db, pytest.mark.urls("core.pagecache.tests.urls")]


def test_second_anonymous_request_is_served_from_the_cache_without_sql(client):
    first = client.get("/public/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/public/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert len(queries) == 0


def test_each_query_string_is_its_own_page(client):
    client.get("/public/?page=1")
    assert client.get("/public/?page=2").content != client.get("/public/?page=1").content


def test_head_request_is_answered_from_the_cached_get(client):
    client.get("/public/")
    response = client.head("/public/")
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""


def test_view_not_marked_is_never_cached(client):
    client.get("/not-marked/")
    assert client.get("/not-marked/").get("X-Page-Cache") is None
    assert client.get("/not-marked/").content != client.get("/not-marked/").content


def test_signed_in_person_is_never_served_nor_stored(client):
    client.get("/public/")  # an anonymous copy exists
    client.force_login(UserFactory())
    response = client.get("/public/")
    assert response.get("X-Page-Cache") is None
    client.logout()
    client.cookies.clear()
    assert client.get("/public/")["X-Page-Cache"] == "hit"


def test_signed_in_answer_is_not_stored_for_anonymous_visitors(client):
    client.force_login(UserFactory())
    signed_in = client.get("/public/")
    client.logout()
    client.cookies.clear()
    anonymous = client.get("/public/")
    assert anonymous["X-Page-Cache"] == "miss"
    assert anonymous.content != signed_in.content


def test_page_using_the_csrf_token_is_never_stored(client):
    first = client.get("/with-form/")
    client.cookies.clear()
    second = client.get("/with-form/")
    assert "csrftoken" in first.cookies
    assert second.get("X-Page-Cache") is None
    assert first.content != second.content


def test_private_answer_is_never_stored(client):
    client.get("/private/")
    assert client.get("/private/").get("X-Page-Cache") is None


def test_answer_other_than_200_is_never_stored(client):
    client.get("/missing/")
    assert client.get("/missing/").get("X-Page-Cache") is None


def test_visitor_with_a_message_waiting_gets_a_fresh_page(client):
    client.get("/public/")
    client.get("/greets/")  # leaves the message in the messages cookie
    assert "messages" in client.cookies
    assert client.get("/public/").get("X-Page-Cache") is None


def test_request_with_credentials_is_never_served_from_the_cache(client):
    client.get("/public/")
    response = client.get("/public/", HTTP_AUTHORIZATION="Token abc")
    assert response.get("X-Page-Cache") is None


def test_purging_a_path_makes_every_query_variant_stale(client):
    client.get("/public/a/")
    client.get("/public/a/?page=2")
    purge(["/public/a/"])
    assert client.get("/public/a/")["X-Page-Cache"] == "miss"
    assert client.get("/public/a/?page=2")["X-Page-Cache"] == "miss"


def test_purging_a_path_leaves_its_neighbours_cached(client):
    client.get("/public/a/")
    client.get("/public/b/")
    purge(["/public/a/"])
    assert client.get("/public/b/")["X-Page-Cache"] == "hit"


def test_purging_a_subtree_makes_every_page_beneath_it_stale(client):
    client.get("/public/a/")
    client.get("/not-marked/")
    purge(["/public/*"])
    assert client.get("/public/a/")["X-Page-Cache"] == "miss"


def test_page_rendered_while_a_purge_happens_is_not_served_afterwards(client):
    from core.pagecache.tests import urls

    original = urls.public

    def purging_while_rendering(request, slug=""):
        purge(["/public/"])  # a change committed while this request renders the old rows
        return original(request, slug)

    urls.urlpatterns[0].callback = purging_while_rendering
    try:
        client.get("/public/")
    finally:
        urls.urlpatterns[0].callback = original
    assert client.get("/public/")["X-Page-Cache"] == "miss"
