"""Indexing follows the content of every registered page type: these receivers only enqueue
tasks, after commit, by id; each task reads the page again and makes the index match it.

Publish, unpublish, delete and move each schedule a task, as does saving a change to a live
page's `access_fields` (who may find it). Enqueueing never raises into the request
(`core.queue`): `search_index --fix`, run by beat, catches up with anything missed.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

from core.queue import enqueue_after_commit

from . import registry
from .backends import elasticsearch_configured
from .models import SearchDocument, Synonym

INDEX_PAGE = "search.tasks.index_page_task"
INDEX_SUBTREE = "search.tasks.index_subtree_task"
REMOVE_PAGE = "search.tasks.remove_page_task"
PUSH_SYNONYMS = "search.tasks.push_synonyms_task"


def on_published(sender, instance, **kwargs):
    document = registry.document_for(instance)
    if document is not None:
        enqueue_after_commit(INDEX_SUBTREE if document.subtree else INDEX_PAGE, instance.pk)


def on_unpublished(sender, instance, **kwargs):
    if registry.document_for(instance) is not None:
        enqueue_after_commit(REMOVE_PAGE, instance.pk)


def on_deleted(sender, instance, **kwargs):
    if registry.document_for_model(sender) is not None:
        enqueue_after_commit(REMOVE_PAGE, instance.pk)


def on_moved(sender, instance, **kwargs):
    enqueue_after_commit(INDEX_SUBTREE, instance.pk)


def touches(update_fields, names) -> bool:
    if update_fields is None:
        return True
    return any(name in update_fields or f"{name}_id" in update_fields for name in names)


def on_saved(sender, instance, created, update_fields=None, **kwargs):
    """A live page whose audience differs from the index's is re-indexed at once."""
    document = registry.document_for_model(sender)
    if document is None or not document.access_fields or created or not instance.live:
        return
    if not touches(update_fields, document.access_fields):
        return
    indexed = (
        SearchDocument.objects.filter(page_id=instance.pk)
        .values_list("visibility", "network_id")
        .first()
    )
    if indexed is not None and indexed != document.audience_of(instance):
        enqueue_after_commit(INDEX_PAGE, instance.pk)


def on_synonyms_changed(sender, instance, **kwargs):
    if elasticsearch_configured():
        enqueue_after_commit(PUSH_SYNONYMS)


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="search.on_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search.on_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search.on_moved")
    # Any model: the registry decides (apps register their documents in any order).
    post_delete.connect(on_deleted, dispatch_uid="search.on_deleted")
    post_save.connect(on_saved, dispatch_uid="search.on_saved")
    post_save.connect(on_synonyms_changed, sender=Synonym, dispatch_uid="search.synonyms_saved")
    post_delete.connect(on_synonyms_changed, sender=Synonym, dispatch_uid="search.synonyms_deleted")
