"""Index updates run here, after commit, by page id. Each is idempotent: it reads the page
again and makes the index match it, so a retry or a duplicate does no harm."""

from celery import shared_task

from django.db import OperationalError

from . import services
from .backends.base import BackendUnavailable

DATABASE_RETRY = {
    "autoretry_for": (OperationalError,),  # e.g. SQLite "database is locked"
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 6,
    "acks_late": True,
}


@shared_task(**DATABASE_RETRY)
def index_page_task(page_id: int) -> bool:
    """Index (or remove) one page, including the text of its attached documents."""
    return services.index_page(page_id=page_id)


@shared_task(**DATABASE_RETRY)
def remove_page_task(page_id: int) -> None:
    services.remove_page(page_id=page_id)


@shared_task(**DATABASE_RETRY)
def index_subtree_task(page_id: int) -> int:
    """After a move or a network's change: the page and every indexed page below it."""
    return services.index_subtree(page_id=page_id)


@shared_task(
    autoretry_for=(BackendUnavailable,),
    retry_backoff=30,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=10,
    acks_late=True,
)
def sync_elasticsearch_task(page_id: int) -> None:
    """Bring Elasticsearch in step with the database index for one page.

    While Elasticsearch is down this retries with backoff; the PendingIndexUpdate row it
    leaves is retried by `retry_pending_index_updates_task` even after the retries run out.
    """
    services.sync_page_to_elasticsearch(page_id=page_id)


@shared_task
def retry_pending_index_updates_task(limit: int = 500) -> int:
    """Beat's sweeper: Elasticsearch updates that have not succeeded yet, oldest first."""
    return services.retry_pending_updates(limit=limit)


@shared_task(acks_late=True)
def repair_index_task() -> bool:
    """Beat's safety net: what `search_index --fix` does. True when it ran (not during a
    rebuild). The database index is repaired first, so an Elasticsearch outage costs only the
    Elasticsearch part, which the pending sweeper retries."""
    return services.check_and_repair() is not None


@shared_task(autoretry_for=(BackendUnavailable,), retry_backoff=30, max_retries=10)
def push_synonyms_task() -> None:
    services.push_synonyms()
