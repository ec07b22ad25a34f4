from datetime import timedelta

import pytest

from django.conf import settings
from django.utils import timezone

from networks.factories import DecisionFactory, InvitationFactory
from networks.models import DecisionStatus, InvitationStatus
from networks.tasks import expire_invitations_task

pytestmark = pytest.mark.django_db


def test_task_expires_stale_invitations_and_decisions(network):
    past = timezone.now() - timedelta(hours=1)
    invitation = InvitationFactory(network=network, expires_at=past)
    decision = DecisionFactory(network=network, expires_at=past)
    assert expire_invitations_task.delay().get() == {"invitations": 1, "decisions": 1}
    invitation.refresh_from_db()
    decision.refresh_from_db()
    assert (invitation.status, decision.status) == (
        InvitationStatus.EXPIRED,
        DecisionStatus.EXPIRED,
    )


def test_task_run_twice_changes_nothing_more(network):
    InvitationFactory(network=network, expires_at=timezone.now() - timedelta(hours=1))
    expire_invitations_task.delay()
    assert expire_invitations_task.delay().get() == {"invitations": 0, "decisions": 0}


def test_task_is_on_the_beat_schedule():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "networks.tasks.expire_invitations_task" in tasks
