from datetime import timedelta

from django.utils import timezone

from artefacts import services
from artefacts.models import ArtefactPage
from artefacts.tasks import publish_due_artefacts_task

from .helpers import submitted
from .test_moderation import bring_schedule_forward


def test_the_beat_task_publishes_due_artefacts_once(world):
    artefact = submitted(world.network, world.author)
    services.approve_artefact(
        artefact=artefact, by=world.co_leader, go_live_at=timezone.now() + timedelta(days=1)
    )
    bring_schedule_forward(artefact)

    assert publish_due_artefacts_task.delay().get() == 1
    assert publish_due_artefacts_task.delay().get() == 0
    assert ArtefactPage.objects.get(pk=artefact.pk).live


def test_the_task_is_in_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert "artefacts.tasks.publish_due_artefacts_task" in tasks
