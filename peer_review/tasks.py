"""Celery tasks for peer review: each calls a service and is safe to run twice."""

from celery import shared_task

from .services import send_due_reminders


@shared_task(acks_late=True)
def send_review_reminders_task() -> int:
    return send_due_reminders()
