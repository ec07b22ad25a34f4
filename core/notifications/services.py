"""Telling people things: in-app notifications and e-mail through the outbox."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from ..queue import enqueue_after_commit
from .models import ERROR_MAX_LENGTH, Notification, OutboundEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5

_emails_suppressed = ContextVar("emails_suppressed", default=False)


@contextmanager
def emails_suppressed():
    """Within this block nothing is queued for e-mail; in-app notifications are still made.
    For generated data (the demo), whose people must not be written to."""
    token = _emails_suppressed.set(True)
    try:
        yield
    finally:
        _emails_suppressed.reset(token)


def queue_email(
    *, to: str, template: str, context: dict, headers: dict[str, str] | None = None
) -> OutboundEmail | None:
    """Render `<template>_subject.txt` and `<template>_body.txt` now; send after commit, with
    any extra `headers`. Returns None, queuing nothing, inside `emails_suppressed()`."""
    if _emails_suppressed.get():
        return None
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}_body.txt", context)
    email = OutboundEmail.objects.create(
        to=to, subject=subject[:300], body_text=body, headers=headers or {}
    )
    enqueue_after_commit("core.notifications.tasks.deliver_email_task", email.pk)
    return email


def notify(
    *,
    recipient,
    message: str,
    url: str = "",
    subject: str = "",
    email_template: str | None = None,
    context=None,
) -> Notification:
    """Tell one person something in the app and, when a template is given, by e-mail.

    `subject` (from `models.subject_key`) names what it is about, for `mark_read_about`."""
    notification = Notification.objects.create(
        recipient=recipient, message=message[:300], url=url, subject=subject[:100]
    )
    if email_template:
        queue_email(
            to=recipient.email,
            template=email_template,
            context={
                "recipient": recipient,
                "message": message,
                "url": url,
                "site_url": settings.SITE_URL,
                **(context or {}),
            },
        )
    return notification


def notify_each(
    people,
    *,
    message: str,
    url: str = "",
    subject: str = "",
    email_template: str | None = None,
    context=None,
) -> list[Notification]:
    """`notify` each person once, skipping None and repeats, whatever the list holds.

    The e-mail context also gets `link`, the absolute address of `url`."""
    seen = set()
    notifications = []
    for person in people:
        if person is None or person.pk in seen:
            continue
        seen.add(person.pk)
        notifications.append(
            notify(
                recipient=person,
                message=message,
                url=url,
                subject=subject,
                email_template=email_template,
                context={"link": f"{settings.SITE_URL}{url}", **(context or {})},
            )
        )
    return notifications


def deliver_email(*, email_id: int) -> bool:
    """Send one pending message. Returns False when there was nothing to do.

    A failed attempt is recorded (and, after MAX_ATTEMPTS, the message marked failed) before the
    error is raised again for the task to retry: raising inside the transaction would undo it.
    """
    failure = None
    with transaction.atomic():
        email = (
            OutboundEmail.objects.select_for_update()
            .filter(pk=email_id, status=OutboundEmail.Status.PENDING)
            .first()
        )
        if email is None:
            return False
        email.attempts += 1
        try:
            EmailMessage(
                email.subject, email.body_text, None, [email.to], headers=email.headers or None
            ).send()
        except Exception as error:
            failure = error
            email.last_error = str(error)[:ERROR_MAX_LENGTH]
            if email.attempts >= MAX_ATTEMPTS:
                email.status = OutboundEmail.Status.FAILED
            email.save(update_fields=["attempts", "last_error", "status"])
        else:
            email.status = OutboundEmail.Status.SENT
            email.sent_at = timezone.now()
            email.save(update_fields=["attempts", "status", "sent_at"])
    if failure is not None:
        logger.warning("E-mail %s not sent (attempt %s): %s", email.pk, email.attempts, failure)
        raise failure
    return True


def _forget_loaded_count(user) -> None:
    user.__dict__.pop("loaded_unread", None)  # the count loaded with the person is stale now


def mark_read(*, user, notification_ids=None) -> int:
    """Mark the person's unread notifications read (only those of `notification_ids`, when
    given; ids of other people's notifications are ignored). Returns how many changed."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    _forget_loaded_count(user)
    return unread.update(read_at=timezone.now())


def mark_read_about(*, subject: str, user=None) -> int:
    """Someone acted on the thing `subject` names: mark `user`'s unread notifications about it
    read, or everyone's when `user` is None (the thing is settled for all, e.g. an artefact one
    co-leader has moderated). Returns how many changed; a blank subject marks nothing."""
    if not subject:
        return 0
    unread = Notification.objects.filter(subject=subject, read_at__isnull=True)
    if user is not None:
        unread = unread.filter(recipient=user)
        _forget_loaded_count(user)
    return unread.update(read_at=timezone.now())
