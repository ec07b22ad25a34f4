"""Indexing follows the content: these receivers only enqueue tasks, after commit, by id.

publish / unpublish / delete / move, and a change of an artefact's visibility on a live page,
each schedule a task; the task reads the page again and makes the index match it.
`robust=True`: a broker outage must not turn an already-committed change into an error page;
`search_index --check` / `--fix` catch up with anything missed.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

from .documents import artefact_model, indexed_models


def _is_indexed(instance) -> bool:
    return isinstance(instance, tuple(indexed_models()))


def enqueue(task, page_id: int) -> None:
    transaction.on_commit(lambda: task.delay(page_id), robust=True)


def on_published(sender, instance, **kwargs):
    from .tasks import index_page_task, index_subtree_task

    if not _is_indexed(instance):
        return
    from networks.models import NetworkPage

    # A network's title and themes appear on its artefacts' documents too.
    task = index_subtree_task if isinstance(instance, NetworkPage) else index_page_task
    enqueue(task, instance.pk)


def on_unpublished(sender, instance, **kwargs):
    from .tasks import remove_page_task

    if _is_indexed(instance):
        enqueue(remove_page_task, instance.pk)


def on_deleted(sender, instance, **kwargs):
    from .tasks import remove_page_task

    enqueue(remove_page_task, instance.pk)


def on_moved(sender, instance, **kwargs):
    from .tasks import index_subtree_task

    enqueue(index_subtree_task, instance.pk)


def on_artefact_saved(sender, instance, created, update_fields=None, **kwargs):
    """A live artefact whose visibility differs from the index's is re-indexed at once."""
    from .models import SearchDocument
    from .tasks import index_page_task

    if created or not instance.live:
        return
    if update_fields is not None and "visibility" not in update_fields:
        return
    from .artefact_adapter import visibility_of

    indexed = (
        SearchDocument.objects.filter(page_id=instance.pk)
        .values_list("visibility", flat=True)
        .first()
    )
    if indexed is not None and indexed != visibility_of(instance):
        enqueue(index_page_task, instance.pk)


def on_synonyms_changed(sender, instance, **kwargs):
    from .backends import elasticsearch_configured
    from .tasks import push_synonyms_task

    if elasticsearch_configured():
        transaction.on_commit(push_synonyms_task.delay, robust=True)


def connect() -> None:
    from .models import Synonym

    page_published.connect(on_published, dispatch_uid="search.on_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search.on_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search.on_moved")
    for model in indexed_models():
        post_delete.connect(
            on_deleted, sender=model, dispatch_uid=f"search.on_deleted.{model._meta.label}"
        )
    model = artefact_model()
    if model is not None:
        post_save.connect(on_artefact_saved, sender=model, dispatch_uid="search.on_artefact_saved")
    post_save.connect(on_synonyms_changed, sender=Synonym, dispatch_uid="search.synonyms_saved")
    post_delete.connect(on_synonyms_changed, sender=Synonym, dispatch_uid="search.synonyms_deleted")
