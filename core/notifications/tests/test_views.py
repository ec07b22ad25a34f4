"""The notifications page: one's own, newest first, paginated, and the unread count."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.accounts.factories import UserFactory
from core.notifications.models import Notification
from core.notifications.services import notify

pytestmark = pytest.mark.django_db

LIST = "/notifications/"


def test_the_page_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(LIST)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_page_shows_only_the_signed_in_persons_notifications(client):
    person, other = UserFactory(), UserFactory()
    notify(recipient=person, message="Your artefact was approved.")
    notify(recipient=other, message="Someone else's news.")
    client.force_login(person)

    html = client.get(LIST).content.decode()

    assert "Your artefact was approved." in html
    assert "Someone else&#x27;s news." not in html


def test_the_header_shows_the_unread_count(client):
    person = UserFactory()
    for _ in range(3):
        notify(recipient=person, message="News.")
    client.force_login(person)

    assert '<span class="badge">3<span class="visually-hidden"> unread</span>' in (
        client.get("/").content.decode()
    )


def test_marking_all_read_clears_the_count(client):
    person = UserFactory()
    notify(recipient=person, message="News.")
    client.force_login(person)

    response = client.post(f"{LIST}read/", follow=True)

    assert "Marked 1 notification as read." in response.content.decode()
    assert not Notification.objects.filter(recipient=person, read_at__isnull=True).exists()


def test_marking_read_needs_a_post(client):
    client.force_login(UserFactory())

    assert client.get(f"{LIST}read/").status_code == 405


def test_the_page_is_paginated_and_a_page_past_the_end_shows_the_last(client):
    person = UserFactory()
    for number in range(30):
        notify(recipient=person, message=f"News {number}.")
    client.force_login(person)

    response = client.get(LIST, {"page": 99})

    assert response.status_code == 200
    assert response.context["page_obj"].number == 2
    assert len(response.context["page_obj"].object_list) == 5


def count_queries(client) -> int:
    client.get(LIST)
    with CaptureQueriesContext(connection) as queries:
        client.get(LIST)
    return len(queries)


def test_the_page_runs_the_same_queries_for_3_or_30_notifications(client):
    person = UserFactory()
    client.force_login(person)
    for _ in range(3):
        notify(recipient=person, message="News.")
    few = count_queries(client)
    for _ in range(27):
        notify(recipient=person, message="News.")

    assert count_queries(client) == few


def test_opening_a_notification_marks_it_read_and_follows_its_link(client):
    person = UserFactory()
    notification = notify(recipient=person, message="Review this.", url="/artefacts/7/")
    client.force_login(person)

    response = client.get(f"{LIST}{notification.pk}/open/")

    assert (response.status_code, response["Location"]) == (302, "/artefacts/7/")
    notification.refresh_from_db()
    assert notification.is_read


def test_someone_elses_notification_cannot_be_opened(client):
    notification = notify(recipient=UserFactory(), message="Not yours.", url="/artefacts/7/")
    client.force_login(UserFactory())

    assert client.get(f"{LIST}{notification.pk}/open/").status_code == 404
    notification.refresh_from_db()
    assert not notification.is_read


def test_a_link_to_another_site_is_not_followed(client):
    person = UserFactory()
    notification = notify(recipient=person, message="Odd.", url="https://elsewhere.example/")
    client.force_login(person)

    response = client.get(f"{LIST}{notification.pk}/open/")

    assert response["Location"] == LIST


def test_the_list_links_each_notification_through_its_open_view(client):
    person = UserFactory()
    notification = notify(recipient=person, message="Review this.", url="/artefacts/7/")
    client.force_login(person)

    assert f'href="{LIST}{notification.pk}/open/"' in client.get(LIST).content.decode()


def test_marking_selected_marks_only_those(client):
    person = UserFactory()
    chosen, kept = (notify(recipient=person, message=f"News {n}.") for n in (1, 2))
    client.force_login(person)

    response = client.post(
        f"{LIST}read/", {"scope": "selected", "notification": [chosen.pk]}, follow=True
    )

    assert "Marked 1 notification as read." in response.content.decode()
    assert list(Notification.objects.filter(read_at__isnull=True)) == [kept]


def test_marking_selected_with_none_ticked_says_so_and_marks_nothing(client):
    person = UserFactory()
    notify(recipient=person, message="News.")
    client.force_login(person)

    response = client.post(f"{LIST}read/", {"scope": "selected"}, follow=True)

    assert "Tick the notifications to mark as read." in response.content.decode()
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_someone_elses_notification_cannot_be_marked_read(client):
    person = UserFactory()
    theirs = notify(recipient=UserFactory(), message="Not yours.")
    mine = notify(recipient=person, message="Yours.")
    client.force_login(person)

    response = client.post(
        f"{LIST}read/", {"scope": "selected", "notification": [mine.pk, theirs.pk]}
    )

    assert response.status_code == 404
    assert Notification.objects.filter(read_at__isnull=True).count() == 2


def test_marking_read_lowers_the_count_in_the_header(client):
    person = UserFactory()
    first, _ = (notify(recipient=person, message="News.") for _ in range(2))
    client.force_login(person)

    client.post(f"{LIST}read/", {"scope": "selected", "notification": [first.pk]})

    assert '<span class="badge">1<span class="visually-hidden"> unread</span>' in (
        client.get(LIST).content.decode()
    )


def test_the_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    person = UserFactory()
    for number in range(30):
        notify(recipient=person, message=f"News {number}.", url=f"/artefacts/{number}/")
    client.force_login(person)
    client.get(LIST)

    # session, the person with their unread count, the page's count and its rows
    with django_assert_num_queries(4):
        assert client.get(LIST).status_code == 200
