"""Blind first: reviewers rate every focus criterion before they see the self-assessment."""

import pytest

from core.errors import ActionRefused, NotAllowed
from peer_review import permissions, services
from peer_review.models import PeerAssessment

from .world import fresh, rate_all, schedule_visit, to_peer_review


@pytest.fixture
def peer_cycle(world, cycle):
    to_peer_review(world, cycle)
    return cycle


def test_a_reviewer_can_not_see_the_self_assessment_before_submitting(world, peer_cycle):
    reviewer = fresh(world.reviewers[1])
    assert not permissions.can_view_self_assessment(reviewer, peer_cycle)
    assert "Rate every focus criterion" in permissions.why_not_view_self_assessment(
        reviewer, peer_cycle
    )


def test_submitting_with_a_criterion_unrated_is_refused(world, peer_cycle):
    reviewer = fresh(world.reviewers[1])
    services.rate_criterion(
        cycle=peer_cycle,
        criterion=peer_cycle.focus_criteria.first(),
        by=reviewer,
        level=2,
        evidence="Seen.",
    )
    with pytest.raises(ActionRefused, match="Rate every focus criterion"):
        services.submit_ratings(cycle=peer_cycle, by=reviewer)
    assert not permissions.can_view_self_assessment(fresh(reviewer), peer_cycle)


def test_after_submitting_the_reviewer_sees_the_self_assessment(world, peer_cycle):
    reviewer = fresh(world.reviewers[1])
    for criterion in peer_cycle.focus_criteria.all():
        services.rate_criterion(
            cycle=peer_cycle, criterion=criterion, by=reviewer, level=2, evidence="Seen."
        )
    services.submit_ratings(cycle=peer_cycle, by=reviewer)
    assert permissions.can_view_self_assessment(fresh(reviewer), peer_cycle)


def test_a_rating_after_submitting_is_refused(world, peer_cycle):
    reviewer = fresh(world.reviewers[1])
    for criterion in peer_cycle.focus_criteria.all():
        services.rate_criterion(
            cycle=peer_cycle, criterion=criterion, by=reviewer, level=2, evidence="Seen."
        )
    services.submit_ratings(cycle=peer_cycle, by=reviewer)
    with pytest.raises(NotAllowed, match="can no longer change"):
        services.rate_criterion(
            cycle=peer_cycle,
            criterion=peer_cycle.focus_criteria.first(),
            by=fresh(reviewer),
            level=4,
            evidence="x",
        )


def test_the_lead_consolidates_only_once_everyone_has_submitted(world, peer_cycle):
    lead = fresh(world.lead)
    with pytest.raises(NotAllowed, match="Every reviewer must submit"):
        services.consolidate_peer_assessment(
            cycle=peer_cycle,
            criterion=peer_cycle.focus_criteria.first(),
            by=lead,
            level=2,
            rationale="x",
        )
    assert not PeerAssessment.objects.exists()


def test_the_self_assessment_is_hidden_on_the_criterion_page_before_submitting(
    client, world, peer_cycle
):
    client.force_login(world.reviewers[1])
    criterion = peer_cycle.focus_criteria.first()
    response = client.get(f"/reviews/{peer_cycle.pk}/criteria/{criterion.pk}/")
    assert response.status_code == 200
    assert b"Minutes and artefacts show it." not in response.content
    assert b"Rate every focus criterion" in response.content


def test_the_report_csv_is_refused_to_a_reviewer_who_has_not_rated(client, world, peer_cycle):
    client.force_login(world.reviewers[1])
    response = client.get(f"/reviews/{peer_cycle.pk}/report.csv")
    assert response.status_code in (403, 404)


def test_a_rating_after_the_phase_closed_is_refused(world, peer_cycle):
    rate_all(world, peer_cycle, world.reviewers[0])
    rate_all(world, peer_cycle, world.reviewers[1])
    lead = fresh(world.lead)
    for criterion in peer_cycle.focus_criteria.all():
        services.consolidate_peer_assessment(
            cycle=peer_cycle, criterion=criterion, by=lead, level=2, rationale="ok"
        )
    schedule_visit(world, peer_cycle)
    services.advance_phase(cycle=peer_cycle, by=fresh(world.co_leader))
    with pytest.raises(NotAllowed):
        services.rate_criterion(
            cycle=peer_cycle,
            criterion=peer_cycle.focus_criteria.first(),
            by=fresh(world.reviewers[2]),
            level=2,
            evidence="x",
        )
