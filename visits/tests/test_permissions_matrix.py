"""Who may do what with a study visit, one cell per test: people × actions × which network."""

from datetime import timedelta

import pytest

from django.utils import timezone

from networks.models import NetworkStatus
from visits import permissions
from visits.factories import BookingFactory, FocusQuestionFactory, VisitRequestFactory
from visits.models import OfferStatus, RequestStatus

pytestmark = pytest.mark.django_db

PEOPLE = [
    "host_co_leader",
    "host_member",
    "host_friend",
    "visiting_co_leader",
    "visitor",
    "third_member",
    "outsider",
    "broker",
    "admin",
]


def person(world, name):
    return getattr(world, name)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("host_co_leader", True)] + [(name, False) for name in PEOPLE if name != "host_co_leader"],
)
def test_only_host_co_leaders_manage_an_offer(world, who, allowed):
    assert permissions.can_manage_offer(person(world, who), world.offer) is allowed


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("host_co_leader", True), ("visiting_co_leader", False), ("host_member", False)],
)
def test_only_a_networks_co_leaders_create_its_offers(world, who, allowed):
    assert permissions.can_create_offer(person(world, who), world.host) is allowed


def test_a_co_leader_of_another_network_cannot_create_offers_for_the_host(world):
    reason = permissions.why_not_create_offer(world.visiting_co_leader, world.host)

    assert reason == "Only the network's co-leaders can offer study visits."


def test_a_closed_network_creates_no_offers(world):
    world.host.status = NetworkStatus.CLOSED

    assert "has closed" in permissions.why_not_create_offer(world.host_co_leader, world.host)


@pytest.mark.parametrize("who", PEOPLE)
def test_a_published_public_offer_is_seen_by_everyone(world, who):
    assert permissions.can_view_offer(person(world, who), world.offer)


def test_a_published_public_offer_is_seen_by_anonymous_visitors(world, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    assert permissions.can_view_offer(AnonymousUser(), world.offer)


def test_a_members_only_offer_is_hidden_from_anonymous_visitors(world):
    from django.contrib.auth.models import AnonymousUser

    world.offer.visibility = "members"

    assert permissions.why_not_view_offer(AnonymousUser(), world.offer) == (
        "Sign in to see this offer."
    )


def test_a_members_only_offer_is_hidden_from_an_account_in_no_network(world):
    world.offer.visibility = "members"

    assert permissions.why_not_view_offer(world.outsider, world.offer) == (
        "This offer is for members of a network."
    )
    assert permissions.can_view_offer(world.third_member, world.offer)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [(name, name in {"host_co_leader", "admin"}) for name in PEOPLE],
)
def test_a_draft_offer_is_seen_by_host_co_leaders_and_admins_only(world, who, allowed):
    world.offer.status = OfferStatus.DRAFT

    assert permissions.can_view_offer(person(world, who), world.offer) is allowed


@pytest.mark.parametrize(
    ("who", "network_name", "allowed"),
    [
        ("visitor", "visiting", True),
        ("visiting_co_leader", "visiting", True),
        ("third_member", "third", True),
        ("host_member", "host", False),
        ("host_co_leader", "host", False),
        ("visitor", "third", False),
        ("outsider", "visiting", False),
        ("broker", "visiting", False),
    ],
)
def test_members_of_other_networks_book_for_their_own_network(world, who, network_name, allowed):
    network = getattr(world, network_name)

    assert permissions.can_book_place(person(world, who), world.session, network=network) is allowed


def test_the_host_network_is_told_to_book_other_networks_visits(world):
    reason = permissions.why_not_book_place(world.host_member, world.session, network=world.host)

    assert reason == "Your network hosts this visit: book places on other networks' visits."


def test_named_networks_only_refuses_another_network(world):
    world.offer.open_to_all_networks = False
    world.offer.save()
    world.offer.allowed_networks.set([world.visiting])

    assert permissions.can_book_place(world.visitor, world.session, network=world.visiting)
    assert permissions.why_not_book_place(
        world.third_member, world.session, network=world.third
    ) == (
        "This visit is open to named networks only, and Thames Literacy Network is not one of them."
    )


def test_a_co_leader_books_for_a_colleague_of_their_network(world):
    assert permissions.can_book_place(
        world.visiting_co_leader, world.session, network=world.visiting, person=world.colleague
    )


def test_a_member_cannot_book_for_a_colleague(world):
    reason = permissions.why_not_book_place(
        world.visitor, world.session, network=world.visiting, person=world.colleague
    )

    assert reason == "Only a co-leader of Pennine Enquiry Network can book places for colleagues."


def test_a_co_leader_cannot_book_for_someone_outside_their_network(world):
    reason = permissions.why_not_book_place(
        world.visiting_co_leader, world.session, network=world.visiting, person=world.third_member
    )

    assert reason.endswith("is not a current member of Pennine Enquiry Network.")


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (OfferStatus.DRAFT, "This offer is not open for booking (it is draft)."),
        (OfferStatus.CLOSED, "This offer is not open for booking (it is closed to booking)."),
        (OfferStatus.CANCELLED, "This visit has been cancelled."),
        (OfferStatus.COMPLETED, "This offer is not open for booking (it is completed)."),
    ],
)
def test_an_offer_not_open_refuses_bookings(world, status, message):
    world.offer.status = status

    assert (
        permissions.why_not_book_place(world.visitor, world.session, network=world.visiting)
        == message
    )


