"""/broker/spread/: how learning moves between networks, for the brokers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.queue import enqueue_after_commit

from ..models import SpreadSnapshot
from ..permissions import can_view_spread, why_not_view_spread
from ..privacy import MIN_GROUP
from ..services.spread import is_stale, refresh_spread
from ..spread.svg import network_map_svg
from ._common import refuse_unless

REFRESH_TASK = "broker.tasks.refresh_spread_task"
REFRESH_PENDING = "broker:spread-refresh-pending"
REFRESH_PENDING_SECONDS = 600


@login_required
def spread(request):
    refuse_unless(can_view_spread(request.user), why_not_view_spread(request.user))
    snapshot = SpreadSnapshot.objects.first()
    if snapshot is None:
        snapshot = refresh_spread()  # the very first time: nothing to show until it is computed
    elif is_stale(snapshot) and cache.add(REFRESH_PENDING, True, REFRESH_PENDING_SECONDS):
        enqueue_after_commit(REFRESH_TASK)  # once, however many brokers open the page meanwhile
    data = snapshot.data
    return render(
        request,
        "broker/spread.html",
        {
            "snapshot": snapshot,
            "figures": data,
            "network_map_svg": network_map_svg(data["network_map"]),
            "min_group": MIN_GROUP,
        },
    )


@login_required
@require_POST
def refresh(request):
    refuse_unless(can_view_spread(request.user), why_not_view_spread(request.user))
    enqueue_after_commit(REFRESH_TASK)
    messages.success(request, "The figures are being counted again: reload in a minute.")
    return redirect("broker:spread")
