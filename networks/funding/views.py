from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from . import selectors, services
from .forms import ContributionForm, FundingReceiptForm, SpendingPlanForm, show_service_errors
from .permissions import (
    can_record_funding,
    can_revise_spending_plan,
    can_view_funding_records,
    network_for_user_or_404,
)


def _overview_url(network) -> str:
    return reverse("funding:overview", kwargs={"network_slug": network.slug})


def _network_to_manage(request, network_slug, can):
    """(network, None) if this person may change its funding records; (network, redirect) with
    a message when the network has closed; 403 for anyone else who may see the network."""
    network = network_for_user_or_404(request.user, network_slug)
    if network.is_closed:
        messages.error(
            request, f"{network.title} has closed, so its funding records are read-only."
        )
        return network, redirect(_overview_url(network))
    if not can(request.user, network):
        raise PermissionDenied(
            "Only the network's co-leaders can record funding and revise the plan."
        )
    return network, None


@login_required
def funding_overview(request, network_slug):
    network = network_for_user_or_404(request.user, network_slug)
    if not can_view_funding_records(request.user, network):
        raise PermissionDenied(
            "The funding records are for the network's members and the national broker."
        )
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
    network, refusal = _network_to_manage(request, network_slug, can_record_funding)
    if refusal:
        return refusal
    form = FundingReceiptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            receipt = services.record_funding(network=network, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, f"Recorded {receipt}.")
            return redirect(_overview_url(network))
    return render(
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
    network, refusal = _network_to_manage(request, network_slug, can_record_funding)
    if refusal:
        return refusal
    form = ContributionForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            contribution = services.record_contribution(
                network=network, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Recorded {contribution.quantity_display} ({contribution.get_kind_display().lower()}) "
                f"from {contribution.school.name}.",
            )
            return redirect(_overview_url(network))
    return render(
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
    network, refusal = _network_to_manage(request, network_slug, can_revise_spending_plan)
    if refusal:
        return refusal
    latest = selectors.latest_spending_plan(network)
    form = SpendingPlanForm(request.POST or None, latest=latest)
    if request.method == "POST" and form.is_valid():
        try:
            revision = services.revise_spending_plan(
                network=network,
                by=request.user,
                plan=form.cleaned_data["plan"],
                lines=form.cleaned_data["lines"],
                learning=form.cleaned_data.get("learning", ""),
                based_on=form.cleaned_data["based_on"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, f"Saved revision {revision.number} of the spending plan.")
            return redirect(_overview_url(network))
    return render(
        request,
        "funding/plan_form.html",
        {"network": network, "form": form, "latest": latest},
    )
