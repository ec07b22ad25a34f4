"""Notifications keep up with moderation: each step marks everyone's notifications of the step
before read, and each notification links to the artefact's moderation page."""

import pytest

from django.urls import reverse

from artefacts import services
from core.notifications.models import Notification

from .helpers import draft, revise, submitted

pytestmark = pytest.mark.django_db


def waiting(person, artefact):
    """The person's unread notifications about the artefact."""
    return Notification.objects.filter(
        recipient=person,
        read_at__isnull=True,
        url=reverse("artefacts:workspace", kwargs={"artefact_id": artefact.pk}),
    )


def test_a_submission_tells_each_co_leader_with_a_link_to_its_moderation_page(world):
    artefact = submitted(world.network, world.author)

    assert waiting(world.co_leader, artefact).count() == 1
    assert waiting(world.second_co_leader, artefact).count() == 1


def test_approving_marks_every_co_leaders_waiting_notification_read(world):
    artefact = submitted(world.network, world.author)

    services.approve_artefact(artefact=artefact, by=world.co_leader)

    assert not waiting(world.co_leader, artefact).exists()
    assert (
        not waiting(world.second_co_leader, artefact).filter(message__contains="submitted").exists()
    )


def test_the_other_co_leader_still_learns_of_the_approval(world):
    artefact = submitted(world.network, world.author)

    services.approve_artefact(artefact=artefact, by=world.co_leader)

    assert waiting(world.second_co_leader, artefact).filter(message__contains="approved").exists()


def test_requesting_changes_marks_every_co_leaders_waiting_notification_read(world):
    artefact = submitted(world.network, world.author)

    services.request_changes(artefact=artefact, by=world.co_leader, comment="Add the evidence.")

    assert not waiting(world.co_leader, artefact).exists()
    assert (
        not waiting(world.second_co_leader, artefact).filter(message__contains="submitted").exists()
    )


def test_submitting_again_marks_the_authors_changes_requested_notification_read(world):
    artefact = submitted(world.network, world.author)
    services.request_changes(artefact=artefact, by=world.co_leader, comment="Add the evidence.")
    assert waiting(world.author, artefact).filter(message__contains="asked for changes").exists()
    revise(artefact, world.author, summary="Now with the evidence.")

    services.submit_artefact(artefact=artefact, by=world.author)

    assert (
        not waiting(world.author, artefact).filter(message__contains="asked for changes").exists()
    )


def test_an_author_changing_a_submitted_artefact_marks_the_co_leaders_notification_read(world):
    artefact = submitted(world.network, world.author)

    revise(artefact, world.author, summary="One more thought.")

    assert not waiting(world.co_leader, artefact).exists()


def test_acting_on_one_artefact_leaves_notifications_about_another_unread(world):
    first = submitted(world.network, world.author)
    second = submitted(world.network, world.author, title="Exit tickets in Year 6")

    services.approve_artefact(artefact=first, by=world.co_leader)

    assert waiting(world.second_co_leader, second).count() == 1


def test_saving_a_draft_that_was_never_submitted_marks_nothing_read(world):
    artefact = draft(world.network, world.author)
    other = submitted(world.network, world.author, title="Exit tickets in Year 6")

    revise(artefact, world.author, summary="Still writing.")

    assert waiting(world.co_leader, other).count() == 1
