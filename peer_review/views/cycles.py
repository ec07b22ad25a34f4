from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from networks.models import NetworkPage
from networks.permissions import is_member

from .. import permissions, selectors, services
from ..forms import ExtendDeadlineForm, OpenCycleForm
from ..models import Phase
from ._common import cycle_or_404, post_service, refuse_page, run_form


@login_required
def my_reviews(request):
    return render(request, "peer_review/list.html", selectors.my_reviews(request.user))


@login_required
def open_cycle(request, network_slug):
    network = get_object_or_404(NetworkPage, slug=network_slug)
    if not is_member(request.user, network):
        refuse_page(permissions.CO_LEADERS_ONLY)
    refuse_page(permissions.why_not_open_cycle(request.user, network))
    form = OpenCycleForm(request.POST or None)
    done = run_form(
        request,
        form,
        lambda data: services.open_cycle(
            network=network,
            by=request.user,
            framework_version=data["framework_version"],
            focus_criteria=data["focus_criteria"],
            deadlines=form.deadlines(),
            purpose=data["purpose"],
        ),
        success="The review cycle is open, in planning.",
        to="peer_review:mine",
    )
    if done:
        cycle = network.review_cycles.order_by("-number").first()
        return redirect(cycle)
    return render(
        request,
        "peer_review/form.html",
        {
            "form": form,
            "heading": f"Open a review cycle for {network.title}",
            "submit": "Open the cycle",
        },
    )


@login_required
def cycle_page(request, cycle_id):
    cycle = cycle_or_404(request, cycle_id)
    user = request.user
    team = selectors.team(cycle)
    permissions.remember_place_among(user, cycle, team)
    place = permissions.reviewer_place(user, cycle)
    show_self = permissions.can_view_self_assessment(user, cycle)
    deadlines = selectors.cycle_deadlines(cycle)
    rows = selectors.criterion_summary_rows(
        cycle, show_self=show_self, reviewer=place if place and place.status == "accepted" else None
    )
    # What the "what is due" panel needs, read once for both of its parts.
    co_leaders = (
        selectors.co_leaders_acknowledging(cycle) if cycle.phase == Phase.RESPONSE else None
    )
    open_actions = (
        selectors.actions_without_updates(cycle) if cycle.phase == Phase.FOLLOW_UP else None
    )
    missing = services.missing_for_next_phase(
        cycle,
        focus=[(row.criterion.pk, row.criterion.title) for row in rows],
        team=team,
        self_done={row.criterion.pk for row in rows if row.self_assessment} if show_self else None,
        peer_done={row.criterion.pk for row in rows if row.peer_assessment},
        deadlines=deadlines,
        co_leaders=co_leaders,
        open_actions=open_actions,
    )
    context = {
        "cycle": cycle,
        "network": cycle.network,
        "track": selectors.phase_track(cycle, deadlines),
        "deadlines": deadlines,
        "what_is_due": selectors.WHAT_IS_DUE[cycle.phase],
        "owed_by": selectors.owed_by(
            cycle, team=team, co_leaders=co_leaders, open_actions=open_actions
        ),
        "missing": missing,
        "rows": rows,
        "team": team,
        "place": place,
        "show_self": show_self,
        "why_not_self": permissions.why_not_view_self_assessment(user, cycle),
        "can_advance": permissions.can_advance_phase(user, cycle) and cycle.next_phase,
        "next_phase_label": Phase(cycle.next_phase).label if cycle.next_phase else "",
        "can_extend": permissions.can_extend_deadline(user, cycle),
        "can_manage_team": permissions.can_manage_team(user, cycle),
        "can_rate": permissions.can_rate(user, cycle),
        "can_schedule_visit": permissions.can_schedule_visit(user, cycle),
        "can_view_report": permissions.can_view_report(user, cycle),
        "can_write_report": permissions.can_write_report(user, cycle),
        "is_read_only": not any(
            (
                permissions.can_advance_phase(user, cycle),
                permissions.can_contribute(user, cycle),
                place is not None,
            )
        ),
    }
    return render(request, "peer_review/cycle.html", context)


@login_required
@require_POST
def advance(request, cycle_id):
    cycle = cycle_or_404(request, cycle_id)
    return post_service(
        request,
        lambda: services.advance_phase(cycle=cycle, by=request.user),
        success="The cycle has moved on.",
        to=cycle,
    )


@login_required
def extend(request, cycle_id, phase):
    cycle = cycle_or_404(request, cycle_id)
    refuse_page(permissions.why_not_extend_deadline(request.user, cycle))
    form = ExtendDeadlineForm(request.POST or None)
    done = run_form(
        request,
        form,
        lambda data: services.extend_deadline(
            cycle=cycle,
            phase=phase,
            to_date=data["to_date"],
            reason=data["reason"],
            by=request.user,
        ),
        success="The deadline has moved.",
        to=cycle,
    )
    return done or render(
        request,
        "peer_review/form.html",
        {
            "form": form,
            "cycle": cycle,
            "heading": f"Extend the {Phase(phase).label.lower()} deadline"
            if phase in Phase.values
            else "Extend a deadline",
            "submit": "Extend the deadline",
        },
    )
