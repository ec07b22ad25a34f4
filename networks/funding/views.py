from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from core.views import perform_form
from networks.permissions import deny_unless, network_for_user_or_404

from . import selectors, services
from .forms import ContributionForm, FundingReceiptForm, SpendingPlanForm
from .permissions import (
    can_record_funding,
    can_revise_spending_plan,
    why_not_record_funding,
    why_not_view_funding_records,
)


def _overview_url(network) -> str:
    return reverse("funding:overview", kwargs={"network_slug": network.slug})


def _network_to_manage(request, network_slug):
    """(network, None) if this person may change its funding records; (network, redirect) with
    the reason when the network has closed; 403 with the reason for anyone else who may see it."""
    network = network_for_user_or_404(request.user, network_slug)
    why_not = why_not_record_funding(request.user, network)
    if why_not and network.is_closed:
        messages.error(request, why_not)
        return network, redirect(_overview_url(network))
    deny_unless(why_not)
    return network, None


@login_required
def funding_overview(request, network_slug):
    network = network_for_user_or_404(request.user, network_slug)
    deny_unless(why_not_view_funding_records(request.user, network))
    return render(
        request,
        "funding/overview.html",
        {
            "network": network,
            "totals": selectors.funding_totals(network),
            "receipts": list(selectors.funding_receipts(network)),
            "contributions": list(selectors.in_kind_contributions(network)),
            "by_school": list(selectors.in_kind_by_school(network)),
            "entries": selectors.plan_history_entries(selectors.spending_plan_history(network)),
            "can_record": can_record_funding(request.user, network),
            "can_revise": can_revise_spending_plan(request.user, network),
        },
    )


@login_required
def record_funding(request, network_slug):
    network, refusal = _network_to_manage(request, network_slug)
    if refusal:
        return refusal
    form = FundingReceiptForm(request.POST or None)
    done = perform_form(
        request,
        form,
        lambda data: services.record_funding(network=network, by=request.user, **data),
        success="Recorded {result}.",
        to=_overview_url(network),
    )
    return done or render(
        request,
        "funding/form.html",
        {
            "network": network,
            "form": form,
            "heading": "Record funding received",
            "submit_label": "Record funding",
        },
    )


@login_required
def record_contribution(request, network_slug):
    network, refusal = _network_to_manage(request, network_slug)
    if refusal:
        return refusal
    form = ContributionForm(request.POST or None, network=network)
    done = perform_form(
        request,
        form,
        lambda data: services.record_contribution(network=network, by=request.user, **data),
        success=lambda contribution: (
            f"Recorded {contribution.quantity_display} "
            f"({contribution.get_kind_display().lower()}) from {contribution.school.name}."
        ),
        to=_overview_url(network),
    )
    return done or render(
        request,
        "funding/form.html",
        {
            "network": network,
            "form": form,
            "heading": "Record a contribution in kind",
            "intro": "What a member school gave the network: staff days, hosting, money or something else.",
            "submit_label": "Record contribution",
        },
    )


@login_required
def revise_plan(request, network_slug):
    network, refusal = _network_to_manage(request, network_slug)
    if refusal:
        return refusal
    latest = selectors.latest_spending_plan(network)
    form = SpendingPlanForm(request.POST or None, latest=latest)
    done = perform_form(
        request,
        form,
        lambda data: services.revise_spending_plan(network=network, by=request.user, **data),
        success="Saved revision {result.number} of the spending plan.",
        to=_overview_url(network),
    )
    return done or render(
        request,
        "funding/plan_form.html",
        {"network": network, "form": form, "latest": latest},
    )
