"""Each app's section of a person's home (core.home), as the person sees it: what it counts,
what it lists and who gets it at all."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress

from django.utils import timezone

from artefacts.factories import ArtefactPageFactory, DraftArtefactFactory
from broker.models import Introduction
from core.notifications.models import Notification
from networks.factories import (
    DecisionFactory,
    InvitationFactory,
    JoinRequestFactory,
    MembershipFactory,
)
from networks.models import DecisionKind, NetworkProposal
from peer_review.factories import cycle_for
from peer_review.models import PeerReviewer
from visits.factories import (
    BookingFactory,
    ReflectionFactory,
    VisitOfferFactory,
    VisitSessionFactory,
)

from .helpers import days_ago, labels, section, submitted_artefact

pytestmark = pytest.mark.django_db


# --- Waiting for your moderation ---------------------------------------------------------------


def test_a_co_leader_sees_what_waits_for_their_moderation(world):
    submitted_artefact(world.network, world.member, title="Live marking")

    moderation = section(world.co_leader, "moderation")

    assert (moderation.count, labels(moderation)) == (1, ["Live marking"])


def test_a_co_leader_does_not_moderate_their_own_artefact(world):
    submitted_artefact(world.network, world.co_leader, title="My own")

    assert section(world.co_leader, "moderation").count == 0


def test_the_moderation_section_is_left_out_for_someone_who_co_leads_nothing(world):
    submitted_artefact(world.network, world.co_leader)

    assert section(world.member, "moderation") is None


def test_the_moderation_section_links_to_the_moderation_queue(world):
    assert section(world.co_leader, "moderation").link == "/artefacts/yours/"


# --- Your drafts --------------------------------------------------------------------------------


def test_a_person_sees_their_own_drafts_with_their_state(world):
    DraftArtefactFactory(network=world.network, owner=world.member, title="Half written")
    submitted_artefact(world.network, world.member, title="Sent off")

    drafts = section(world.member, "drafts")

    assert drafts.count == 2
    assert {(item.label, item.meta.split(" · ")[-1]) for item in drafts.items} == {
        ("Half written", "Draft"),
        ("Sent off", "Waiting for review"),
    }


def test_other_peoples_drafts_are_not_in_my_drafts(world):
    DraftArtefactFactory(network=world.network, owner=world.second_co_leader)

    assert section(world.member, "drafts").count == 0


# --- Decisions waiting for you ------------------------------------------------------------------


def test_a_co_leader_sees_requests_to_join_their_network(world):
    JoinRequestFactory(network=world.network, user=world.outsider)

    decisions = section(world.co_leader, "decisions")

    assert decisions.count == 1
    assert labels(decisions) == [f"{world.outsider.display_name} asks to join"]


def test_a_co_leader_sees_a_decision_another_co_leader_proposed(world):
    target = world.network.memberships.get(user=world.member)
    DecisionFactory(
        network=world.network,
        kind=DecisionKind.APPOINT_CO_LEADER,
        target=target,
        proposed_by=world.second_co_leader,
    )

    decisions = section(world.co_leader, "decisions")

    assert labels(decisions) == [
        f"Appoint {world.member.display_name} as a co-leader: a second key is needed"
    ]


def test_a_co_leader_is_not_asked_to_confirm_their_own_proposal(world):
    DecisionFactory(network=world.network, proposed_by=world.co_leader)

    assert section(world.co_leader, "decisions").count == 0


def test_an_expired_decision_is_not_waiting(world):
    DecisionFactory(
        network=world.network,
        proposed_by=world.second_co_leader,
        expires_at=timezone.now() - timedelta(minutes=1),
    )

    assert section(world.co_leader, "decisions").count == 0


def test_the_broker_sees_proposed_networks(world):
    NetworkProposal.objects.create(
        title="Coastal Maths Network",
        purpose="Mastery in mixed-age classes.",
        proposed_by=world.outsider,
        school=world.outside_school,
    )

    decisions = section(world.broker, "decisions")

    assert labels(decisions) == ["Proposed network: Coastal Maths Network"]


def test_the_decisions_section_is_left_out_for_a_member(world):
    JoinRequestFactory(network=world.network, user=world.outsider)

    assert section(world.member, "decisions") is None


# --- Invitations -------------------------------------------------------------------------------


def test_a_person_sees_an_invitation_sent_to_their_verified_address(world):
    InvitationFactory(network=world.network, email=world.outsider.email.lower())

    invitations = section(world.outsider, "invitations")

    assert labels(invitations) == [f"{world.network.title} invited you to join as member"]


def test_an_invitation_to_an_unverified_address_is_not_shown(world):
    EmailAddress.objects.filter(user=world.outsider).update(verified=False)
    InvitationFactory(network=world.network, email=world.outsider.email.lower())

    assert section(world.outsider, "invitations") is None


# --- Study visits and reflections ---------------------------------------------------------------


def test_a_person_sees_the_visit_they_are_booked_on(world):
    session = VisitSessionFactory(offer=VisitOfferFactory(title="Live feedback in Year 5"))
    BookingFactory(session=session, person=world.member, network=world.network)

    visits = section(world.member, "visits")

    assert labels(visits) == ["Live feedback in Year 5"]
    assert visits.items[0].meta.startswith("Booked · ")


def test_a_place_on_a_waitlist_links_to_the_offer_not_to_the_visits_own_page(world):
    session = VisitSessionFactory()
    BookingFactory(session=session, person=world.member, network=world.network, status="waitlisted")

    visits = section(world.member, "visits")

    assert visits.items[0].meta.startswith("On the waitlist · ")
    assert visits.items[0].url == f"/visits/offers/{session.offer_id}/"


def test_a_co_leader_sees_the_visits_their_network_hosts(world):
    VisitSessionFactory(offer=VisitOfferFactory(network=world.network, title="Come and see"))

    visits = section(world.co_leader, "visits")

    assert labels(visits) == ["Come and see"]
    assert visits.items[0].meta.startswith("Hosting · ")


def test_a_visit_that_has_ended_is_not_coming_up(world):
    start = timezone.now() - timedelta(days=3)
    session = VisitSessionFactory(starts_at=start, ends_at=start + timedelta(hours=6))
    BookingFactory(session=session, person=world.member, network=world.network)

    assert section(world.member, "visits").count == 0


def test_a_person_owes_a_reflection_on_a_visit_that_has_ended(world):
    start = timezone.now() - timedelta(days=3)
    session = VisitSessionFactory(
        starts_at=start,
        ends_at=start + timedelta(hours=6),
        offer=VisitOfferFactory(title="Maths talk"),
    )
    BookingFactory(session=session, person=world.member, network=world.network)

    reflections = section(world.member, "reflections")

    assert (reflections.count, labels(reflections)) == (1, ["Reflect on Maths talk"])
    assert reflections.items[0].url == f"/visits/sessions/{session.pk}/reflect/"


def test_no_reflection_is_owed_once_written(world):
    start = timezone.now() - timedelta(days=3)
    session = VisitSessionFactory(starts_at=start, ends_at=start + timedelta(hours=6))
    BookingFactory(session=session, person=world.member, network=world.network)
    ReflectionFactory(session=session, author=world.member, network=world.network)

    assert section(world.member, "reflections") is None


# --- Review steps --------------------------------------------------------------------------------


def test_a_co_leader_sees_the_review_step_their_network_is_on(world):
    cycle = cycle_for(world.network, world.co_leader)

    steps = section(world.co_leader, "review_steps")

    assert labels(steps) == [f"Review cycle {cycle.number} of {world.network.title}: Planning"]


def test_a_reviewer_is_asked_to_answer_their_invitation(world):
    cycle = cycle_for(world.network, world.co_leader)
    PeerReviewer.objects.create(cycle=cycle, user=world.other_co_leader, invited_by=world.co_leader)

    steps = section(world.other_co_leader, "review_steps")

    assert labels(steps) == [f"Answer your invitation to review {world.network.title}"]


def test_the_review_section_is_left_out_for_a_member_with_nothing_due(world):
    cycle_for(world.network, world.co_leader)  # planning: the co-leaders' step

    assert section(world.member, "review_steps") is None


# --- Introductions ----------------------------------------------------------------------------


def test_a_co_leader_sees_an_introduction_waiting_for_their_networks_answer(world):
    Introduction.objects.create(
        learner=world.network, source=world.other_network, reason="Both work on feedback."
    )

    introductions = section(world.co_leader, "introductions")

    assert labels(introductions) == [f"{world.network.title} and {world.other_network.title}"]


def test_an_introduction_their_network_accepted_no_longer_waits(world):
    Introduction.objects.create(
        learner=world.network,
        source=world.other_network,
        reason="Both work on feedback.",
        learner_accepted_at=timezone.now(),
        learner_accepted_by=world.co_leader,
    )

    assert section(world.co_leader, "introductions").count == 0


def test_the_introductions_section_is_left_out_for_a_member(world):
    assert section(world.member, "introductions") is None


# --- Notifications ------------------------------------------------------------------------------


def test_a_person_sees_their_unread_notifications_only(world):
    Notification.objects.create(recipient=world.member, message="Unread one", url="/x/")
    Notification.objects.create(recipient=world.member, message="Read one", read_at=timezone.now())
    Notification.objects.create(recipient=world.co_leader, message="Someone else's")

    notifications = section(world.member, "notifications")

    assert (notifications.count, labels(notifications)) == (1, ["Unread one"])


# --- Your networks and what is new in them --------------------------------------------------------


def test_a_person_sees_the_networks_they_belong_to_with_their_role(world):
    MembershipFactory(network=world.other_network, user=world.co_leader)

    networks = section(world.co_leader, "networks")

    assert [(item.label, item.meta) for item in networks.items] == [
        (world.network.title, "Co-leader · Active"),
        (world.other_network.title, "Member · Active"),
    ]


def test_someone_in_no_network_is_pointed_to_the_directory(world):
    networks = section(world.outsider, "networks")

    assert (networks.count, networks.link) == (0, "/networks/")


def test_a_member_sees_what_is_new_in_their_networks(world):
    ArtefactPageFactory(network=world.network, owner=world.co_leader, title="Fresh")
    ArtefactPageFactory(
        network=world.network, owner=world.co_leader, title="Old", first_published_at=days_ago(90)
    )
    ArtefactPageFactory(network=world.other_network, owner=world.other_co_leader, title="Theirs")

    news = section(world.member, "news")

    assert (news.count, labels(news)) == (1, ["Fresh"])


def test_news_is_left_out_for_someone_in_no_network(world):
    ArtefactPageFactory(network=world.network, owner=world.co_leader)

    assert section(world.outsider, "news") is None
