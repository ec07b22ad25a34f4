"""Whichever way an artefact is published (moderation, the Wagtail editor, the scheduler), its
followers are told, by a task after commit. The task is idempotent: a new revision published
later tells nobody twice."""

from wagtail.signals import page_published

from artefacts.models import ArtefactPage
from core.queue import enqueue_after_commit


def on_published(sender, instance, **kwargs):
    enqueue_after_commit("broker.tasks.tell_followers_about_artefact_task", instance.pk)


def connect() -> None:
    page_published.connect(on_published, sender=ArtefactPage, dispatch_uid="broker.tell_followers")
