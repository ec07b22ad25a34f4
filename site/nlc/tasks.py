from celery import shared_task

from django.core.management import call_command


@shared_task
def ping_task() -> str:
    """Answers "pong": `manage.py check_worker` uses it to prove a worker is consuming."""
    return "pong"


@shared_task
def clear_expired_sessions_task() -> None:
    call_command("clearsessions")
