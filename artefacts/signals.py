"""Whichever way an adaptation is published, the original's authors are told.

Moderation (artefacts.services) tells them inside the publishing transaction. A page can also be
published in the Wagtail editor (admins, for support) or by Wagtail's own scheduler; this
receiver enqueues, after commit and by id, a task that does the same. The task is idempotent, so
after moderation it finds nothing left to do. `robust=True`: a broker outage must not turn an
already-committed publication into an error page.
"""

from django.db import transaction

from wagtail.signals import page_published


def on_published(sender, instance, **kwargs):
    from .tasks import tell_about_published_adaptation_task

    if instance.adapted_from_id:
        adaptation_id = instance.pk
        transaction.on_commit(
            lambda: tell_about_published_adaptation_task.delay(adaptation_id), robust=True
        )


def connect() -> None:
    from .models import ArtefactPage

    page_published.connect(
        on_published, sender=ArtefactPage, dispatch_uid="artefacts.adaptation_published"
    )
