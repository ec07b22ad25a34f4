from celery import shared_task

from .signals import purge_in_background


@shared_task(ignore_result=True)
def purge_in_background_task(model_label: str, pk) -> int:
    """Idempotent: purging a path twice only renews its token."""
    return purge_in_background(model_label=model_label, pk=pk)
