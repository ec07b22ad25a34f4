"""Notifications keep up with visits: each answer to a visit request marks everyone's
notifications of the step before read; a cancelled place or session makes its news read."""

import pytest

from core.notifications.models import Notification
from visits import services
from visits.services import SessionTimes

from .conftest import in_days

pytestmark = pytest.mark.django_db


def unread(person, contains: str):
    return Notification.objects.filter(
        recipient=person, read_at__isnull=True, message__contains=contains
    )


def ask(world):
    return services.request_visit(
        from_network=world.visiting,
        to_network=world.host,
        by=world.visiting_co_leader,
        focus_question="How do pupils act on spoken feedback?",
        hoping_to_learn="How live marking is organised across a lesson.",
        preferred_weeks="w/c 12 May",
        visitors=2,
    )


def test_a_visit_request_links_to_the_request(world):
    visit_request = ask(world)

    assert unread(world.host_co_leader, "would like to visit").get().url == (
        visit_request.get_absolute_url()
    )


def test_proposing_sessions_marks_every_host_co_leaders_request_notification_read(world):
    visit_request = ask(world)

    services.propose_sessions(
        visit_request=visit_request,
        by=world.host_co_leader,
        slots=[SessionTimes(in_days(20), in_days(20, hour=15))],
    )

    assert not unread(world.host_co_leader, "would like to visit").exists()
    assert not unread(world.host_second_co_leader, "would like to visit").exists()
    assert unread(world.visiting_co_leader, "pick one").exists()


def test_declining_a_request_marks_every_host_co_leaders_notification_read(world):
    visit_request = ask(world)

    services.decline_request(
        visit_request=visit_request, by=world.host_co_leader, reason="Our term is full."
    )

    assert not unread(world.host_second_co_leader, "would like to visit").exists()


def test_withdrawing_a_request_marks_the_host_co_leaders_notification_read(world):
    visit_request = ask(world)

    services.withdraw_request(visit_request=visit_request, by=world.visiting_co_leader)

    assert not unread(world.host_second_co_leader, "would like to visit").exists()


def test_cancelling_ones_place_marks_the_booking_news_read(world):
    booking = services.book_place(session=world.session, by=world.visitor, network=world.visiting)

    services.cancel_booking(booking=booking, by=world.visitor)

    assert not unread(world.visitor, "You have a place").exists()


def test_cancelling_a_session_marks_the_co_leaders_booking_news_read(world):
    services.book_place(session=world.session, by=world.visitor, network=world.visiting)

    services.cancel_session(session=world.session, by=world.host_co_leader, reason="Snow.")

    assert not unread(world.host_second_co_leader, "booked a place").exists()
    assert unread(world.visitor, "is cancelled").exists()
