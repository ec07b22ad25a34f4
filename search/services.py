"""Writes to the search indexes and the analytics. Tasks and the command call these only.

The database index is always written first (it is the fallback); Elasticsearch, when
configured, is brought in step from the database row by `sync_page_to_elasticsearch`, which
records a `PendingIndexUpdate` until it succeeds, so an outage loses nothing.
"""

import logging
import os
import socket
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from wagtail.models import Page

from core.queue import enqueue_after_commit

from . import registry
from .backends import database_backend, elasticsearch_backend, elasticsearch_configured
from .backends.base import BackendUnavailable, IndexDocument
from .documents import build_document, indexable_count, indexable_objects, is_restricted, load
from .keys import key_of
from .models import (
    IndexLock,
    PendingIndexUpdate,
    SearchDocument,
    SearchQueryLog,
    SearchQueryNetwork,
    Synonym,
)
from .query import normalise
from .searchers import searcher_network_ids

logger = logging.getLogger(__name__)

REBUILD_LOCK = "rebuild"
STALE_LOCK_AFTER = timedelta(hours=6)


class RebuildAlreadyRunning(Exception):
    pass


# Following the content ------------------------------------------------------------------------


def schedule_elasticsearch_sync(page_id: int) -> None:
    """Record that Elasticsearch must catch up with this page, and nudge the worker after
    commit. A broker outage loses nothing: the pending row is retried by beat."""
    if elasticsearch_configured():
        PendingIndexUpdate.objects.get_or_create(page_id=page_id)
        enqueue_after_commit("search.tasks.sync_elasticsearch_task", page_id)


@transaction.atomic
def index_page(*, page_id: int) -> bool:
    """Bring the page's search document in step with the page. Idempotent.

    Returns True when the page is (now) indexed, False when it is not findable (deleted,
    unpublished, private or not an indexed type) and has been removed from the index.
    `page_id` is a document key: a page's id, or a registered object's (see search.keys).
    """
    obj = load(page_id)
    document = build_document(obj) if obj is not None else None
    backend = database_backend()
    if document is None:
        backend.delete([page_id])
    else:
        backend.index([document])
    schedule_elasticsearch_sync(page_id)
    return document is not None


@transaction.atomic
def remove_page(*, page_id: int) -> None:
    database_backend().delete([page_id])
    schedule_elasticsearch_sync(page_id)


# Who may find a page changes with the page, in its transaction ------------------------------
# Building a whole document can mean extracting text from attachments, so it is left to the
# worker; who may find a page is cheap to state and must never wait for the worker.


@transaction.atomic
def follow_access(*, page) -> bool:
    """Make the index say who may find this page now, in the caller's transaction: its
    document's visibility and network, or its removal when it is no longer findable. The
    text follows from the worker (enqueued here when anything changed). True if it changed."""
    document = registry.document_for(page)
    indexed = SearchDocument.objects.filter(page_id=page.pk).exists()
    if not indexed:
        return False  # nothing anyone could find yet; the index task adds it
    if document is None or not page.live or not document.is_findable(page):
        remove_page(page_id=page.pk)
        return True
    visibility, network_id = document.audience_of(page)
    if not database_backend().set_audience(page.pk, visibility=visibility, network_id=network_id):
        return False
    schedule_elasticsearch_sync(page.pk)
    enqueue_after_commit("search.tasks.index_page_task", page.pk)
    return True


@transaction.atomic
def remove_subtree(*, page_id: int) -> int:
    """Remove a page and every indexed page below it, in the caller's transaction (a privacy
    restriction now covers them). Returns how many were removed."""
    root = Page.objects.filter(pk=page_id).first()
    if root is None:
        remove_page(page_id=page_id)
        return 1
    below = Page.objects.descendant_of(root, inclusive=True).values("pk")
    page_ids = list(
        SearchDocument.objects.filter(page_id__in=below).values_list("page_id", flat=True)
    )
    for removed_id in page_ids:
        remove_page(page_id=removed_id)
    return len(page_ids)


@transaction.atomic
def follow_object(*, obj) -> None:
    """After an object that is not a page changed (saved, or its relations set): removed at
    once when it is no longer findable, its audience stated at once when it is indexed, and
    its document rebuilt by the worker after commit."""
    document = registry.document_for(obj)
    key = key_of(obj, create=False)
    if document is None or document.is_page:
        return
    findable = document.get_queryset().filter(pk=obj.pk).exists() and document.is_findable(obj)
    if key is not None and not findable:
        remove_page(page_id=key)
        return
    if key is not None:
        visibility, network_id = document.audience_of(obj)
        if database_backend().set_audience(key, visibility=visibility, network_id=network_id):
            schedule_elasticsearch_sync(key)
    if findable:
        enqueue_after_commit("search.tasks.index_page_task", key or document.key(obj))


def forget_object(*, obj) -> None:
    """An object that is not a page was deleted: its document goes at once."""
    key = key_of(obj, create=False)
    if key is not None:
        remove_page(page_id=key)


