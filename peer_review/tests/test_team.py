"""The peer team: each conflict rule, load, invitations, declining and the next suggestion."""

from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail import hooks

from core.errors import ActionRefused
from networks.factories import MembershipFactory, NetworkSchoolFactory
from peer_review import conflicts, services
from peer_review.factories import DeclaredConflictFactory, cycle_for, framework_version
from peer_review.models import PeerReviewer, ReviewerStatus
from peer_review.visits_link import STUDY_VISIT_CONTACTS_HOOK
from visits.factories import BookingFactory, VisitOfferFactory, VisitSessionFactory
from visits.models import OfferStatus

from .world import fresh


def refused_with(world, cycle, person, text):
    with pytest.raises(ActionRefused, match=text):
        services.invite_reviewer(cycle=cycle, person=person, by=world.co_leader)
    assert not PeerReviewer.objects.filter(cycle=cycle, user=person).exists()
    assert person.pk not in [s.user.pk for s in conflicts.suggest_reviewers(cycle)]


def test_a_member_of_the_reviewed_network_is_a_conflict(world, cycle):
    refused_with(world, cycle, world.member, "is a member of Mersey")


def test_someone_who_works_in_its_schools_is_a_conflict(world, cycle):
    person = world.reviewers[0]
    MembershipFactory(network=world.other_networks[1], user=person, school=world.school)
    refused_with(world, cycle, person, "works at Seaforth Primary School")


def test_reciprocal_review_within_twelve_months_is_a_conflict(world, cycle):
    # The reviewed network's co-leader reviewed Pennine's cycle this year.
    pennine = world.other_networks[0]
    pennine_cycle = cycle_for(pennine, world.reviewers[0], version=framework_version(criteria=1))
    PeerReviewer.objects.create(
        cycle=pennine_cycle, user=world.second_co_leader, status=ReviewerStatus.ACCEPTED
    )
    refused_with(world, cycle, world.reviewers[0], "no reciprocal marking")


def test_a_reciprocal_review_over_a_year_ago_is_no_conflict(world, cycle):
    pennine = world.other_networks[0]
    pennine_cycle = cycle_for(pennine, world.reviewers[0], version=framework_version(criteria=1))
    place = PeerReviewer.objects.create(
        cycle=pennine_cycle, user=world.second_co_leader, status=ReviewerStatus.ACCEPTED
    )
    PeerReviewer.objects.filter(pk=place.pk).update(invited_at=timezone.now() - timedelta(days=400))
    assert conflicts.conflicts_of(world.reviewers[0], world.network) == []


def test_a_study_visit_contact_in_six_months_is_a_conflict(world, cycle):
    visitor = world.reviewers[1]

    def contacts(network, since):
        return {visitor.pk} if network.pk == world.network.pk else set()

    with hooks.register_temporarily(STUDY_VISIT_CONTACTS_HOOK, contacts):
        refused_with(world, cycle, visitor, "visited or hosted")


def attended_a_visit(world, person, *, days_ago: int, host=None, network=None):
    """`person` (visiting for `network`) booked a session of `host`'s offer that started
    `days_ago` days ago."""
    host = host or world.network
    offer = VisitOfferFactory(network=host, status=OfferStatus.COMPLETED)
    starts_at = timezone.now() - timedelta(days=days_ago)
    session = VisitSessionFactory(
        offer=offer, starts_at=starts_at, ends_at=starts_at + timedelta(hours=6)
    )
    return BookingFactory(session=session, person=person, network=network or host)


def test_a_reviewer_who_attended_the_networks_visit_two_months_ago_is_refused(world, cycle):
    attended_a_visit(world, world.reviewers[1], days_ago=60, network=world.other_networks[1])
    refused_with(world, cycle, world.reviewers[1], "visited or hosted Mersey Feedback Network")


def test_the_host_of_the_networks_visit_to_them_is_refused(world, cycle):
    attended_a_visit(
        world, world.member, days_ago=30, host=world.other_networks[2], network=world.network
    )
    refused_with(world, cycle, world.reviewers[2], "visited or hosted")


def test_a_visit_over_six_months_ago_is_no_conflict(world, cycle):
    attended_a_visit(world, world.reviewers[1], days_ago=200, network=world.other_networks[1])
    assert conflicts.conflicts_of(world.reviewers[1], world.network) == []


def test_sharing_a_school_is_a_conflict(world, cycle):
    NetworkSchoolFactory(network=world.other_networks[2], school=world.school)
    refused_with(world, cycle, world.reviewers[2], "shares Seaforth Primary School")


def test_a_declared_conflict_is_a_conflict(world, cycle):
    DeclaredConflictFactory(
        user=world.reviewers[1], network=world.network, reason="My sister teaches there."
    )
    refused_with(world, cycle, world.reviewers[1], "My sister teaches there")


def test_nobody_is_asked_for_more_than_the_yearly_cap(world, cycle, settings):
    settings.PEER_REVIEWS_PER_YEAR = 1
    other_cycle = cycle_for(
        world.other_networks[1], world.reviewers[1], version=framework_version(criteria=1)
    )
    PeerReviewer.objects.create(cycle=other_cycle, user=world.reviewers[0])
    refused_with(world, cycle, world.reviewers[0], "the most anyone is asked")


def test_suggestions_put_the_least_loaded_first(world, cycle):
    other_cycle = cycle_for(
        world.other_networks[1], world.reviewers[1], version=framework_version(criteria=1)
    )
    PeerReviewer.objects.create(cycle=other_cycle, user=world.reviewers[0])
    suggested = [s.user.pk for s in conflicts.suggest_reviewers(cycle)]
    assert suggested.index(world.reviewers[2].pk) < suggested.index(world.reviewers[0].pk)


def test_an_invitee_accepts(world, cycle):
    place = services.invite_reviewer(
        cycle=cycle, person=world.reviewers[0], by=world.co_leader, is_lead=True
    )
    services.accept_invitation(place=place, by=fresh(world.reviewers[0]))
    assert PeerReviewer.objects.get(pk=place.pk).status == ReviewerStatus.ACCEPTED


def test_declining_needs_a_reason_and_offers_the_place_to_the_next_suggestion(world, cycle):
    place = services.invite_reviewer(
        cycle=cycle, person=world.reviewers[0], by=world.co_leader, is_lead=True
    )
    with pytest.raises(ActionRefused, match="why"):
        services.decline_invitation(place=place, by=fresh(world.reviewers[0]), reason="")
    replacement = services.decline_invitation(
        place=place, by=fresh(world.reviewers[0]), reason="Ofsted week"
    )
    place.refresh_from_db()
    assert place.status == ReviewerStatus.DECLINED
    assert replacement.status == ReviewerStatus.INVITED
    assert replacement.user != world.reviewers[0]
    assert replacement.is_lead
    assert replacement.replaces_id == place.pk


def test_a_second_invitation_of_the_same_person_is_refused(world, cycle):
    services.invite_reviewer(cycle=cycle, person=world.reviewers[0], by=world.co_leader)
    with pytest.raises(ActionRefused, match="already been asked"):
        services.invite_reviewer(cycle=cycle, person=world.reviewers[0], by=world.co_leader)
