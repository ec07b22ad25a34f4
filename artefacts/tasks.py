from celery import shared_task

from django.db import OperationalError

from .services import (
    publish_due_artefacts,
    purge_abandoned_uploads,
    tell_about_published_adaptation,
)


@shared_task
def publish_due_artefacts_task() -> int:
    """Publish approved artefacts whose scheduled time has come. Idempotent."""
    return publish_due_artefacts()


# OperationalError: e.g. SQLite's "database is locked" while another write finishes.
@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=6, acks_late=True)
def tell_about_published_adaptation_task(adaptation_id: int) -> None:
    """Tell the original's authors about a published adaptation. Idempotent."""
    tell_about_published_adaptation(adaptation_id)


@shared_task
def purge_abandoned_uploads_task() -> int:
    return purge_abandoned_uploads()
