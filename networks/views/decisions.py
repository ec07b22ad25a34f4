from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from core.views import perform_and_redirect

from .. import services
from ..forms import DecisionForm, DeclineAppointmentForm
from ..models import Decision, DecisionKind, DecisionStatus
from ..permissions import (
    can_answer_appointment,
    deny_unless,
    network_for_user_or_404,
    why_not_propose_decision,
)

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


def _appointment_or_404(request, network_slug, decision_id) -> Decision:
    """The appointment, for the person it appoints only (the same 404 for anyone else)."""
    network = network_for_user_or_404(request.user, network_slug)
    decision = get_object_or_404(
        Decision.objects.select_related("target__user", "proposed_by", "confirmed_by"),
        pk=decision_id,
        network=network,
        kind=DecisionKind.APPOINT_CO_LEADER,
    )
    if decision.target.user_id != request.user.pk:
        raise Http404("No appointment found.")
    decision.network = network
    return decision


def _appointment_url(decision) -> str:
    return services.appointment_path(decision)


@login_required
def appointment(request, network_slug, decision_id):
    """The person appointed co-leader reads the proposal and agrees or declines."""
    decision = _appointment_or_404(request, network_slug, decision_id)
    can_answer = can_answer_appointment(request.user, decision)
    return render(
        request,
        "networks/manage/appointment.html",
        {
            "network": decision.network,
            "decision": decision,
            "can_answer": can_answer,
            "decline_form": DeclineAppointmentForm() if can_answer else None,
        },
    )


@login_required
@require_POST
def agree(request, network_slug, decision_id):
    decision = _appointment_or_404(request, network_slug, decision_id)
    return perform_and_redirect(
        request,
        lambda: services.agree_to_appointment(decision=decision, by=request.user),
        success=f"You are now a co-leader of {decision.network.title}.",
        to=_appointment_url(decision),
    )


@login_required
@require_POST
def decline(request, network_slug, decision_id):
    decision = _appointment_or_404(request, network_slug, decision_id)
    form = DeclineAppointmentForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return perform_and_redirect(
        request,
        lambda: services.decline_appointment(decision=decision, reason=reason, by=request.user),
        success="You declined. The network's co-leaders have been told.",
        to=_appointment_url(decision),
    )
