"""The signed-in person is loaded with what every page asks of them (core.accounts.backends)."""

import pytest

from django.contrib.auth.models import Group

from core.accounts.backends import AccountBackend
from core.accounts.factories import UserFactory
from core.accounts.models import BROKER_GROUP_NAME
from core.notifications.models import Notification
from core.notifications.selectors import unread_count
from core.notifications.services import mark_read

pytestmark = pytest.mark.django_db


def test_the_broker_flag_and_unread_count_come_in_the_query_that_loads_the_person(
    django_assert_num_queries,
):
    person = UserFactory()
    person.groups.add(Group.objects.get_or_create(name=BROKER_GROUP_NAME)[0])
    Notification.objects.create(recipient=person, message="A new response to your artefact.")

    with django_assert_num_queries(1):
        loaded = AccountBackend().get_user(person.pk)
        flags = (loaded.is_broker, unread_count(loaded))

    assert flags == (True, 1)


def test_marking_notifications_read_updates_the_count_loaded_with_the_person():
    person = UserFactory()
    Notification.objects.create(recipient=person, message="A new response to your artefact.")
    loaded = AccountBackend().get_user(person.pk)

    mark_read(user=loaded)

    assert unread_count(loaded) == 0


def test_a_session_recorded_under_the_previous_backend_still_signs_in(client):
    person = UserFactory()
    client.force_login(person, backend="django.contrib.auth.backends.ModelBackend")

    response = client.get("/notifications/")

    assert response.status_code == 200
    assert response.wsgi_request.user == person
