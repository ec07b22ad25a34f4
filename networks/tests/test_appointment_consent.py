"""An appointment as co-leader, once both keys have turned, waits for the person appointed to
agree: they are asked, they agree (and become co-leader) or decline (and the co-leaders are
told); a co-leader may withdraw it and it expires like the other decisions."""

from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from core.accounts.factories import UserFactory
from core.home import my_home_sections
from core.notifications.models import Notification
from networks import services
from networks.factories import MembershipFactory
from networks.home import appointments_section
from networks.models import (
    Decision,
    DecisionKind,
    DecisionStatus,
    Membership,
    Role,
)
from networks.models.decisions import DECISION_REASON_MAX_LENGTH

pytestmark = pytest.mark.django_db

ANSWERS = {
    "agree": lambda decision, by: services.agree_to_appointment(decision=decision, by=by),
    "decline": lambda decision, by: services.decline_appointment(
        decision=decision, reason="Not this year.", by=by
    ),
}


def role_of(membership):
    return Membership.objects.get(pk=membership.pk).role


def unread(person, contains: str = ""):
    return Notification.objects.filter(
        recipient=person, read_at__isnull=True, message__contains=contains
    )


@pytest.fixture
def appointee(network):
    return network.member_memberships[0]


@pytest.fixture
def appointment(network, co_leader, second_co_leader, appointee):
    """Proposed by one co-leader and confirmed by the other: awaiting the person's agreement."""
    decision = services.propose_decision(
        network=network, kind=DecisionKind.APPOINT_CO_LEADER, target=appointee, by=co_leader
    )
    return services.confirm_decision(decision=decision, by=second_co_leader)


def page_url(name, decision):
    return reverse(
        f"networks:{name}",
        kwargs={"network_slug": decision.network.slug, "decision_id": decision.pk},
    )


# --- Who may answer ------------------------------------------------------------------------


@pytest.mark.parametrize("answer", ANSWERS)
def test_the_appointee_may_answer(appointment, appointee, answer):
    ANSWERS[answer](appointment, appointee.user)

    appointment.refresh_from_db()
    assert appointment.status in (DecisionStatus.CONFIRMED, DecisionStatus.DECLINED)


@pytest.mark.parametrize("answer", ANSWERS)
@pytest.mark.parametrize("actor", ["other_member", "co_leader", "outsider"])
def test_nobody_else_may_answer(network, appointment, appointee, co_leader, actor, answer):
    person = {
        "other_member": lambda: MembershipFactory(network=network).user,
        "co_leader": lambda: co_leader,
        "outsider": UserFactory,
    }[actor]()

    with pytest.raises(services.NotAllowed, match="Only the person being appointed"):
        ANSWERS[answer](appointment, person)

    appointment.refresh_from_db()
    assert appointment.status == DecisionStatus.AWAITING_CONSENT
    assert role_of(appointee) == Role.MEMBER


@pytest.mark.parametrize("answer", ANSWERS)
def test_nobody_answers_before_the_second_key(network, co_leader, appointee, answer):
    decision = services.propose_decision(
        network=network, kind=DecisionKind.APPOINT_CO_LEADER, target=appointee, by=co_leader
    )

    with pytest.raises(services.NotAllowed, match="still waiting for a second co-leader"):
        ANSWERS[answer](decision, appointee.user)


# --- Asking --------------------------------------------------------------------------------


def test_the_appointee_is_asked_with_a_link_to_answer(appointment, appointee):
    asked = unread(appointee.user, "would like you to be a co-leader").get()

    assert asked.url == page_url("appointment", appointment)


def test_the_appointment_waits_on_the_appointees_home(appointment, appointee):
    section = appointments_section(appointee.user)

    assert section.count == 1
    assert section.items[0].url == page_url("appointment", appointment)


def test_nobody_else_sees_the_appointment_on_their_home(appointment, co_leader):
    assert appointments_section(co_leader) is None


def test_the_request_comes_with_what_waits_for_the_person_on_their_home(appointment, appointee):
    keys = [section.key for section in my_home_sections(appointee.user)]

    assert keys.index("appointments") < keys.index("networks")


def test_my_home_shows_the_request(client, appointment, appointee):
    client.force_login(appointee.user)

    html = client.get(reverse("my_home")).content.decode()

    assert escape(f"{appointment.network.title} asks you to be a co-leader") in html


# --- Agreeing and declining ----------------------------------------------------------------


def test_agreeing_makes_them_co_leader(appointment, appointee):
    services.agree_to_appointment(decision=appointment, by=appointee.user)

    assert role_of(appointee) == Role.CO_LEADER
    appointment.refresh_from_db()
    assert appointment.status == DecisionStatus.CONFIRMED
    assert appointment.decided_at is not None


def test_agreeing_tells_the_co_leaders(appointment, appointee, co_leader, second_co_leader):
    services.agree_to_appointment(decision=appointment, by=appointee.user)

    assert unread(co_leader, "agreed and is now a co-leader").exists()
    assert unread(second_co_leader, "agreed and is now a co-leader").exists()


def test_declining_leaves_the_roles_unchanged(network, appointment, appointee):
    before = dict(Membership.objects.current().filter(network=network).values_list("pk", "role"))

    services.decline_appointment(decision=appointment, reason="", by=appointee.user)

    after = dict(Membership.objects.current().filter(network=network).values_list("pk", "role"))
    assert after == before
    appointment.refresh_from_db()
    assert appointment.status == DecisionStatus.DECLINED


