"""The review visit is a private visit in visits/: the reviewed network hosts, the peer team
visits, its calendar file and reminders come from visits, and nobody else sees it."""

from datetime import timedelta

import pytest

from django.utils import timezone

from peer_review import services
from visits.models import BookingStatus
from visits.selectors import study_visit_contacts
from visits.services import due_reminders

from .world import fresh, schedule_visit, to_peer_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled(world, cycle):
    to_peer_review(world, cycle)
    schedule_visit(world, cycle)
    cycle.refresh_from_db()
    return cycle


def test_scheduling_creates_a_private_visit_hosted_by_the_network(world, scheduled):
    session = scheduled.review_visit
    assert session.offer.network == world.network
    assert session.offer.private
    assert session.host_school == world.school
    assert session.starts_at == scheduled.review_visit_starts_at


def test_the_peer_team_is_booked_as_the_visitors(world, scheduled):
    bookings = scheduled.review_visit.bookings.filter(status=BookingStatus.BOOKED)
    assert {(b.person, b.network) for b in bookings} == {
        (world.reviewers[0], world.other_networks[0]),
        (world.reviewers[1], world.other_networks[1]),
    }


def test_rescheduling_moves_the_same_visit_and_raises_its_sequence(world, scheduled):
    session = scheduled.review_visit
    start = timezone.now() + timedelta(days=20)
    services.schedule_review_visit(
        cycle=scheduled,
        starts_at=start,
        ends_at=start + timedelta(hours=5),
        host_school=world.school,
        by=fresh(world.co_leader),
    )
    session.refresh_from_db()
    scheduled.refresh_from_db()
    assert scheduled.review_visit_id == session.pk
    assert (session.starts_at, session.sequence) == (start, 1)


def test_the_cycle_page_links_to_the_visit_and_its_calendar_file(world, scheduled, client):
    client.force_login(world.co_leader)
    html = client.get(f"/reviews/{scheduled.pk}/").content.decode()
    assert f'href="/visits/sessions/{scheduled.review_visit_id}/"' in html
    assert f'href="/visits/{scheduled.review_visit_id}/calendar.ics"' in html


def test_a_reviewer_downloads_the_calendar_file(world, scheduled, client):
    client.force_login(world.reviewers[1])
    response = client.get(f"/visits/{scheduled.review_visit_id}/calendar.ics")
    assert response.status_code == 200
    assert b"Peer review visit to Mersey Feedback Network" in response.content


@pytest.mark.parametrize("who", ["anonymous", "outsider", "other_network", "broker"])
def test_nobody_else_sees_the_visit_or_its_calendar(world, scheduled, client, who):
    person = world.person(who)
    if person is not None:
        client.force_login(person)
    session = scheduled.review_visit
    for url in (
        session.get_absolute_url(),
        session.offer.get_url(),
        f"/visits/{session.pk}/calendar.ics",
    ):
        response = client.get(url)
        hidden = response.status_code == 404 or (
            person is None and response.status_code == 302 and "/accounts/login/" in response.url
        )
        assert hidden, (url, response.status_code)


def test_the_visit_page_shows_nothing_of_the_cycle(world, scheduled, client):
    client.force_login(world.reviewers[1])
    html = client.get(scheduled.review_visit.get_absolute_url()).content.decode()
    assert "Peer review visit" in html
    assert "Minutes and artefacts show it." not in html


def test_reminders_for_the_review_visit_come_from_visits(world, scheduled):
    session = scheduled.review_visit
    due = due_reminders(now=session.starts_at - timedelta(days=7, hours=-1))
    people = {person_id for session_id, person_id, _kind in due if session_id == session.pk}
    assert {world.reviewers[0].pk, world.co_leader.pk} <= people


def test_the_review_visit_is_not_a_study_visit_conflict(world, scheduled):
    assert not study_visit_contacts(world.network, timezone.now() - timedelta(days=180))
