"""Requests: A asks B; B proposes sessions or declines with a reason; A picks one, which becomes
a confirmed visit for A's named visitors. Every step tells the other side."""

import pytest

from core.errors import ActionRefused, NotAllowed
from core.notifications.models import Notification, OutboundEmail
from visits import services
from visits.factories import ProposedSlotFactory, VisitRequestFactory
from visits.models import BookingStatus, OfferStatus, RequestStatus, VisitRequest
from visits.services import SessionTimes

from .conftest import in_days

pytestmark = pytest.mark.django_db


def ask(world, **overrides):
    fields = {
        "from_network": world.visiting,
        "to_network": world.host,
        "by": world.visiting_co_leader,
        "focus_question": "How do pupils act on spoken feedback?",
        "hoping_to_learn": "How live marking is organised across a lesson.",
        "preferred_weeks": "w/c 12 May",
        "visitors": 2,
    }
    fields.update(overrides)
    return services.request_visit(**fields)


def test_asking_tells_the_host_co_leaders_in_the_app_and_by_e_mail(world):
    visit_request = ask(world)

    assert visit_request.status == RequestStatus.PENDING
    assert Notification.objects.filter(recipient=world.host_co_leader).exists()
    assert OutboundEmail.objects.filter(
        to=world.host_second_co_leader.email, subject__startswith="Visit request"
    ).exists()


def test_a_member_cannot_ask_for_a_visit(world):
    with pytest.raises(NotAllowed, match="Only a network's co-leaders can ask"):
        ask(world, by=world.visitor)

    assert not VisitRequest.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("focus_question", " ", "Say what question the visit would help you with."),
        ("visitors", 0, "At least one person visits."),
        ("preferred_weeks", "", "Say which weeks would suit you."),
    ],
)
def test_bad_input_in_a_request_is_refused_beside_its_field(world, field, value, message):
    with pytest.raises(ActionRefused) as refusal:
        ask(world, **{field: value})

    assert refusal.value.field_errors == {field: message}
    assert not VisitRequest.objects.exists()


def test_the_hosts_propose_sessions_and_the_asking_network_is_told(world):
    visit_request = ask(world)

    services.propose_sessions(
        visit_request=visit_request,
        by=world.host_co_leader,
        slots=[SessionTimes(in_days(20), in_days(20, hour=15))],
    )

    visit_request.refresh_from_db()
    assert visit_request.status == RequestStatus.PROPOSED
    assert Notification.objects.filter(
        recipient=world.visiting_co_leader, message__contains="pick one"
    ).exists()


def test_the_asking_network_cannot_answer_its_own_request(world):
    visit_request = ask(world)

    with pytest.raises(NotAllowed, match="Only the co-leaders of the network asked"):
        services.propose_sessions(
            visit_request=visit_request,
            by=world.visiting_co_leader,
            slots=[SessionTimes(in_days(20), in_days(20, hour=15))],
        )


def test_declining_needs_a_reason_which_the_asking_network_reads(world):
    visit_request = ask(world)

    with pytest.raises(ActionRefused):
        services.decline_request(visit_request=visit_request, by=world.host_co_leader, reason="")
    services.decline_request(
        visit_request=visit_request, by=world.host_co_leader, reason="Exam season."
    )

    visit_request.refresh_from_db()
    assert (visit_request.status, visit_request.decline_reason) == (
        RequestStatus.DECLINED,
        "Exam season.",
    )
    assert OutboundEmail.objects.filter(
        to=world.visiting_co_leader.email, body_text__contains="Exam season."
    ).exists()


def test_picking_a_proposal_confirms_a_visit_for_the_named_visitors(world):
    visit_request = VisitRequestFactory(
        from_network=world.visiting, to_network=world.host, status=RequestStatus.PROPOSED
    )
    slot = ProposedSlotFactory(request=visit_request, host_school=world.offer.host_schools.first())

    session = services.accept_proposal(
        visit_request=visit_request,
        slot=slot,
        by=world.visiting_co_leader,
        visitors=[world.visitor, world.colleague],
    )

    assert session.starts_at == slot.starts_at
    assert session.offer.status == OfferStatus.CLOSED
    assert session.offer.from_request == visit_request
    assert {(b.person, b.status) for b in session.bookings.all()} == {
        (world.visitor, BookingStatus.BOOKED),
        (world.colleague, BookingStatus.BOOKED),
    }
    visit_request.refresh_from_db()
    assert visit_request.status == RequestStatus.CONFIRMED
    assert OutboundEmail.objects.filter(
        to=world.host_co_leader.email, subject__startswith="Confirmed study visit"
    ).exists()


def test_visitors_must_belong_to_the_asking_network(world):
    visit_request = VisitRequestFactory(
        from_network=world.visiting, to_network=world.host, status=RequestStatus.PROPOSED
    )
    slot = ProposedSlotFactory(request=visit_request)

    with pytest.raises(ActionRefused) as refusal:
        services.accept_proposal(
            visit_request=visit_request,
            slot=slot,
            by=world.visiting_co_leader,
            visitors=[world.third_member],
        )

    assert (
        "Not current members of Pennine Enquiry Network" in refusal.value.field_errors["visitors"]
    )
    visit_request.refresh_from_db()
    assert visit_request.status == RequestStatus.PROPOSED


def test_a_slot_of_another_request_cannot_be_picked(world):
    visit_request = VisitRequestFactory(
        from_network=world.visiting, to_network=world.host, status=RequestStatus.PROPOSED
    )

    with pytest.raises(ActionRefused) as refusal:
        services.accept_proposal(
            visit_request=visit_request,
            slot=ProposedSlotFactory(),
            by=world.visiting_co_leader,
            visitors=[world.visitor],
        )

    assert refusal.value.field_errors == {"slot": "Pick one of the proposed sessions."}


def test_a_withdrawn_request_cannot_be_answered(world):
    visit_request = ask(world)
    services.withdraw_request(visit_request=visit_request, by=world.visiting_co_leader)

    with pytest.raises(NotAllowed, match="withdrawn"):
        services.decline_request(
            visit_request=visit_request, by=world.host_co_leader, reason="Busy"
        )