def test_a_full_offer_still_takes_bookings_for_the_waitlist(world):
    world.offer.status = OfferStatus.FULL

    assert permissions.can_book_place(world.visitor, world.session, network=world.visiting)


def test_a_past_session_refuses_bookings(world):
    world.session.starts_at = timezone.now() - timedelta(hours=1)

    assert permissions.why_not_book_place(world.visitor, world.session, network=world.visiting) == (
        "This session has already started: it can no longer be booked."
    )


def test_bookings_close_at_the_deadline(world):
    world.offer.booking_deadline = timezone.now() - timedelta(minutes=1)

    reason = permissions.why_not_book_place(world.visitor, world.session, network=world.visiting)

    assert reason.startswith("Booking closed on ")


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("visitor", True),
        ("visiting_co_leader", True),
        ("colleague", False),
        ("host_co_leader", False),
        ("outsider", False),
    ],
)
def test_a_booking_is_cancelled_by_its_person_or_their_co_leader(world, who, allowed):
    booking = BookingFactory(session=world.session, person=world.visitor, network=world.visiting)

    assert permissions.can_cancel_booking(person(world, who), booking) is allowed


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("visiting_co_leader", True),
        ("visitor", False),
        ("host_co_leader", False),
        ("outsider", False),
    ],
)
def test_only_co_leaders_of_the_asking_network_request_a_visit(world, who, allowed):
    assert permissions.can_request_visit(person(world, who), world.visiting, world.host) is allowed


def test_a_network_cannot_ask_to_visit_itself(world):
    reason = permissions.why_not_request_visit(
        world.visiting_co_leader, world.visiting, world.visiting
    )

    assert reason == "Choose another network: a network cannot visit itself."


@pytest.mark.parametrize(
    ("who", "can_answer", "can_accept"),
    [
        ("host_co_leader", True, False),
        ("visiting_co_leader", False, True),
        ("host_member", False, False),
        ("visitor", False, False),
        ("outsider", False, False),
    ],
)
def test_the_asked_network_answers_and_the_asking_network_accepts(
    world, who, can_answer, can_accept
):
    visit_request = VisitRequestFactory(
        from_network=world.visiting, to_network=world.host, status=RequestStatus.PROPOSED
    )

    assert permissions.can_answer_request(person(world, who), visit_request) is can_answer
    assert permissions.can_accept_proposal(person(world, who), visit_request) is can_accept


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("host_co_leader", True),
        ("host_member", True),
        ("visiting_co_leader", True),
        ("visitor", True),
        ("third_member", False),
        ("outsider", False),
        ("broker", True),
    ],
)
def test_a_request_is_seen_by_the_two_networks_and_the_broker(world, who, allowed):
    visit_request = VisitRequestFactory(from_network=world.visiting, to_network=world.host)

    assert permissions.can_view_request(person(world, who), visit_request) is allowed


def ended(world):
    world.session.starts_at = timezone.now() - timedelta(days=2, hours=6)
    world.session.ends_at = timezone.now() - timedelta(days=2)
    world.session.save()
    return world.session


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("visitor", True),
        ("host_co_leader", True),
        ("visiting_co_leader", True),
        ("colleague", False),
        ("host_member", False),
        ("third_member", False),
        ("outsider", False),
        ("broker", False),
    ],
)
def test_reflections_are_read_by_participants_and_both_networks_co_leaders(world, who, allowed):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)

    assert permissions.can_view_reflections(person(world, who), ended(world)) is allowed


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("host_co_leader", True), ("visitor", False), ("visiting_co_leader", False)],
)
def test_ratings_are_read_by_the_hosts(world, who, allowed):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)

    assert permissions.can_view_ratings(person(world, who), ended(world)) is allowed


def test_a_booked_visitor_reflects_once_the_visit_has_ended(world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)

    assert permissions.why_not_write_reflection(world.visitor, world.session).startswith(
        "Reflections open when the visit ends"
    )
    assert permissions.can_write_reflection(world.visitor, ended(world))


def test_a_waitlisted_person_does_not_reflect(world):
    BookingFactory(
        session=world.session, person=world.visitor, network=world.visiting, status="waitlisted"
    )

    assert not permissions.can_write_reflection(world.visitor, ended(world))


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("visitor", True), ("host_co_leader", True), ("colleague", False), ("outsider", False)],
)
def test_participants_add_focus_questions(world, who, allowed):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)

    assert permissions.can_add_focus_question(person(world, who), world.session) is allowed


def test_nobody_agrees_their_own_focus_question(world):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)
    question = FocusQuestionFactory(session=world.session, added_by=world.visitor)

    assert not permissions.can_agree_focus_question(world.visitor, question)
    assert permissions.can_agree_focus_question(world.host_co_leader, question)


@pytest.mark.parametrize(
    ("who", "network_name", "allowed"),
    [
        ("visitor", "visiting", True),
        ("visiting_co_leader", "visiting", True),
        ("host_co_leader", "host", False),
        ("third_member", "third", False),
    ],
)
def test_a_network_that_visited_drafts_the_report(world, who, network_name, allowed):
    BookingFactory(session=world.session, person=world.visitor, network=world.visiting)

    assert (
        permissions.can_draft_report(person(world, who), ended(world), getattr(world, network_name))
        is allowed
    )


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("broker", True), ("admin", True), ("host_co_leader", False), ("outsider", False)],
)
def test_the_broker_sees_visit_statistics(world, who, allowed):
    assert permissions.can_view_visit_statistics(person(world, who)) is allowed