def follow_move(*, page) -> None:
    """After a move: hidden at once if it now sits behind a privacy restriction; re-indexed
    (its address, its ancestors' titles) by the worker."""
    if is_restricted(page):
        remove_subtree(page_id=page.pk)
    enqueue_after_commit("search.tasks.index_subtree_task", page.pk)


def index_subtree(*, page_id: int) -> int:
    """Re-index a page and every indexed page below it (after a move or a network rename)."""
    root = Page.objects.filter(pk=page_id).first()
    if root is None:
        remove_page(page_id=page_id)
        return 0
    count = 0
    for model in registry.indexed_page_models():
        for descendant_id in model.objects.descendant_of(root, inclusive=True).values_list(
            "pk", flat=True
        ):
            index_page(page_id=descendant_id)
            count += 1
    return count


def document_from_row(row: SearchDocument) -> IndexDocument:
    """The document as the database index holds it (row with its `text` loaded)."""
    text = row.text
    return IndexDocument(
        page_id=row.page_id,
        kind=row.kind,
        title=row.title,
        summary=text.summary,
        body=text.body,
        attachments=text.attachments,
        keywords=text.keywords,
        url=row.url,
        type=row.type,
        themes=tuple(row.themes),
        phases=tuple(row.phases),
        regions=tuple(row.regions),
        network_id=row.network_id,
        network_title=row.network_title,
        year=row.year,
        evidence_strength=row.evidence_strength,
        visibility=row.visibility,
        published_at=row.published_at,
        content_hash=row.content_hash,
    )


def sync_page_to_elasticsearch(*, page_id: int) -> None:
    """Make Elasticsearch hold what the database index holds for this page.

    Raises BackendUnavailable (after counting the attempt) so the task retries with backoff.
    """
    row = SearchDocument.objects.select_related("text").filter(page_id=page_id).first()
    backend = elasticsearch_backend()
    try:
        if row is None:
            backend.delete([page_id])
        else:
            backend.index([document_from_row(row)])
    except BackendUnavailable as error:
        pending, _ = PendingIndexUpdate.objects.get_or_create(page_id=page_id)
        pending.attempts += 1
        pending.last_error = str(error)[:255]
        pending.save(update_fields=["attempts", "last_error", "updated_at"])
        raise
    PendingIndexUpdate.objects.filter(page_id=page_id).delete()


def retry_pending_updates(*, limit: int | None = 500) -> int:
    """Retry the Elasticsearch updates that have not succeeded yet, oldest first, stopping at
    the first failure (Elasticsearch is still down). Returns how many were due."""
    if not elasticsearch_configured():
        return 0
    page_ids = list(
        PendingIndexUpdate.objects.order_by("updated_at").values_list("page_id", flat=True)[:limit]
    )
    for page_id in page_ids:
        try:
            sync_page_to_elasticsearch(page_id=page_id)
        except BackendUnavailable:
            logger.info("Elasticsearch still unavailable; %s updates pending", len(page_ids))
            break
    return len(page_ids)


def push_synonyms() -> None:
    """Send the broker's synonyms to Elasticsearch (the database backend reads them live)."""
    if elasticsearch_configured():
        elasticsearch_backend().push_synonyms([s.term_list for s in Synonym.objects.all()])


# Rebuilds and drift ---------------------------------------------------------------------------


def acquire_lock(name: str) -> IndexLock:
    holder = f"{socket.gethostname()}:{os.getpid()}"
    now = timezone.now()
    IndexLock.objects.filter(name=name, acquired_at__lt=now - STALE_LOCK_AFTER).delete()
    try:
        with transaction.atomic():
            return IndexLock.objects.create(name=name, holder=holder, acquired_at=now)
    except IntegrityError as error:
        current = IndexLock.objects.filter(name=name).first()
        raise RebuildAlreadyRunning(
            f"A rebuild is already running ({current.holder if current else 'unknown'}, "
            f"since {current.acquired_at:%Y-%m-%d %H:%M} UTC)."
            if current
            else "A rebuild is already running."
        ) from error


def release_lock(lock: IndexLock) -> None:
    IndexLock.objects.filter(pk=lock.pk).delete()


def rebuild_indexes(*, progress_factory=None) -> dict[str, int]:
    """Rebuild the database index from the pages, then Elasticsearch from the database.

    Refuses to run while another rebuild holds the lock. `progress_factory(total, label)`
    returns a callable advancing a progress bar by n.
    """
    lock = acquire_lock(REBUILD_LOCK)
    try:
        total = indexable_count()
        progress = progress_factory(total, "database") if progress_factory else None

        def documents():
            for page in indexable_objects():
                document = build_document(page)
                if document is not None:
                    yield document

        database_backend().rebuild(documents(), total=total, progress=progress)
        counts = {"database": SearchDocument.objects.count()}
        if elasticsearch_configured():
            rows = SearchDocument.objects.select_related("text").order_by("pk")
            es_total = rows.count()
            es_progress = progress_factory(es_total, "elasticsearch") if progress_factory else None
            elasticsearch_backend().rebuild(
                (document_from_row(row) for row in rows.iterator(chunk_size=500)),
                total=es_total,
                progress=es_progress,
            )
            # Pages published while the new index was loading went to the old one: catch up.
            repair(check_drift(include_database=False))
            counts["elasticsearch"] = es_total
        return counts
    finally:
        release_lock(lock)


