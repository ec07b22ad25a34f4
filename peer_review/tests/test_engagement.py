"""Taking part in a review cycle counts as engagement (networks.engagement's activity sources)."""

from datetime import timedelta

import pytest

from django.utils import timezone

from networks.engagement.selectors import active_people_in_network, network_engagement
from networks.models import Membership
from peer_review import services

from .world import fresh, rate_all, self_assess_all, to_peer_review, to_self_review


@pytest.fixture(autouse=True)
def members_joined_long_ago(world):
    """Joining counts as activity: everyone joined years ago, so only the review counts."""
    Membership.objects.update(joined_at=timezone.now() - timedelta(days=3 * 365))


@pytest.fixture
def reviewing(world, cycle):
    return to_self_review(world, cycle)


def propose(world, cycle, person):
    services.propose_level(cycle=cycle, criterion=cycle.focus_criteria.first(), by=person, level=2)


def add_note(world, cycle, person):
    services.add_evidence(
        cycle=cycle,
        criterion=cycle.focus_criteria.first(),
        by=person,
        kind="note",
        title="Minutes",
        note="We met.",
    )


def test_nobody_counts_before_anyone_takes_part(world, reviewing):
    assert active_people_in_network(world.network) == 0


def test_proposing_a_level_in_the_self_review_counts(world, reviewing):
    propose(world, reviewing, world.member)

    assert active_people_in_network(world.network) == 1


def test_adding_evidence_to_the_self_review_counts(world, reviewing):
    add_note(world, reviewing, world.member)

    assert active_people_in_network(world.network) == 1


def test_consolidating_the_self_assessment_counts(world, reviewing):
    self_assess_all(world, reviewing)

    assert active_people_in_network(world.network) == 1


def test_a_person_taking_part_in_two_ways_counts_once(world, reviewing):
    propose(world, reviewing, world.member)
    add_note(world, reviewing, world.member)

    assert active_people_in_network(world.network) == 1


def test_self_review_counts_for_the_school_the_person_represents(world, reviewing):
    propose(world, reviewing, world.member)

    links = network_engagement(world.network).school_links

    assert [(link.school.name, link.active_people) for link in links] == [
        ("Seaforth Primary School", 1)
    ]


def test_a_peer_reviewer_counts_in_their_own_network_once_they_submit_ratings(world, cycle):
    to_peer_review(world, cycle)
    Membership.objects.update(joined_at=timezone.now() - timedelta(days=3 * 365))
    reviewer_network = world.other_networks[1]
    before = active_people_in_network(reviewer_network)

    rate_all(world, cycle, world.reviewers[1])

    assert (before, active_people_in_network(reviewer_network)) == (0, 1)


def test_a_peer_reviewer_does_not_count_in_the_reviewed_network(world, cycle):
    to_peer_review(world, cycle)
    reviewed_before = active_people_in_network(world.network)

    rate_all(world, cycle, fresh(world.reviewers[1]))

    assert active_people_in_network(world.network) == reviewed_before
