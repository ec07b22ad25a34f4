from datetime import timedelta

import pytest

from django.utils import timezone

from networks.models import Membership
from tests.world import closed_network, world  # noqa: F401


@pytest.fixture
def members_joined_long_ago(world):  # noqa: F811
    """The world's people joined years ago, so joining does not count them as active now: only
    what a test adds does."""
    Membership.objects.update(joined_at=timezone.now() - timedelta(days=3 * 365))
