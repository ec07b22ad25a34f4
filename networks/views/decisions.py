from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from core.views import perform_and_redirect

from .. import services
from ..forms import DecisionForm
from ..models import Decision, DecisionKind, DecisionStatus
from ..permissions import deny_unless, network_for_user_or_404, why_not_propose_decision

BACK = "networks:manage"


def _co_leaders_network(request, network_slug):
    network = network_for_user_or_404(request.user, network_slug)
    deny_unless(why_not_propose_decision(request.user, network))
    return network


@login_required
@require_POST
def propose(request, network_slug):
    network = _co_leaders_network(request, network_slug)
    form = DecisionForm(request.POST)
    # The service refuses an unknown kind or a person outside the network with its own message.
    data = form.cleaned_data if form.is_valid() else {}
    return perform_and_redirect(
        request,
        lambda: services.propose_decision(
            network=network,
            kind=data.get("kind", ""),
            target=data.get("target"),
            reason=data.get("reason", ""),
            by=request.user,
        ).describe(),
        success="Proposed: {result}. Another co-leader must confirm it.",
        to=BACK,
        network_slug=network.slug,
    )


def _decision_or_404(network, decision_id) -> Decision:
    return get_object_or_404(
        Decision.objects.select_related("target__user", "proposed_by"),
        pk=decision_id,
        network=network,
    )


@login_required
@require_POST
def confirm(request, network_slug, decision_id):
    network = _co_leaders_network(request, network_slug)
    decision = _decision_or_404(network, decision_id)
    response = perform_and_redirect(
        request,
        lambda: services.confirm_decision(decision=decision, by=request.user),
        success=f"Confirmed: {decision.describe()}.",
        to=BACK,
        network_slug=network.slug,
    )
    decision.refresh_from_db(fields=["status"])
    if decision.kind == DecisionKind.CLOSE_NETWORK and decision.status == DecisionStatus.CONFIRMED:
        messages.info(request, "The network has closed. Its published pages stay available.")
    return response


@login_required
@require_POST
def withdraw(request, network_slug, decision_id):
    network = _co_leaders_network(request, network_slug)
    decision = _decision_or_404(network, decision_id)
    return perform_and_redirect(
        request,
        lambda: services.withdraw_decision(decision=decision, by=request.user),
        success=f"Withdrawn: {decision.describe()}.",
        to=BACK,
        network_slug=network.slug,
    )
