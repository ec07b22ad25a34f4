"""The moderation rules: who submits, who approves, what each step does and tells people."""

from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail.models import PageLogEntry

from artefacts import services
from artefacts.errors import ActionRefused, NotAllowed
from artefacts.models import ArtefactModeration, ArtefactPage, ModerationStatus
from artefacts.selectors import artefacts_visible_to
from core.notifications.models import Notification

from .helpers import bring_schedule_forward, draft, revise, submitted


def status_of(artefact) -> str:
    return ArtefactModeration.objects.get(artefact=artefact).status


def test_author_submits_a_draft_for_review(world):
    artefact = draft(world.network, world.author)

    services.submit_artefact(artefact=artefact, by=world.author)

    assert status_of(artefact) == ModerationStatus.SUBMITTED


def test_a_member_who_is_not_an_author_cannot_submit(world):
    artefact = draft(world.network, world.author)

    with pytest.raises(NotAllowed):
        services.submit_artefact(artefact=artefact, by=world.member)

    assert status_of(artefact) == ModerationStatus.DRAFT


def test_submitting_tells_the_co_leaders_in_the_app_and_by_email(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    artefact = draft(world.network, world.author)

    with django_capture_on_commit_callbacks(execute=True):
        services.submit_artefact(artefact=artefact, by=world.author)

    for co_leader in (world.co_leader, world.second_co_leader):
        assert Notification.objects.filter(
            recipient=co_leader, message__contains="submitted"
        ).exists()
    recipients = {message.to[0] for message in mailoutbox}
    assert recipients == {world.co_leader.email, world.second_co_leader.email}


def test_author_cannot_approve_their_own_artefact(world):
    # Even an author who is also a co-leader of the network.
    artefact = submitted(world.network, world.co_leader)

    with pytest.raises(NotAllowed):
        services.approve_artefact(artefact=artefact, by=world.co_leader)

    artefact.refresh_from_db()
    assert not artefact.live
    assert status_of(artefact) == ModerationStatus.SUBMITTED


def test_co_leader_of_another_network_cannot_approve(world):
    artefact = submitted(world.network, world.author)

    with pytest.raises(NotAllowed):
        services.approve_artefact(artefact=artefact, by=world.other_co_leader)

    artefact.refresh_from_db()
    assert not artefact.live


def test_co_leader_credited_as_a_contributor_cannot_approve(world):
    artefact = draft(world.network, world.author)
    page = artefact.get_latest_revision_as_object()
    contributors = [
        services.Contributor(user=world.author, name="A"),
        services.Contributor(user=world.co_leader, name="B"),
    ]
    services.save_draft(
        artefact=artefact,
        by=world.author,
        base_revision_id=page.latest_revision_id,
        fields={},
        contributors=contributors,
    )
    services.submit_artefact(artefact=artefact, by=world.author)

    with pytest.raises(NotAllowed):
        services.approve_artefact(artefact=artefact, by=world.co_leader)


def test_co_leader_who_is_not_an_author_approves_and_publishes(world):
    artefact = submitted(world.network, world.author)

    services.approve_artefact(artefact=artefact, by=world.co_leader)

    artefact.refresh_from_db()
    assert artefact.live
    assert status_of(artefact) == ModerationStatus.PUBLISHED
    assert artefact in artefacts_visible_to(world.other_member)


def test_changes_requested_then_revised_then_approved_publishes_the_revision(world):
    artefact = submitted(world.network, world.author)
    services.request_changes(
        artefact=artefact, by=world.co_leader, comment="Say how many pupils took part."
    )
    assert status_of(artefact) == ModerationStatus.CHANGES_REQUESTED

    revise(artefact, world.author, what_we_did="<p>Sixty pupils in two classes took part.</p>")
    services.submit_artefact(artefact=artefact, by=world.author)
    services.approve_artefact(artefact=artefact, by=world.second_co_leader)

    live = ArtefactPage.objects.get(pk=artefact.pk)
    assert live.live
    assert "Sixty pupils" in live.what_we_did


def test_asking_for_changes_needs_a_comment(world):
    artefact = submitted(world.network, world.author)

    with pytest.raises(ActionRefused, match="Say what needs to change"):
        services.request_changes(artefact=artefact, by=world.co_leader, comment="   ")

    assert status_of(artefact) == ModerationStatus.SUBMITTED


def test_the_author_is_emailed_the_comment_when_changes_are_requested(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    artefact = submitted(world.network, world.author)

    with django_capture_on_commit_callbacks(execute=True):
        services.request_changes(
            artefact=artefact, by=world.co_leader, comment="Add the pupils' own words."
        )

    to_author = [message for message in mailoutbox if message.to == [world.author.email]]
    assert len(to_author) == 1
    assert "Add the pupils' own words." in to_author[0].body
    assert Notification.objects.filter(
        recipient=world.author, message__contains="asked for changes"
    ).exists()


def test_approval_tells_the_author_and_the_other_co_leader(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    artefact = submitted(world.network, world.author)

    with django_capture_on_commit_callbacks(execute=True):
        services.approve_artefact(artefact=artefact, by=world.co_leader)

    recipients = {message.to[0] for message in mailoutbox}
    assert recipients == {world.author.email, world.second_co_leader.email}


def test_each_moderation_step_is_in_the_audit_log(world):
    artefact = submitted(world.network, world.author)
    services.request_changes(artefact=artefact, by=world.co_leader, comment="More detail.")
    services.submit_artefact(artefact=artefact, by=world.author)
    services.approve_artefact(artefact=artefact, by=world.co_leader)

    actions = list(
        PageLogEntry.objects.filter(page=artefact)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    moderation = [action for action in actions if action.startswith("artefacts.")]
    assert moderation == [
        services.SUBMITTED,
        services.CHANGES_REQUESTED,
        services.SUBMITTED,
        services.APPROVED,
    ]
    assert "wagtail.publish" in actions


def test_changing_a_submitted_artefact_takes_it_out_of_review(world):
    artefact = submitted(world.network, world.author)

    revise(artefact, world.author, summary="A shorter summary.")

    assert status_of(artefact) == ModerationStatus.DRAFT
    with pytest.raises(NotAllowed):
        services.approve_artefact(artefact=artefact, by=world.co_leader)


def test_approval_with_a_future_time_schedules_publication(world):
    artefact = submitted(world.network, world.author)
    when = timezone.now() + timedelta(days=2)

    services.approve_artefact(artefact=artefact, by=world.co_leader, go_live_at=when)

    artefact.refresh_from_db()
    assert not artefact.live
    assert status_of(artefact) == ModerationStatus.SCHEDULED


def test_scheduled_artefact_is_not_published_before_its_time(world):
    artefact = submitted(world.network, world.author)
    when = timezone.now() + timedelta(days=2)
    services.approve_artefact(artefact=artefact, by=world.co_leader, go_live_at=when)

    assert services.publish_due_artefacts() == 0

    artefact.refresh_from_db()
    assert not artefact.live


def test_scheduled_artefact_is_published_when_its_time_comes(world):
    artefact = submitted(world.network, world.author)
    when = timezone.now() + timedelta(days=2)
    services.approve_artefact(artefact=artefact, by=world.co_leader, go_live_at=when)
    bring_schedule_forward(artefact)

    assert services.publish_due_artefacts() == 1

    artefact.refresh_from_db()
    assert artefact.live
    assert status_of(artefact) == ModerationStatus.PUBLISHED


def test_publishing_due_artefacts_twice_publishes_once(world):
    artefact = submitted(world.network, world.author)
    when = timezone.now() + timedelta(days=1)
    services.approve_artefact(artefact=artefact, by=world.co_leader, go_live_at=when)
    bring_schedule_forward(artefact)

    services.publish_due_artefacts()

    assert services.publish_due_artefacts() == 0
    assert PageLogEntry.objects.filter(page=artefact, action="wagtail.publish").count() == 1


def test_nobody_can_approve_in_a_closed_network(world):
    artefact = submitted(world.network, world.author)
    world.network.status = "closed"
    world.network.save()

    with pytest.raises(NotAllowed):
        services.approve_artefact(artefact=artefact, by=world.co_leader)


def test_approval_counts_the_authors_and_the_reviewer_as_active_in_the_network(world):
    from networks.engagement.models import Activity, ActivityKind

    artefact = submitted(world.network, world.author)

    services.approve_artefact(artefact=artefact, by=world.co_leader)

    kinds = set(Activity.objects.filter(network=world.network).values_list("user", "kind"))
    assert kinds == {
        (world.author.pk, ActivityKind.CONTRIBUTED),
        (world.co_leader.pk, ActivityKind.REVIEWED),
    }