@dataclass
class Drift:
    missing: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.missing or self.extra or self.stale)


@dataclass
class DriftReport:
    database: Drift | None = None
    elasticsearch: Drift | None = None
    pending: int = 0
    unavailable: str = ""

    @property
    def clean(self) -> bool:
        return all(d is None or d.clean for d in (self.database, self.elasticsearch)) and not (
            self.pending or self.unavailable
        )


def _compare(expected: dict[int, str], indexed: dict[int, str]) -> Drift:
    return Drift(
        missing=sorted(set(expected) - set(indexed)),
        extra=sorted(set(indexed) - set(expected)),
        stale=sorted(k for k in set(expected) & set(indexed) if expected[k] != indexed[k]),
    )


def check_drift(*, include_database: bool = True) -> DriftReport:
    """Compare what should be findable with what each index holds.

    Database: every live indexed page is built again and its content hash compared with the
    row's. Elasticsearch: compared with the database rows.
    """
    report = DriftReport(pending=PendingIndexUpdate.objects.count())
    database_versions = database_backend().indexed_versions()
    if include_database:
        expected = {}
        for page in indexable_objects():
            document = build_document(page)
            if document is not None:
                expected[document.page_id] = document.content_hash
        report.database = _compare(expected, database_versions)
    if elasticsearch_configured():
        try:
            report.elasticsearch = _compare(
                database_versions, elasticsearch_backend().indexed_versions()
            )
        except BackendUnavailable as error:
            report.unavailable = str(error)
    return report


def repair(report: DriftReport) -> DriftReport:
    """Fix what check_drift found: index the missing and stale, remove the extra."""
    if report.database is not None:
        for page_id in report.database.missing + report.database.stale + report.database.extra:
            index_page(page_id=page_id)
    if report.elasticsearch is not None:
        backend = elasticsearch_backend()
        for page_id in report.elasticsearch.extra:
            backend.delete([page_id])
        ids = report.elasticsearch.missing + report.elasticsearch.stale
        rows = SearchDocument.objects.select_related("text").filter(page_id__in=ids)
        backend.index(document_from_row(row) for row in rows)
    retry_pending_updates(limit=None)
    return report


def check_and_repair() -> DriftReport | None:
    """The nightly safety net (`search_index --fix` by beat): repair whatever drifted, unless a
    rebuild is running (it ends with the same repair). Returns the report, or None if skipped."""
    try:
        lock = acquire_lock(REBUILD_LOCK)
    except RebuildAlreadyRunning:
        logger.info("Search repair skipped: a rebuild is running.")
        return None
    try:
        report = check_drift()
        if not report.clean:
            repair(report)
        return report
    finally:
        release_lock(lock)


# Analytics ------------------------------------------------------------------------------------


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def encode_filters(filters: dict[str, tuple]) -> str:
    return "&".join(
        f"{name}={','.join(str(v) for v in sorted(values, key=str))}"
        for name, values in sorted(filters.items())
        if values
    )[:500]


def record_search(
    *, text: str, filters: dict[str, tuple], result_count: int, searcher=None
) -> None:
    """Count one search in this week's row for the query, and in that row's count for each of
    the searcher's networks (two upsert statements; one when signed out or in no network).

    Nothing about the person is stored: no user, session, address or time of day.
    """
    query = normalise(text)
    if not query:
        return
    network_ids = sorted(searcher_network_ids(searcher))
    table = SearchQueryLog._meta.db_table
    zero = 1 if result_count == 0 else 0
    # The table names are ours; every value is a parameter.
    sql = (
        f"INSERT INTO {table} (week, query, filters, searches, zero_result_searches, "  # noqa: S608
        f"last_result_count) VALUES (%s, %s, %s, 1, %s, %s) "
        f"ON CONFLICT (week, query, filters) DO UPDATE SET "
        f"searches = {table}.searches + 1, "
        f"zero_result_searches = {table}.zero_result_searches + excluded.zero_result_searches, "
        f"last_result_count = excluded.last_result_count RETURNING id"
    )
    week = week_of(timezone.localdate())
    if not network_ids:
        with connection.cursor() as cursor:
            cursor.execute(sql, [week, query, encode_filters(filters), zero, result_count])
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [week, query, encode_filters(filters), zero, result_count])
        (log_id,) = cursor.fetchone()
        networks = SearchQueryNetwork._meta.db_table
        rows = ", ".join(["(%s, %s, 1)"] * len(network_ids))
        cursor.execute(
            f"INSERT INTO {networks} (log_id, network_id, searches) VALUES {rows} "  # noqa: S608
            f"ON CONFLICT (log_id, network_id) DO UPDATE SET "
            f"searches = {networks}.searches + 1",
            [value for network_id in network_ids for value in (log_id, network_id)],
        )
