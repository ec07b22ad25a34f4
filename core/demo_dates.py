"""Dates for demo data: moments on given days, and Wagtail pages moved back to when they were
published, so that the demo reads as a history rather than as the moment it was loaded.

Demo modules call these only on rows they have just made: a second run finds its rows and
leaves their dates alone.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Revision


def moment(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def months_ago(months: float, *, today: date | None = None) -> date:
    """The Monday on or after the day `months` months before today."""
    day = (today or timezone.localdate()) - timedelta(days=round(months * 30.44))
    return day + timedelta(days=-day.weekday() % 7)


def between(start: datetime, end: datetime, fraction: float) -> datetime:
    """The moment `fraction` (0 to 1) of the way from `start` to `end` (`start` if end is earlier)."""
    if end <= start:
        return start
    return start + (end - start) * min(max(fraction, 0.0), 1.0)


def backdate_page(page: Page, first_published_at: datetime, last_published_at=None) -> None:
    """Date a published page's history: its revisions (in order, the last at the last
    publication), its log entries and its publication dates."""
    last = max(last_published_at or first_published_at, first_published_at)
    Page.objects.filter(pk=page.pk).update(
        first_published_at=first_published_at,
        last_published_at=last,
        latest_revision_created_at=last,
    )
    revisions = list(
        Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page), object_id=str(page.pk)
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for position, revision_id in enumerate(revisions):
        later = len(revisions) - 1 - position
        when = last if later == 0 else first_published_at - timedelta(minutes=5 * later)
        Revision.objects.filter(pk=revision_id).update(created_at=when)
    PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=last)
    page.first_published_at, page.last_published_at = first_published_at, last
    page.latest_revision_created_at = last
