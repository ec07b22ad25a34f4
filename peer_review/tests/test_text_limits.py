"""Every text of a review has a maximum length, enforced by the forms, by model validation and
by the services, so nothing stores more (issue #15, item 7)."""

import pytest

from django.core.exceptions import ValidationError

from core.errors import ActionRefused
from peer_review import forms, services
from peer_review.models import DeclaredConflict, ReviewCycle, SelfAssessment
from peer_review.models.limits import PURPOSE_MAX_LENGTH, RATIONALE_MAX_LENGTH, REASON_MAX_LENGTH

from .world import open_cycle, to_self_review


@pytest.mark.parametrize(
    ("form_class", "field"),
    [
        (forms.ExtendDeadlineForm, "reason"),
        (forms.DeclineForm, "reason"),
        (forms.ConflictForm, "reason"),
        (forms.ReportForm, "summary"),
        (forms.FindingForm, "strengths"),
        (forms.FindingForm, "areas_to_develop"),
        (forms.FindingForm, "evidence_seen"),
        (forms.AcknowledgeForm, "comment"),
        (forms.FollowUpForm, "summary"),
    ],
)
def test_forms_refuse_text_over_the_fields_maximum(form_class, field):
    limit = form_class.base_fields[field].max_length

    form = form_class(data={field: "x" * (limit + 1)})

    assert limit
    assert f"at most {limit} characters" in " ".join(form.errors[field])


def test_a_conflict_over_its_maximum_gets_the_message_and_saves_nothing(client, world):
    reviewer = world.reviewers[1]
    client.force_login(reviewer)

    response = client.post(
        f"/reviews/networks/{world.network.slug}/conflict/",
        {"reason": "x" * (REASON_MAX_LENGTH + 1)},
    )

    assert f"at most {REASON_MAX_LENGTH} characters" in response.content.decode()
    assert not DeclaredConflict.objects.exists()


def test_a_self_assessment_over_its_maximum_fails_model_validation(world, cycle):
    assessment = SelfAssessment(
        cycle=cycle,
        criterion=cycle.focus_criteria.first(),
        level=2,
        rationale="x" * (RATIONALE_MAX_LENGTH + 1),
        by=world.co_leader,
    )

    with pytest.raises(ValidationError) as refusal:
        assessment.full_clean()

    assert list(refusal.value.message_dict) == ["rationale"]


def test_opening_a_cycle_with_a_purpose_over_its_maximum_is_refused(world):
    with pytest.raises(ActionRefused) as refusal:
        open_cycle(world, purpose="x" * (PURPOSE_MAX_LENGTH + 1))

    assert f"at most {PURPOSE_MAX_LENGTH} characters" in refusal.value.field_errors["purpose"]
    assert not ReviewCycle.objects.exists()


def test_a_self_assessment_over_its_maximum_is_refused_and_saves_nothing(world, cycle):
    to_self_review(world, cycle)

    with pytest.raises(ActionRefused) as refusal:
        services.consolidate_self_assessment(
            cycle=cycle,
            criterion=cycle.focus_criteria.first(),
            by=world.co_leader,
            level=2,
            rationale="x" * (RATIONALE_MAX_LENGTH + 1),
        )

    assert "rationale" in refusal.value.field_errors
    assert not SelfAssessment.objects.exists()


def test_declaring_a_conflict_over_its_maximum_is_refused(world):
    with pytest.raises(ActionRefused) as refusal:
        services.declare_conflict(
            user=world.reviewers[1], network=world.network, reason="x" * (REASON_MAX_LENGTH + 1)
        )

    assert "reason" in refusal.value.field_errors
    assert not DeclaredConflict.objects.exists()
