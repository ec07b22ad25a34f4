"""/broker/spread/: how learning moves between networks, for the brokers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from core.queue import enqueue_after_commit

from ..models import SpreadSnapshot
from ..permissions import can_view_spread, why_not_view_spread
from ..privacy import MIN_GROUP
from ..services.spread import is_stale, refresh_spread
from ..spread.figures import link_table
from ._common import csv_response, refuse_unless

REFRESH_TASK = "broker.tasks.refresh_spread_task"
REFRESH_PENDING = "broker:spread-refresh-pending"
REFRESH_PENDING_SECONDS = 600


def _newest_snapshot(snapshots) -> SpreadSnapshot:
    snapshot = snapshots.first()
    if snapshot is None:
        return refresh_spread()  # the very first time: nothing to show until it is computed
    if is_stale(snapshot) and cache.add(REFRESH_PENDING, True, REFRESH_PENDING_SECONDS):
        enqueue_after_commit(REFRESH_TASK)  # once, however many brokers open the page meanwhile
    return snapshot


@login_required
def spread(request):
    refuse_unless(can_view_spread(request.user), why_not_view_spread(request.user))
    # Every link is for the CSV download; the page shows the strongest, kept in `data`.
    snapshot = _newest_snapshot(SpreadSnapshot.objects.defer("all_links"))
    return render(
        request,
        "broker/spread.html",
        {
            "snapshot": snapshot,
            "figures": snapshot.data,
            # Drawn by broker.spread.svg when computed, every name in it escaped there.
            "network_map_svg": mark_safe(snapshot.network_map_svg),  # noqa: S308
            "min_group": MIN_GROUP,
        },
    )


@login_required
def links_csv(request):
    """Every link between networks in the newest figures, the strongest first."""
    refuse_unless(can_view_spread(request.user), why_not_view_spread(request.user))
    snapshot = _newest_snapshot(SpreadSnapshot.objects.all())
    heading, rows = link_table(snapshot.data["network_map"]["nodes"], snapshot.all_links)
    return csv_response(f"network-links-{snapshot.computed_at:%Y-%m-%d-%H%M}.csv", heading, rows)


@login_required
@require_POST
def refresh(request):
    refuse_unless(can_view_spread(request.user), why_not_view_spread(request.user))
    enqueue_after_commit(REFRESH_TASK)
    messages.success(request, "The figures are being counted again: reload in a minute.")
    return redirect("broker:spread")
