"""The network profile's study-visit figures: visits hosted and made, counted in one query."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from visits.factories import BookingFactory, VisitOfferFactory, VisitSessionFactory
from visits.models import BookingStatus
from visits.selectors import network_visit_summary


def past_session(network):
    ended = timezone.now() - timedelta(days=3)
    return VisitSessionFactory(
        offer=VisitOfferFactory(network=network),
        starts_at=ended - timedelta(hours=6),
        ends_at=ended,
    )


def test_a_visit_hosted_is_one_visiting_network_at_one_past_session(world):
    session = past_session(world.host)
    BookingFactory(session=session, network=world.visiting)
    BookingFactory(session=session, network=world.visiting)  # a colleague: the same visit
    BookingFactory(session=session, network=world.third)
    BookingFactory(session=past_session(world.host), network=world.visiting)

    summary = network_visit_summary(world.host, AnonymousUser())

    assert summary["hosted"] == 3


def test_a_visit_made_is_one_past_session_the_network_booked(world):
    session = past_session(world.host)
    BookingFactory(session=session, network=world.visiting)
    BookingFactory(session=session, network=world.visiting)
    BookingFactory(session=past_session(world.third), network=world.visiting)

    summary = network_visit_summary(world.visiting, AnonymousUser())

    assert (summary["made"], summary["hosted"]) == (2, 0)


def test_cancelled_places_and_sessions_to_come_are_not_counted(world):
    BookingFactory(
        session=past_session(world.host), network=world.visiting, status=BookingStatus.CANCELLED
    )
    BookingFactory(session=world.session, network=world.visiting)

    summary = network_visit_summary(world.host, AnonymousUser())

    assert (summary["hosted"], summary["made"]) == (0, 0)


def test_the_summary_takes_two_queries(world, django_assert_num_queries):
    BookingFactory(session=past_session(world.host), network=world.visiting)

    with django_assert_num_queries(2):
        network_visit_summary(world.host, AnonymousUser())
