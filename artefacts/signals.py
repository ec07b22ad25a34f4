"""Whichever way an adaptation is published, the original's authors are told.

Moderation (artefacts.services) tells them inside the publishing transaction. A page can also be
published in the Wagtail editor (admins, for support) or by Wagtail's own scheduler; this
receiver enqueues, after commit and by id, a task that does the same. The task is idempotent, so
after moderation it finds nothing left to do.
"""

from wagtail.signals import page_published

from core.queue import enqueue_after_commit


def on_published(sender, instance, **kwargs):
    if instance.adapted_from_id:
        enqueue_after_commit("artefacts.tasks.tell_about_published_adaptation_task", instance.pk)


def connect() -> None:
    from .models import ArtefactPage

    page_published.connect(
        on_published, sender=ArtefactPage, dispatch_uid="artefacts.adaptation_published"
    )
