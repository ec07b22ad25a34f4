"""Opening a cycle, guarded phase moves, deadlines and the audit log."""

from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail.models import ModelLogEntry

from core.errors import ActionRefused, NotAllowed
from peer_review import services
from peer_review.factories import cycle_for, deadlines_from, framework_version, version_criteria
from peer_review.models import Phase, ReviewCycle

from .world import STEPS, fresh, open_cycle, to_self_review


def test_a_co_leader_opens_a_cycle_in_planning_with_a_deadline_for_every_phase(cycle):
    assert cycle.phase == Phase.PLANNING
    assert cycle.number == 1
    assert cycle.deadlines.count() == 6


def test_a_member_can_not_open_a_cycle(world):
    with pytest.raises(NotAllowed, match="co-leaders"):
        cycle_for(world.network, world.member, version=world.version)
    assert not ReviewCycle.objects.exists()


def test_a_second_open_cycle_is_refused(world, cycle):
    with pytest.raises(NotAllowed, match="already has a review cycle"):
        open_cycle(world)
    assert ReviewCycle.objects.count() == 1


def test_deadlines_out_of_order_are_refused(world):
    deadlines = deadlines_from()
    deadlines[Phase.REPORT] = deadlines[Phase.SELF_REVIEW]
    with pytest.raises(ActionRefused, match="phases follow one another"):
        open_cycle(world, deadlines=deadlines)
    assert not ReviewCycle.objects.exists()


def test_criteria_from_another_version_are_refused(world):
    other = version_criteria(framework_version(criteria=1))
    with pytest.raises(ActionRefused, match="chosen framework version"):
        open_cycle(world, criteria=other)


def test_moving_on_with_parts_missing_is_refused_and_says_what_is_missing(world, cycle):
    to_self_review(world, cycle)
    with pytest.raises(ActionRefused) as refusal:
        services.advance_phase(cycle=cycle, by=fresh(world.co_leader))
    assert "consolidated self-assessment" in refusal.value.message
    assert "peer team of at least 2" in refusal.value.message
    assert ReviewCycle.objects.get(pk=cycle.pk).phase == Phase.SELF_REVIEW


def test_a_member_can_not_move_a_phase_on(world, cycle):
    with pytest.raises(NotAllowed):
        services.advance_phase(cycle=cycle, by=world.member)
    assert ReviewCycle.objects.get(pk=cycle.pk).phase == Phase.PLANNING


@pytest.mark.parametrize("phase", [p for p in Phase.values if p != Phase.PLANNING])
def test_a_cycle_reaches_each_phase_when_what_it_needs_is_there(world, cycle, phase):
    STEPS[phase](world, cycle)
    assert ReviewCycle.objects.get(pk=cycle.pk).phase == phase


def test_each_phase_move_is_in_the_audit_log(world, cycle):
    to_self_review(world, cycle)
    entry = ModelLogEntry.objects.filter(action="peer_review.phase_moved").get()
    assert entry.user_id == world.co_leader.pk
    assert entry.data["to"] == Phase.SELF_REVIEW


def test_a_deadline_extension_needs_a_reason(world, cycle):
    deadline = cycle.deadlines.get(phase=Phase.PLANNING)
    with pytest.raises(ActionRefused, match="why"):
        services.extend_deadline(
            cycle=cycle,
            phase=Phase.PLANNING,
            to_date=deadline.due_on + timedelta(days=3),
            reason=" ",
            by=world.co_leader,
        )
    assert cycle.deadlines.get(phase=Phase.PLANNING).due_on == deadline.due_on


def test_a_deadline_is_extended_with_its_reason_kept(world, cycle):
    deadline = cycle.deadlines.get(phase=Phase.PLANNING)
    new_date = deadline.due_on + timedelta(days=3)
    services.extend_deadline(
        cycle=cycle,
        phase=Phase.PLANNING,
        to_date=new_date,
        reason="Ofsted visit",
        by=world.co_leader,
    )
    deadline.refresh_from_db()
    assert deadline.due_on == new_date
    assert deadline.extensions.get().reason == "Ofsted visit"
    assert ModelLogEntry.objects.filter(action="peer_review.deadline_extended").exists()


def test_an_extension_past_the_next_phase_deadline_is_refused(world, cycle):
    later = cycle.deadlines.get(phase=Phase.SELF_REVIEW).due_on
    with pytest.raises(ActionRefused, match="extend that deadline first"):
        services.extend_deadline(
            cycle=cycle,
            phase=Phase.PLANNING,
            to_date=later + timedelta(days=1),
            reason="x",
            by=world.co_leader,
        )


def test_a_closed_cycle_is_read_only(world, cycle):
    STEPS[Phase.CLOSED](world, cycle)
    with pytest.raises(NotAllowed, match="closed"):
        services.extend_deadline(
            cycle=cycle,
            phase=Phase.FOLLOW_UP,
            to_date=timezone.localdate() + timedelta(days=400),
            reason="x",
            by=fresh(world.co_leader),
        )
