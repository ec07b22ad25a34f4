from celery import shared_task

from .services import expire_decisions, expire_invitations


@shared_task
def expire_invitations_task() -> dict:
    """Close invitations and two-key decisions that have passed their date. Idempotent."""
    return {"invitations": expire_invitations(), "decisions": expire_decisions()}
