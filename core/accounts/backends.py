from allauth.account.auth_backends import AuthenticationBackend

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q

from .models import BROKER_GROUP_NAME


class AccountBackend(AuthenticationBackend):
    """allauth's backend, loading what every signed-in page asks of the person with them.

    The broker flag and the unread notifications count come in the same query as the person
    (two fewer on every signed-in page). Sessions recorded under the previous backends' paths
    still load through them: those paths stay in AUTHENTICATION_BACKENDS.
    """

    def get_user(self, user_id):
        User = get_user_model()
        brokers = User.groups.through.objects.filter(
            user_id=OuterRef("pk"), group__name=BROKER_GROUP_NAME
        )
        try:
            user = User._default_manager.annotate(
                loaded_is_broker=Exists(brokers),
                loaded_unread=Count("notifications", filter=Q(notifications__read_at__isnull=True)),
            ).get(pk=user_id)
        except User.DoesNotExist:
            return None
        user.__dict__["is_broker"] = user.loaded_is_broker  # fills the cached_property
        return user if self.user_can_authenticate(user) else None
