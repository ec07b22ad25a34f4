"""Factory for activity records. Pass `network` and `user` in."""

import factory

from django.utils import timezone

from .models import Activity, ActivityKind


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    user = factory.SubFactory("core.accounts.factories.UserFactory")
    network = factory.SubFactory("networks.factories.NetworkPageFactory")
    school = None
    kind = ActivityKind.CONTRIBUTED
    occurred_at = factory.LazyFunction(timezone.now)
