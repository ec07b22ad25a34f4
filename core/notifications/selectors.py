from .models import Notification


def notifications_for(user):
    return Notification.objects.filter(recipient=user)


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    if hasattr(user, "loaded_unread"):  # counted with the person (core.accounts.backends)
        return user.loaded_unread
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def owns_all(user, notification_ids) -> bool:
    """Whether every one of the ids is a notification of this person's."""
    ids = set(notification_ids)
    return notifications_for(user).filter(pk__in=ids).count() == len(ids)
