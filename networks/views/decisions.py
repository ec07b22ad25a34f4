from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from .. import services
from ..forms import DecisionForm
from ..models import Decision, DecisionKind, Membership
from ..permissions import can_propose_decision
from ._common import back_to_manage, check, network_or_404, report_refusal


@login_required
@require_POST
def propose(request, network_slug):
    network = network_or_404(request.user, network_slug)
    check(can_propose_decision(request.user, network))
    form = DecisionForm(request.POST)
    if not form.is_valid() or form.cleaned_data["kind"] not in DecisionKind.values:
        messages.error(request, "Choose what to decide.")
        return back_to_manage(network)
    target = None
    if form.cleaned_data["target"]:
        target = (
            Membership.objects.current()
            .filter(pk=form.cleaned_data["target"], network=network)
            .first()
        )
        if target is None:
            messages.error(request, "That person is not a current member of this network.")
            return back_to_manage(network)
    try:
        decision = services.propose_decision(
            network=network, kind=form.cleaned_data["kind"], target=target, by=request.user
        )
    except services.ActionRefused as error:
        report_refusal(request, error)
    else:
        messages.success(
            request,
            f"Proposed: {decision.describe()}. Another co-leader must confirm it.",
        )
    return back_to_manage(network)


def _decision_or_404(network, decision_id) -> Decision:
    return get_object_or_404(
        Decision.objects.select_related("target__user", "proposed_by"),
        pk=decision_id,
        network=network,
    )


@login_required
@require_POST
def confirm(request, network_slug, decision_id):
    network = network_or_404(request.user, network_slug)
    check(can_propose_decision(request.user, network))
    decision = _decision_or_404(network, decision_id)
    try:
        services.confirm_decision(decision=decision, by=request.user)
    except services.ActionRefused as error:
        report_refusal(request, error)
    else:
        messages.success(request, f"Confirmed: {decision.describe()}.")
        if decision.kind == DecisionKind.CLOSE_NETWORK:
            messages.info(request, "The network has closed. Its published pages stay available.")
    return back_to_manage(network)


@login_required
@require_POST
def withdraw(request, network_slug, decision_id):
    network = network_or_404(request.user, network_slug)
    check(can_propose_decision(request.user, network))
    decision = _decision_or_404(network, decision_id)
    try:
        services.withdraw_decision(decision=decision, by=request.user)
    except services.ActionRefused as error:
        report_refusal(request, error)
    else:
        messages.success(request, f"Withdrawn: {decision.describe()}.")
    return back_to_manage(network)
