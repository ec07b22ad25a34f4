"""The weekly digest: what is new in what a person follows, that they may read, once a week.

Beat runs `send_weekly_digests` on Monday mornings; it hands each person to a task that calls
`send_digest`, which first writes the person's DigestSent row for the week. The row is unique per
person and week, so a second run (beat firing twice, a retried task) finds it and sends nothing.
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from core.notifications.services import queue_email
from core.queue import enqueue_after_commit

from ..models import DigestSent
from ..selectors.digests import digest_for
from ..tokens import unsubscribe_token

EMAIL = "broker/email/digest"
TASK = "broker.tasks.send_digest_task"


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def digest_recipients(week: date):
    """Active people who follow something, want the digest, and have not had this week's."""
    return (
        get_user_model()
        .objects.filter(is_active=True, follows__isnull=False)
        .exclude(digest_preference__weekly_digest=False)
        .exclude(digests_sent__week=week)
        .distinct()
        .values_list("pk", flat=True)
    )


def send_weekly_digests(*, now=None) -> int:
    """Hand every recipient of this week's digest to the worker. Returns how many."""
    week = week_of(timezone.localdate(now or timezone.now()))
    recipients = list(digest_recipients(week))
    for user_id in recipients:
        enqueue_after_commit(TASK, user_id, week.isoformat())
    return len(recipients)


def _since(user, week: date) -> datetime:
    """What is new since the last digest (or the week before this one)."""
    last = DigestSent.objects.filter(user=user, week__lt=week).order_by("-week").first()
    if last is not None:
        return last.sent_at
    return timezone.make_aware(datetime.combine(week - timedelta(days=7), time.min))


def unsubscribe_headers(url: str) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe: the link, and that a POST to it is enough."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


@transaction.atomic
def send_digest(*, user_id: int, week: date) -> bool:
    """Send one person their digest for `week`, once. Returns False when it was sent already,
    they no longer want it, or nothing is new (the week is recorded all the same)."""
    user = (
        get_user_model()
        .objects.filter(pk=user_id, is_active=True)
        .select_related("digest_preference")
        .first()
    )
    if user is None or DigestSent.objects.filter(user=user, week=week).exists():
        return False
    preference = getattr(user, "digest_preference", None)
    if preference is not None and not preference.weekly_digest:
        return False
    digest = digest_for(user, since=_since(user, week))
    try:
        with transaction.atomic():
            sent = DigestSent.objects.create(user=user, week=week, items=digest.count)
    except IntegrityError:
        return False  # another worker is sending it
    if not digest.count:
        return False
    unsubscribe_url = settings.SITE_URL + reverse(
        "broker:unsubscribe", kwargs={"token": unsubscribe_token(user)}
    )
    queue_email(
        to=user.email,
        template=EMAIL,
        context={
            "recipient": user,
            "digest": digest,
            "week": week,
            "site_url": settings.SITE_URL,
            "unsubscribe_url": unsubscribe_url,
            "preferences_url": settings.SITE_URL + reverse("broker:following"),
        },
        headers=unsubscribe_headers(unsubscribe_url),
    )
    return sent.pk is not None
