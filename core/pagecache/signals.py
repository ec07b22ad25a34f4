"""Purge the cached pages that show an object whenever it changes.

Saving, deleting, publishing and unpublishing a registered object purge what its app registered
(core.pagecache.registry); moving a page or changing its slug also purges its old address. The
purge happens at once, so that a request later in the same transaction does not read the old
page, and again after commit, so that a page rendered from the old rows in the meantime by
another request is not left behind.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.queue import enqueue_after_commit

from .registry import (
    has_background_touches,
    is_registered,
    page_path,
    paths_touched_by,
    subtree,
    touches,
)
from .store import purge

PURGE_IN_BACKGROUND_TASK = "core.pagecache.tasks.purge_in_background_task"


def purge_now_and_after_commit(targets) -> None:
    targets = set(targets)
    if not targets:
        return
    purge(targets)
    transaction.on_commit(lambda: purge(targets))


def on_change(sender, instance, **kwargs):
    if kwargs.get("raw") or not is_registered(sender):
        return
    purge_now_and_after_commit(paths_touched_by(instance))
    if has_background_touches(sender) and instance.pk is not None:
        enqueue_after_commit(PURGE_IN_BACKGROUND_TASK, instance._meta.label, instance.pk)


def purge_in_background(*, model_label: str, pk) -> int:
    """What the background registrations name for the object, purged; the number of paths.
    An object deleted since is skipped: its pages expire within PAGE_CACHE_SECONDS."""
    instance = apps.get_model(model_label)._default_manager.filter(pk=pk).first()
    if instance is None:
        return 0
    paths = paths_touched_by(instance, in_background=True)
    purge(paths)
    return len(paths)


def on_slug_changed(sender, instance, instance_before, **kwargs):
    purge_now_and_after_commit([subtree(page_path(instance_before)), subtree(page_path(instance))])


def on_page_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    new_path = page_path(instance)
    targets = {subtree(new_path)}
    if new_path and url_path_after.endswith(new_path):
        site_root = url_path_after[: len(url_path_after) - len(new_path)]
        if url_path_before.startswith(site_root):
            targets.add(subtree("/" + url_path_before[len(site_root) :].lstrip("/")))
    specific = instance.specific
    if is_registered(type(specific)):
        targets |= paths_touched_by(specific)
    purge_now_and_after_commit(targets)


@touches(PageViewRestriction)
def restricted_subtree(restriction):
    return [subtree(page_path(restriction.page))]


@touches(Site)
def whole_site(site):
    return ["/*"]


def connect() -> None:
    for signal in (post_save, post_delete, page_published, page_unpublished):
        signal.connect(on_change, dispatch_uid=f"pagecache.{id(signal)}")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="pagecache.slug_changed")
    post_page_move.connect(on_page_moved, dispatch_uid="pagecache.page_moved")
