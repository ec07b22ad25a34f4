"""The broker's background work. Tasks take ids, call a service and are idempotent."""

from datetime import date

from celery import shared_task

from .services.digests import send_digest, send_weekly_digests
from .services.follows import (
    tell_followers_about_artefact,
    tell_followers_about_collection,
    tell_followers_about_item,
)
from .services.spread import refresh_spread


@shared_task
def refresh_spread_task() -> int:
    """Recompute the spread figures (beat, hourly; and when a broker asks)."""
    return refresh_spread().pk


@shared_task
def send_weekly_digests_task() -> int:
    """Beat, Monday morning: hand each person's digest to the worker."""
    return send_weekly_digests()


@shared_task(bind=True, acks_late=True, max_retries=3, default_retry_delay=300)
def send_digest_task(self, user_id: int, week: str) -> bool:
    return send_digest(user_id=user_id, week=date.fromisoformat(week))


@shared_task
def tell_followers_about_artefact_task(artefact_id: int) -> int:
    return tell_followers_about_artefact(artefact_id=artefact_id)


@shared_task
def tell_followers_about_collection_task(collection_id: int) -> int:
    return tell_followers_about_collection(collection_id=collection_id)


@shared_task
def tell_followers_about_item_task(item_id: int) -> int:
    return tell_followers_about_item(item_id=item_id)
