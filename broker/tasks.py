"""The broker's background work. Tasks take ids, call a service and are idempotent."""

from celery import shared_task

from .services.spread import refresh_spread


@shared_task
def refresh_spread_task() -> int:
    """Recompute the spread figures (beat, hourly; and when a broker asks)."""
    return refresh_spread().pk
