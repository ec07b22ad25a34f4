from celery import shared_task

from .services import publish_due_artefacts


@shared_task
def publish_due_artefacts_task() -> int:
    """Publish approved artefacts whose scheduled time has come. Idempotent."""
    return publish_due_artefacts()
