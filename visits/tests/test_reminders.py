"""Reminders 7 days and 1 day before a session, and the reflection nudge 3 days after: once per
person per session, however often beat fires; none for a cancelled booking or session."""

import threading
from datetime import timedelta

import pytest

from django.db import OperationalError, close_old_connections, connection
from django.utils import timezone

from core.notifications.models import OutboundEmail
from core.notifications.services import emails_suppressed
from visits import services
from visits.factories import (
    BookingFactory,
    ReflectionFactory,
    VisitOfferFactory,
    VisitSessionFactory,
)
from visits.models import BookingStatus, ReminderKind, ReminderSent
from visits.tasks import send_due_reminders_task

pytestmark = pytest.mark.django_db


def starting_in(world, delta):
    world.session.starts_at = timezone.now() + delta
    world.session.ends_at = world.session.starts_at + timedelta(hours=6)
    world.session.save()
    return world.session


def kinds_sent_to(person):
    return set(ReminderSent.objects.filter(person=person).values_list("kind", flat=True))


def test_booked_visitors_and_host_co_leaders_hear_a_week_before(world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    starting_in(world, timedelta(days=6, hours=12))

    services.send_due_reminders()

    assert kinds_sent_to(world.visitor) == {ReminderKind.WEEK_BEFORE}
    assert kinds_sent_to(world.host_co_leader) == {ReminderKind.WEEK_BEFORE}
    assert OutboundEmail.objects.filter(
        to=world.visitor.email, subject="In a week: Live feedback in Year 5"
    ).exists()


def test_a_day_before_everyone_booked_hears_again(world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    starting_in(world, timedelta(hours=20))

    services.send_due_reminders()

    assert kinds_sent_to(world.visitor) == {ReminderKind.DAY_BEFORE}


def test_a_reminder_goes_once_however_often_beat_fires(world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    starting_in(world, timedelta(hours=20))

    send_due_reminders_task.delay()
    send_due_reminders_task.delay()

    assert OutboundEmail.objects.filter(to=world.visitor.email).count() == 1


def test_nothing_goes_for_a_cancelled_booking(world):
    BookingFactory(
        session=world.session,
        person=world.visitor,
        network=world.visiting,
        status=BookingStatus.CANCELLED,
    )
    starting_in(world, timedelta(hours=20))

    services.send_due_reminders()

    assert kinds_sent_to(world.visitor) == set()


def test_nothing_goes_for_a_cancelled_session(world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    starting_in(world, timedelta(hours=20))
    services.cancel_session(session=world.session, by=world.host_co_leader, reason="Snow")

    assert services.send_due_reminders() == 0


def test_waitlisted_people_get_no_reminder(world):
    BookingFactory(
        session=world.session,
        person=world.visitor,
        network=world.visiting,
        status=BookingStatus.WAITLISTED,
    )
    starting_in(world, timedelta(hours=20))

    services.send_due_reminders()

    assert kinds_sent_to(world.visitor) == set()


def test_visitors_are_nudged_to_reflect_three_days_after(world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    world.session.starts_at = timezone.now() - timedelta(days=4)
    world.session.ends_at = timezone.now() - timedelta(days=3, hours=18)
    world.session.save()

    services.send_due_reminders()

    assert kinds_sent_to(world.visitor) == {ReminderKind.REFLECTION}
    assert kinds_sent_to(world.host_co_leader) == set()


def test_no_nudge_once_the_reflection_is_written(world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    world.session.starts_at = timezone.now() - timedelta(days=4)
    world.session.ends_at = timezone.now() - timedelta(days=3, hours=18)
    world.session.save()
    ReflectionFactory(session=world.session, author=world.visitor, network=world.visiting)

    services.send_due_reminders()

    assert kinds_sent_to(world.visitor) == set()


def test_a_reminder_no_longer_due_is_not_sent(world):
    booking = BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    starting_in(world, timedelta(hours=20))
    booking.status = BookingStatus.CANCELLED
    booking.save()

    sent = services.send_reminder(
        session_id=world.session.pk, person_id=world.visitor.pk, kind=ReminderKind.DAY_BEFORE
    )

    assert sent is False


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_beat_runs_at_once_send_each_reminder_once():
    session = VisitSessionFactory(
        offer=VisitOfferFactory(), starts_at=timezone.now() + timedelta(hours=20)
    )
    booking = BookingFactory(session=session)
    barrier = threading.Barrier(2)
    results = []

    def run():
        try:
            barrier.wait(timeout=10)
            for _attempt in range(200):
                try:
                    with emails_suppressed():
                        results.append(services.send_due_reminders())
                    return
                except OperationalError as error:  # SQLite's shared in-memory test database
                    if "locked" not in str(error):
                        raise
        except Exception as error:
            results.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    close_old_connections()

    assert ReminderSent.objects.filter(person=booking.person).count() == 1
    assert sum(result for result in results if isinstance(result, int)) == 1 + len(
        set(ReminderSent.objects.exclude(person=booking.person).values_list("person", flat=True))
    )
