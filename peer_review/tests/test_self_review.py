"""Members contribute evidence and proposed levels; co-leaders consolidate."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from core.errors import ActionRefused, NotAllowed
from peer_review import services
from peer_review.models import Evidence, ProposedLevel, SelfAssessment

from .world import fresh, to_self_review


@pytest.fixture
def reviewing(world, cycle):
    to_self_review(world, cycle)
    return cycle


def test_a_member_proposes_a_level(world, reviewing):
    criterion = reviewing.focus_criteria.first()
    services.propose_level(cycle=reviewing, criterion=criterion, by=world.member, level=2)
    assert ProposedLevel.objects.get().level == 2


def test_a_level_outside_the_rubric_is_refused(world, reviewing):
    criterion = reviewing.focus_criteria.first()
    with pytest.raises(ActionRefused, match="1, 2, 3, 4"):
        services.propose_level(cycle=reviewing, criterion=criterion, by=world.member, level=7)
    assert not ProposedLevel.objects.exists()


def test_someone_outside_the_network_can_not_contribute(world, reviewing):
    with pytest.raises(NotAllowed):
        services.propose_level(
            cycle=reviewing, criterion=reviewing.focus_criteria.first(), by=world.outsider, level=2
        )


def test_a_member_adds_a_note_and_a_file_as_evidence(world, reviewing):
    criterion = reviewing.focus_criteria.first()
    services.add_evidence(
        cycle=reviewing,
        criterion=criterion,
        by=world.member,
        kind="note",
        title="Minutes",
        note="We met.",
    )
    upload = SimpleUploadedFile("notes.txt", b"Observation notes from Year 5.")
    evidence = services.add_evidence(
        cycle=reviewing,
        criterion=criterion,
        by=world.member,
        kind="file",
        title="Notes",
        upload=upload,
    )
    assert Evidence.objects.count() == 2
    assert evidence.file.read() == b"Observation notes from Year 5."


def test_a_renamed_program_is_refused_as_evidence(world, reviewing):
    upload = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(ActionRefused, match="does not look like"):
        services.add_evidence(
            cycle=reviewing,
            criterion=reviewing.focus_criteria.first(),
            by=world.member,
            kind="file",
            title="Plan",
            upload=upload,
        )
    assert not Evidence.objects.exists()


def test_a_member_can_not_consolidate(world, reviewing):
    with pytest.raises(NotAllowed, match="co-leaders"):
        services.consolidate_self_assessment(
            cycle=reviewing,
            criterion=reviewing.focus_criteria.first(),
            by=world.member,
            level=2,
            rationale="x",
        )


def test_a_co_leader_consolidates_with_a_rationale(world, reviewing):
    criterion = reviewing.focus_criteria.first()
    with pytest.raises(ActionRefused, match="why"):
        services.consolidate_self_assessment(
            cycle=reviewing, criterion=criterion, by=fresh(world.co_leader), level=3, rationale=""
        )
    services.consolidate_self_assessment(
        cycle=reviewing,
        criterion=criterion,
        by=fresh(world.co_leader),
        level=3,
        rationale="Minutes.",
    )
    assert SelfAssessment.objects.get().level == 3


def test_a_proposal_before_self_review_is_refused(world, cycle):
    with pytest.raises(NotAllowed, match="self-review"):
        services.propose_level(
            cycle=cycle, criterion=cycle.focus_criteria.first(), by=world.member, level=2
        )
