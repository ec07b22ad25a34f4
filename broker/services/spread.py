"""Keeping the spread figures fresh."""

import json
from datetime import timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from ..models import SpreadSnapshot
from ..spread.figures import MAP_LINKS, compute_spread
from ..spread.svg import network_map_svg

SNAPSHOTS_KEPT = 5


@transaction.atomic
def refresh_spread(*, now=None, map_links: int = MAP_LINKS) -> SpreadSnapshot:
    """Compute every figure now and keep them as the newest snapshot (older ones are pruned).
    The picture is drawn here, once, with the `map_links` strongest links."""
    now = now or timezone.now()
    figures = compute_spread(now=now, map_links=map_links)
    all_links = figures.pop("all_links")
    # Through the encoder and back: dates and decimals become the JSON the page reads back.
    data = json.loads(DjangoJSONEncoder().encode(figures))
    snapshot = SpreadSnapshot.objects.create(
        computed_at=now,
        data=data,
        network_map_svg=network_map_svg(data["network_map"]),
        all_links=all_links,
    )
    stale = SpreadSnapshot.objects.order_by("-computed_at", "-pk").values_list("pk", flat=True)[
        SNAPSHOTS_KEPT:
    ]
    SpreadSnapshot.objects.filter(pk__in=list(stale)).delete()
    return snapshot


def is_stale(snapshot, *, now=None, max_age=timedelta(hours=2)) -> bool:
    return snapshot is None or snapshot.computed_at < (now or timezone.now()) - max_age
