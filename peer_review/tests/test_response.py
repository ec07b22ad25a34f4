"""Report, two keys, action plan, follow-up, the learning artefact and reminders."""

from datetime import timedelta

import pytest

from django.utils import timezone

from artefacts.models import ArtefactModeration, ArtefactType, ModerationStatus
from core.errors import ActionRefused, NotAllowed
from core.notifications.models import Notification
from peer_review import services
from peer_review.models import Acknowledgement, Phase, ReminderSent
from peer_review.tasks import send_review_reminders_task

from .world import fresh, to_follow_up, to_report, to_response, write_and_issue_report


def test_the_report_can_not_be_issued_without_a_finding_for_every_criterion(world, cycle):
    to_report(world, cycle)
    lead = fresh(world.lead)
    services.write_report(cycle=cycle, by=lead, summary="Summary.")
    with pytest.raises(ActionRefused, match="finding for every focus criterion"):
        services.issue_report(cycle=cycle, by=lead)


def test_only_the_lead_reviewer_writes_the_report(world, cycle):
    to_report(world, cycle)
    with pytest.raises(NotAllowed, match="lead reviewer"):
        services.write_report(cycle=cycle, by=fresh(world.reviewers[1]), summary="Mine.")


def test_a_second_acknowledgement_by_the_same_co_leader_is_refused(world, cycle):
    to_response(world, cycle)
    services.acknowledge_report(cycle=cycle, by=fresh(world.co_leader))
    with pytest.raises(NotAllowed, match="second key must be another"):
        services.acknowledge_report(cycle=cycle, by=fresh(world.co_leader))
    assert Acknowledgement.objects.count() == 1


def test_one_key_is_not_enough_to_move_on(world, cycle):
    to_response(world, cycle)
    services.acknowledge_report(cycle=cycle, by=fresh(world.co_leader))
    with pytest.raises(ActionRefused, match="2 co-leaders"):
        services.advance_phase(cycle=cycle, by=fresh(world.co_leader))


def test_an_action_needs_an_owner_from_the_network(world, cycle):
    to_response(world, cycle)
    with pytest.raises(ActionRefused, match="current member"):
        services.add_action(
            cycle=cycle,
            by=fresh(world.co_leader),
            criterion=cycle.focus_criteria.first(),
            description="Pupil panels.",
            owner=world.outsider,
            due_on=timezone.localdate() + timedelta(days=30),
        )


def test_the_owner_records_progress(world, cycle):
    action = to_follow_up(world, cycle)
    services.record_progress(
        action=action, by=fresh(world.member), status="under_way", note="Two panels met."
    )
    action.refresh_from_db()
    assert action.status == "under_way"


def test_the_learning_artefact_is_a_draft_in_normal_moderation(world, cycle):
    to_follow_up(world, cycle)
    artefact = services.start_learning_artefact(cycle=cycle, by=fresh(world.co_leader))
    assert artefact.artefact_type == ArtefactType.REVIEW_LEARNING
    assert not artefact.live
    assert ArtefactModeration.objects.get(artefact=artefact).status == ModerationStatus.DRAFT


def test_reminders_go_once_a_week_and_a_day_before_and_when_missed(world, cycle):
    due = cycle.deadlines.get(phase=Phase.PLANNING).due_on
    for days in (7, 7, 1, 1, -1, -2):
        services.send_due_reminders(today=due - timedelta(days=days))
    kinds = sorted(ReminderSent.objects.values_list("kind", flat=True))
    # Each co-leader: one of each.
    assert kinds == sorted(["week_before", "day_before", "missed"] * 2)


def test_fourteen_days_overdue_is_flagged_to_the_broker_once(world, cycle):
    due = cycle.deadlines.get(phase=Phase.PLANNING).due_on
    services.send_due_reminders(today=due + timedelta(days=14))
    services.send_due_reminders(today=due + timedelta(days=15))
    assert ReminderSent.objects.filter(kind="escalated", recipient=world.broker).count() == 1
    assert (
        Notification.objects.filter(recipient=world.broker, message__contains="overdue").count()
        == 1
    )


def test_the_reminder_task_runs_the_service(world, cycle):
    assert send_review_reminders_task.delay().get() == 0


def test_an_issued_report_can_no_longer_change(world, cycle):
    to_report(world, cycle)
    write_and_issue_report(world, cycle)
    with pytest.raises(NotAllowed, match="can no longer change"):
        services.write_report(cycle=cycle, by=fresh(world.lead), summary="Changed.")
