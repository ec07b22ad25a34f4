"""The notifications' section of a person's home (core.home): their unread notifications,
newest first, each linking through /notifications/<id>/open/ so that following it marks it
read. One query."""

from django.urls import reverse
from django.utils import timezone

from core.home import HomeItem, HomeSection, first_and_count

from .models import Notification


def notifications_section(user) -> HomeSection:
    notifications, count = first_and_count(
        Notification.objects.filter(recipient=user, read_at__isnull=True).order_by(
            "-created_at", "-pk"
        )
    )
    list_url = reverse("notifications:list")
    return HomeSection(
        key="notifications",
        title="Unread notifications",
        count=count,
        items=[
            HomeItem(
                label=notification.message,
                url=reverse("notifications:open", kwargs={"notification_id": notification.pk})
                if notification.url
                else list_url,
                meta=f"{timezone.localtime(notification.created_at):%-d %B %Y, %H:%M}",
            )
            for notification in notifications
        ],
        empty_text="You have read all your notifications.",
        link=list_url,
        link_text="All your notifications",
    )
