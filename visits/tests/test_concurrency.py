"""40 people book 10 places at the same moment: exactly 10 places and 30 on the waitlist.

Real transactions in 40 threads, each with its own database connection. On PostgreSQL (CI's
second run) each booking waits on the session row's lock and counts after the one before
commits; on SQLite the IMMEDIATE transactions serialise the writers. SQLite's shared in-memory
test database refuses a second writer outright ("database table is locked") where a file
database waits, so a refused thread tries again, as a retried request would.
"""

import threading
import time

import pytest

from django.db import OperationalError, close_old_connections, connection

from core.accounts.factories import UserFactory
from core.notifications.services import emails_suppressed
from networks.factories import ActiveNetworkFactory, MembershipFactory
from visits import services
from visits.factories import VisitOfferFactory, VisitSessionFactory
from visits.models import Booking, BookingStatus

PEOPLE = 40
PLACES = 10


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_forty_concurrent_bookings_for_ten_places_give_ten_places_and_thirty_waiting():
    session = VisitSessionFactory(offer=VisitOfferFactory(places=PLACES))
    visiting = ActiveNetworkFactory()
    people = [MembershipFactory(network=visiting, user=UserFactory()).user for _ in range(PEOPLE)]
    barrier = threading.Barrier(PEOPLE)
    outcomes = []

    def book(person):
        try:
            barrier.wait(timeout=30)
            for _attempt in range(400):
                try:
                    # The e-mails are not what is tested; their delivery would be one more writer.
                    with emails_suppressed():
                        booking = services.book_place(session=session, by=person, network=visiting)
                    outcomes.append(booking.status)
                    return
                except OperationalError as error:
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.02)
            outcomes.append("gave up")
        except Exception as error:  # reported by the assertion below, not lost in the thread
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    close_old_connections()

    assert sorted(outcomes) == sorted(
        [BookingStatus.BOOKED] * PLACES + [BookingStatus.WAITLISTED] * (PEOPLE - PLACES)
    )
    assert Booking.objects.filter(session=session, status=BookingStatus.BOOKED).count() == PLACES
    assert (
        Booking.objects.filter(session=session, status=BookingStatus.WAITLISTED).count()
        == PEOPLE - PLACES
    )
