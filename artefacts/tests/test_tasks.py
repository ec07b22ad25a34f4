from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from artefacts import services
from artefacts.models import ArtefactPage, PendingUpload
from artefacts.tasks import publish_due_artefacts_task, purge_abandoned_uploads_task

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


def kept_file(world, *, days_ago: int) -> PendingUpload:
    pending = PendingUpload.objects.create(
        owner=world.author,
        file=ContentFile(b"%PDF-1.4", name="kept.pdf"),
        original_name="kept.pdf",
        kind="document",
    )
    PendingUpload.objects.filter(pk=pending.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return pending


def test_the_daily_task_drops_kept_files_nobody_came_back_for_with_their_stored_file(
    world, django_capture_on_commit_callbacks
):
    abandoned = kept_file(world, days_ago=services.files.PENDING_UPLOAD_DAYS + 1)
    storage, name = abandoned.file.storage, abandoned.file.name

    with django_capture_on_commit_callbacks(execute=True):
        assert purge_abandoned_uploads_task.delay().get() == 1

    assert not PendingUpload.objects.filter(pk=abandoned.pk).exists()
    assert not storage.exists(name)


def test_the_daily_task_keeps_recent_files_and_drops_nothing_twice(world):
    recent = kept_file(world, days_ago=1)
    kept_file(world, days_ago=services.files.PENDING_UPLOAD_DAYS + 1)

    assert purge_abandoned_uploads_task.delay().get() == 1
    assert purge_abandoned_uploads_task.delay().get() == 0
    assert list(PendingUpload.objects.all()) == [recent]


def test_the_purge_is_in_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert "artefacts.tasks.purge_abandoned_uploads_task" in tasks
