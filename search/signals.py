"""Indexing follows the content of every registered page type (and of registered objects that
are not pages: saving one re-indexes it, see `services.follow_object`).

Who may find a page changes in the page's own transaction (the database index is the source of
truth for every backend): unpublishing or deleting a page removes its document at once, a
change of its audience (publishing, or saving one of its document's `access_fields`) is written
at once, and a privacy restriction hides what it covers at once. The document's text, which may
need text extracted from attachments, is rebuilt by a task enqueued after commit by id; each
task reads the page again. Enqueueing never raises into the request (`core.queue`), and
`search_index --fix`, run nightly by beat, catches up with anything a worker missed.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.queue import enqueue_after_commit

from . import registry, services
from .backends import elasticsearch_configured
from .models import Synonym

INDEX_PAGE = "search.tasks.index_page_task"
INDEX_SUBTREE = "search.tasks.index_subtree_task"
PUSH_SYNONYMS = "search.tasks.push_synonyms_task"


def on_published(sender, instance, **kwargs):
    document = registry.document_for(instance)
    if document is not None:
        services.follow_access(page=instance)
        enqueue_after_commit(INDEX_SUBTREE if document.subtree else INDEX_PAGE, instance.pk)


def on_unpublished(sender, instance, **kwargs):
    if registry.document_for(instance) is not None:
        services.remove_page(page_id=instance.pk)


def on_deleted(sender, instance, **kwargs):
    document = registry.document_for_model(sender)
    if document is None:
        return
    if document.is_page:
        services.remove_page(page_id=instance.pk)
    else:
        services.forget_object(obj=instance)


def on_moved(sender, instance, **kwargs):
    services.follow_move(page=instance)


def touches(update_fields, names) -> bool:
    if update_fields is None:
        return True
    return any(name in update_fields or f"{name}_id" in update_fields for name in names)


def on_saved(sender, instance, created, update_fields=None, **kwargs):
    """Saving a live page's access fields changes who may find it, at once; saving any other
    registered object re-indexes it (and removes it at once when it is no longer findable)."""
    document = registry.document_for_model(sender)
    if document is not None and not document.is_page:
        services.follow_object(obj=instance)
        return
    if document is None or not document.access_fields or created or not instance.live:
        return
    if touches(update_fields, document.access_fields):
        services.follow_access(page=instance)


def on_restricted(sender, instance, **kwargs):
    services.remove_subtree(page_id=instance.page_id)


def on_restriction_removed(sender, instance, **kwargs):
    enqueue_after_commit(INDEX_SUBTREE, instance.page_id)


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
    post_save.connect(on_restricted, sender=PageViewRestriction, dispatch_uid="search.restricted")
    post_delete.connect(
        on_restriction_removed, sender=PageViewRestriction, dispatch_uid="search.unrestricted"
    )
    post_save.connect(on_synonyms_changed, sender=Synonym, dispatch_uid="search.synonyms_saved")
    post_delete.connect(on_synonyms_changed, sender=Synonym, dispatch_uid="search.synonyms_deleted")
