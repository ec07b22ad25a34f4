"""Personal calendar feeds: a secret address each person may regenerate."""

import secrets

from django.db import transaction

from ..models import CalendarFeed


@transaction.atomic
def regenerate_feed_token(*, user) -> CalendarFeed:
    """Give the person a new secret feed address; the old one answers 404 from now on."""
    feed, _ = CalendarFeed.objects.select_for_update().get_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    feed.token = secrets.token_urlsafe(32)
    feed.save(update_fields=["token", "created_at"])
    return feed


@transaction.atomic
def ensure_feed(*, user) -> CalendarFeed:
    """The person's feed, made on first use."""
    feed, _ = CalendarFeed.objects.get_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    return feed
