"""Demo engagement: recent activity by the people of each network, so that the profile and the
broker's overview show realistic counts (some schools busy, some quiet, some people inactive).

Runs after the networks, funding and baselining demos; does nothing when there are no networks.
A network that already has demo attendance is left alone, so a second run adds nothing.
"""

import random
from datetime import timedelta

from django.utils import timezone

from core.demo_dates import between
from networks.models import Membership, NetworkPage, NetworkStatus

from .models import Activity, ActivityKind
from .services import record_activity

# How likely a person is to have been active recently, by network status.
ACTIVE_SHARE = {
    NetworkStatus.FORMING: 0.4,
    NetworkStatus.ACTIVE: 0.8,
    NetworkStatus.SUSTAINING: 0.55,
}
KINDS = [
    ActivityKind.ATTENDED,
    ActivityKind.ATTENDED,
    ActivityKind.REVIEWED,
    ActivityKind.CONTRIBUTED,
]


def seed(log) -> None:
    networks = list(
        NetworkPage.objects.live().exclude(status=NetworkStatus.CLOSED).order_by("title")
    )
    if not networks:
        log("no networks; no activity added")
        return
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    recorded = 0
    for network in networks:
        if Activity.objects.filter(
            network=network, kind=ActivityKind.ATTENDED, source_type__isnull=True
        ).exists():
            continue
        chooser = random.Random(f"engagement:{network.slug}")  # noqa: S311 - demo data only
        share = ACTIVE_SHARE.get(network.status, 0.5)
        memberships = (
            Membership.objects.current()
            .filter(network=network)
            .select_related("user", "school")
            .order_by("pk")
        )
        for membership in memberships:
            # Everyone took part at some point; only some in the last 90 days. Nobody before
            # they joined.
            days_ago = [chooser.randint(100, 300)]
            if chooser.random() < share:
                days_ago += [chooser.randint(1, 85) for _ in range(chooser.randint(1, 4))]
            for number, days in enumerate(days_ago):
                when = now - timedelta(days=days, hours=chooser.randint(0, 8))
                if when <= membership.joined_at:
                    when = between(membership.joined_at, now, chooser.uniform(0.2, 0.8))
                record_activity(
                    user=membership.user,
                    network=network,
                    kind=ActivityKind.ATTENDED if number == 0 else chooser.choice(KINDS),
                    school=membership.school,
                    when=when,
                )
                recorded += 1
    log(f"{recorded} activities")
