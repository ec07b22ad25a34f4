"""The host co-leaders mark who attended a study visit, and attending counts as engagement."""

from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from core.errors import ActionRefused
from networks.engagement.selectors import active_people_in_network, network_engagement
from networks.engagement.terms import term_of
from networks.models import Membership
from visits import services
from visits.factories import BookingFactory, VisitSessionFactory
from visits.models import Booking

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def members_joined_long_ago(world):
    """Joining counts as activity: the world's people joined years ago, so only attending counts."""
    Membership.objects.update(joined_at=timezone.now() - timedelta(days=3 * 365))


@pytest.fixture
def past_session(world):
    starts = timezone.now() - timedelta(days=3)
    return VisitSessionFactory(
        offer=world.offer, starts_at=starts, ends_at=starts + timedelta(hours=6)
    )


@pytest.fixture
def booking(world, past_session):
    return BookingFactory(session=past_session, person=world.visitor, network=world.visiting)


def test_a_host_co_leader_marks_a_visitor_as_attended(world, past_session, booking):
    services.mark_attendance(
        session=past_session, by=world.host_co_leader, attended={booking.pk: True}
    )

    booking.refresh_from_db()
    assert (booking.attended, booking.attendance_marked_by) == (True, world.host_co_leader)


def test_attending_counts_the_visitor_as_active_in_the_network_they_visited_for(
    world, past_session, booking
):
    services.mark_attendance(
        session=past_session, by=world.host_co_leader, attended={booking.pk: True}
    )

    assert active_people_in_network(world.visiting) == 1


def test_a_visitor_marked_absent_does_not_count(world, past_session, booking):
    services.mark_attendance(
        session=past_session, by=world.host_co_leader, attended={booking.pk: False}
    )

    assert active_people_in_network(world.visiting) == 0


def test_a_booking_not_yet_marked_does_not_count(world, booking):
    assert active_people_in_network(world.visiting) == 0


def test_attending_counts_in_the_term_of_the_session(world, past_session, booking):
    services.mark_attendance(
        session=past_session, by=world.host_co_leader, attended={booking.pk: True}
    )

    terms = network_engagement(world.visiting).terms
    session_term = term_of(timezone.localdate(past_session.starts_at))
    assert [count.active_people for count in terms if count.term == session_term] == [1]


def test_marking_again_changes_nothing(world, past_session, booking):
    services.mark_attendance(
        session=past_session, by=world.host_co_leader, attended={booking.pk: True}
    )
    first = Booking.objects.get(pk=booking.pk).attendance_marked_at

    services.mark_attendance(
        session=past_session, by=world.host_second_co_leader, attended={booking.pk: True}
    )

    assert Booking.objects.get(pk=booking.pk).attendance_marked_at == first


def test_attendance_is_refused_before_the_visit_starts(world):
    future = BookingFactory(session=world.session, person=world.visitor, network=world.visiting)

    with pytest.raises(ActionRefused, match="once the visit starts"):
        services.mark_attendance(
            session=world.session, by=world.host_co_leader, attended={future.pk: True}
        )


@pytest.mark.parametrize("who", ["host_member", "visiting_co_leader", "visitor"])
def test_attendance_is_refused_to_anyone_but_the_host_co_leaders(world, past_session, booking, who):
    with pytest.raises(ActionRefused, match="Only the co-leaders of Mersey Feedback Network"):
        services.mark_attendance(
            session=past_session, by=getattr(world, who), attended={booking.pk: True}
        )


def test_attendance_is_refused_for_a_booking_of_another_session(world, past_session):
    elsewhere = BookingFactory(person=world.colleague, network=world.visiting)

    with pytest.raises(ActionRefused, match="visitors with a place on this session"):
        services.mark_attendance(
            session=past_session, by=world.host_co_leader, attended={elsewhere.pk: True}
        )
    assert Booking.objects.get(pk=elsewhere.pk).attended is None


def test_the_session_page_offers_the_host_co_leader_the_attendance_form(
    client, world, past_session, booking
):
    client.force_login(world.host_co_leader)

    content = client.get(past_session.get_absolute_url()).content.decode()

    assert reverse("visits:attendance", args=[past_session.pk]) in content
    assert f'name="attended_{booking.pk}"' in content


def test_the_session_page_has_no_attendance_form_for_the_visitor(
    client, world, past_session, booking
):
    client.force_login(world.visitor)

    content = client.get(past_session.get_absolute_url()).content.decode()

    assert reverse("visits:attendance", args=[past_session.pk]) not in content


def test_posting_the_attendance_form_saves_it(client, world, past_session, booking):
    client.force_login(world.host_co_leader)

    response = client.post(
        reverse("visits:attendance", args=[past_session.pk]),
        {f"attended_{booking.pk}": "absent"},
    )

    assert response.status_code == 302
    assert Booking.objects.get(pk=booking.pk).attended is False


def test_the_attendance_page_is_forbidden_to_a_visitor(client, world, past_session, booking):
    client.force_login(world.visitor)

    response = client.get(reverse("visits:attendance", args=[past_session.pk]))

    assert response.status_code == 403
