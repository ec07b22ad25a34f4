from celery import shared_task

from .services import deliver_email


@shared_task(bind=True, acks_late=True, max_retries=4, default_retry_delay=60)
def deliver_email_task(self, email_id: int) -> bool:
    try:
        return deliver_email(email_id=email_id)
    except Exception as error:
        raise self.retry(exc=error) from error


@shared_task
def retry_pending_emails_task() -> int:
    """Re-enqueue messages still pending after a broker or SMTP outage."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import OutboundEmail

    stale = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.PENDING, created_at__lt=timezone.now() - timedelta(minutes=10)
    ).values_list("pk", flat=True)[:500]
    for email_id in stale:
        deliver_email_task.delay(email_id)
    return len(stale)
