from celery import shared_task

from django.db import OperationalError

from .services import complete_past_offers, refresh_listings, send_due_reminders, send_reminder


@shared_task
def send_due_reminders_task() -> int:
    """Beat, hourly: every reminder due now, once each; offers whose sessions have all ended
    are completed and the listing's columns that time made stale are worked out. Idempotent."""
    complete_past_offers()
    refresh_listings()
    return send_due_reminders()


# OperationalError: e.g. SQLite's "database is locked" while another write finishes.
@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=6, acks_late=True)
def send_reminder_task(session_id: int, person_id: int, kind: str) -> bool:
    """One reminder to one person; sends nothing the second time."""
    return send_reminder(session_id=session_id, person_id=person_id, kind=kind)
