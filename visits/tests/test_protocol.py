"""The visit protocol: focus questions, roles, reflections with ratings, and the draft
study-visit report artefact made from a visiting network's reflections."""

from datetime import timedelta

import pytest

from django.utils import timezone

from artefacts.models import ArtefactModeration, ArtefactType, ModerationStatus
from core.errors import ActionRefused, NotAllowed
from visits import services
from visits.factories import BookingFactory, ReflectionFactory
from visits.models import Reflection, VisitorRole, VisitReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(world):
    return BookingFactory(session=world.session, person=world.visitor, network=world.visiting)


def end(session):
    session.starts_at = timezone.now() - timedelta(days=1, hours=6)
    session.ends_at = timezone.now() - timedelta(days=1)
    session.save()
    return session


def reflect(world, **overrides):
    fields = {
        "what_we_saw": "Pupils editing within a minute of feedback.",
        "what_we_will_try": "Live feedback in Year 4.",
        "questions": "How is it recorded?",
        "usefulness": 5,
        "comment_for_hosts": "Thank you.",
    }
    fields.update(overrides)
    return services.write_reflection(session=world.session, by=world.visitor, **fields)


def test_a_visitor_adds_a_focus_question_and_a_host_agrees_it(world, booked):
    question = services.add_focus_question(
        session=world.session, by=world.visitor, text="What happens after feedback?"
    )

    services.agree_focus_question(question=question, by=world.host_co_leader)

    question.refresh_from_db()
    assert question.agreed_by == world.host_co_leader


def test_an_empty_focus_question_is_refused(world, booked):
    with pytest.raises(ActionRefused) as refusal:
        services.add_focus_question(session=world.session, by=world.visitor, text="  ")

    assert refusal.value.field_errors == {"text": "Write the question."}


def test_hosts_give_the_visitors_roles(world, booked):
    services.set_visitor_role(booking=booked, by=world.host_co_leader, role=VisitorRole.NOTE_TAKER)

    booked.refresh_from_db()
    assert booked.role == VisitorRole.NOTE_TAKER


def test_a_visitor_cannot_give_roles(world, booked):
    with pytest.raises(NotAllowed):
        services.set_visitor_role(booking=booked, by=world.visitor, role=VisitorRole.OBSERVER)


def test_the_host_lead_must_belong_to_the_host_network(world):
    with pytest.raises(ActionRefused) as refusal:
        services.set_host_lead(session=world.session, by=world.host_co_leader, person=world.visitor)

    assert "host_lead" in refusal.value.field_errors


def test_a_booked_visitor_reflects_after_the_visit(world, booked):
    end(world.session)

    reflection = reflect(world)

    assert (reflection.usefulness, reflection.network) == (5, world.visiting)


def test_a_reflection_before_the_visit_ends_is_refused(world, booked):
    with pytest.raises(NotAllowed, match="Reflections open when the visit ends"):
        reflect(world)

    assert not Reflection.objects.exists()


@pytest.mark.parametrize("usefulness", [0, 6])
def test_a_rating_outside_one_to_five_is_refused(world, booked, usefulness):
    end(world.session)

    with pytest.raises(ActionRefused) as refusal:
        reflect(world, usefulness=usefulness)

    assert refusal.value.field_errors == {
        "usefulness": "Rate how useful the visit was, from 1 to 5."
    }


def test_writing_again_changes_the_one_reflection(world, booked):
    end(world.session)
    reflect(world)

    reflect(world, usefulness=3)

    assert Reflection.objects.get().usefulness == 3


def test_the_visiting_network_drafts_a_report_prefilled_from_its_reflections(world, booked):
    end(world.session)
    reflect(world, what_we_saw="Pupils <b>editing</b> at once.")

    artefact = services.draft_visit_report(
        session=world.session, network=world.visiting, by=world.visitor
    )

    assert artefact.artefact_type == ArtefactType.STUDY_VISIT_REPORT
    assert not artefact.live
    assert artefact.network == world.visiting
    draft = artefact.get_latest_revision_as_object()
    assert "Pupils &lt;b&gt;editing&lt;/b&gt; at once." in draft.what_we_did
    assert "Live feedback in Year 4." in draft.try_it_steps
    assert ArtefactModeration.objects.get(artefact=artefact).status == ModerationStatus.DRAFT
    assert VisitReport.objects.get().artefact_id == artefact.pk


def test_a_network_drafts_one_report_per_visit(world, booked):
    end(world.session)
    reflect(world)
    services.draft_visit_report(session=world.session, network=world.visiting, by=world.visitor)

    with pytest.raises(ActionRefused, match="already drafted"):
        services.draft_visit_report(
            session=world.session, network=world.visiting, by=world.visiting_co_leader
        )


def test_a_report_needs_a_reflection_from_the_network(world, booked):
    end(world.session)
    ReflectionFactory(session=world.session, network=world.third)

    with pytest.raises(ActionRefused, match="Nobody from your network has written a reflection"):
        services.draft_visit_report(session=world.session, network=world.visiting, by=world.visitor)


def test_the_host_network_does_not_draft_the_visitors_report(world, booked):
    end(world.session)
    reflect(world)

    with pytest.raises(NotAllowed, match="Only a network that visited"):
        services.draft_visit_report(
            session=world.session, network=world.host, by=world.host_co_leader
        )