def test_declining_tells_the_co_leaders_why(appointment, appointee, co_leader, second_co_leader):
    services.decline_appointment(decision=appointment, reason="Not this year.", by=appointee.user)

    assert unread(co_leader, "declined to become a co-leader: Not this year.").exists()
    assert unread(second_co_leader, "declined to become a co-leader: Not this year.").exists()
    appointment.refresh_from_db()
    assert appointment.answer_reason == "Not this year."


def test_an_over_long_reason_is_refused_and_nothing_changes(appointment, appointee):
    with pytest.raises(services.ActionRefused, match="1000"):
        services.decline_appointment(
            decision=appointment, reason="x" * (DECISION_REASON_MAX_LENGTH + 1), by=appointee.user
        )

    appointment.refresh_from_db()
    assert appointment.status == DecisionStatus.AWAITING_CONSENT


@pytest.mark.parametrize("answer", ANSWERS)
def test_answering_marks_the_request_read(appointment, appointee, answer):
    ANSWERS[answer](appointment, appointee.user)

    assert not unread(appointee.user, "would like you to be a co-leader").exists()


@pytest.mark.parametrize("first", ANSWERS)
@pytest.mark.parametrize("second", ANSWERS)
def test_a_second_answer_is_refused_with_a_clear_message(appointment, appointee, first, second):
    ANSWERS[first](appointment, appointee.user)

    with pytest.raises(services.NotAllowed, match="You have already"):
        ANSWERS[second](appointment, appointee.user)


# --- Withdrawn, expired, closed ------------------------------------------------------------


def test_a_co_leader_can_withdraw_an_appointment_awaiting_agreement(
    appointment, appointee, co_leader
):
    services.withdraw_decision(decision=appointment, by=co_leader)

    appointment.refresh_from_db()
    assert appointment.status == DecisionStatus.WITHDRAWN
    assert not unread(appointee.user, "would like you to be a co-leader").exists()
    with pytest.raises(services.NotAllowed, match="no longer waiting for your answer"):
        services.agree_to_appointment(decision=appointment, by=appointee.user)


def test_an_appointment_awaiting_agreement_expires(appointment, appointee):
    Decision.objects.filter(pk=appointment.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    assert services.expire_decisions() == 1
    appointment.refresh_from_db()
    assert appointment.status == DecisionStatus.EXPIRED
    with pytest.raises(services.NotAllowed, match="no longer waiting for your answer"):
        services.agree_to_appointment(decision=appointment, by=appointee.user)


def test_the_person_has_the_full_time_to_answer_after_the_second_key(appointment):
    assert appointment.expires_at > timezone.now() + timedelta(days=1)


def test_the_same_appointment_cannot_be_proposed_while_it_awaits_agreement(
    network, appointment, appointee, co_leader
):
    with pytest.raises(services.ActionRefused, match="already proposed"):
        services.propose_decision(
            network=network, kind=DecisionKind.APPOINT_CO_LEADER, target=appointee, by=co_leader
        )


# --- The pages -----------------------------------------------------------------------------


def test_the_appointee_sees_agree_and_decline(client, appointment, appointee):
    client.force_login(appointee.user)

    html = client.get(page_url("appointment", appointment)).content.decode()

    assert "Agree: become a co-leader" in html
    assert page_url("decline_appointment", appointment) in html


def test_someone_else_gets_not_found(client, appointment, co_leader):
    client.force_login(co_leader)

    assert client.get(page_url("appointment", appointment)).status_code == 404


def test_agreeing_through_the_page(client, appointment, appointee):
    client.force_login(appointee.user)

    response = client.post(page_url("agree_to_appointment", appointment), follow=True)

    assert response.status_code == 200
    assert role_of(appointee) == Role.CO_LEADER


def test_declining_through_the_page_keeps_the_reason(client, appointment, appointee):
    client.force_login(appointee.user)

    client.post(page_url("decline_appointment", appointment), {"reason": "Too busy."})

    appointment.refresh_from_db()
    assert (appointment.status, appointment.answer_reason) == (
        DecisionStatus.DECLINED,
        "Too busy.",
    )


def test_a_second_answer_through_the_page_says_why_without_an_error(client, appointment, appointee):
    client.force_login(appointee.user)
    client.post(page_url("agree_to_appointment", appointment))

    response = client.post(page_url("decline_appointment", appointment), follow=True)

    assert response.status_code == 200
    assert "You have already agreed" in response.content.decode()
    assert role_of(appointee) == Role.CO_LEADER


def test_the_people_page_shows_the_appointment_awaiting_agreement(
    client, appointment, appointee, co_leader
):
    client.force_login(co_leader)

    html = client.get(
        reverse("networks:manage", kwargs={"network_slug": appointment.network.slug})
    ).content.decode()

    assert f"awaiting {escape(appointee.user.display_name)}'s agreement" in html
    assert "Appointed as co-leader: awaiting their agreement." in html
    assert (
        reverse(
            "networks:withdraw_decision",
            kwargs={"network_slug": appointment.network.slug, "decision_id": appointment.pk},
        )
        in html
    )
