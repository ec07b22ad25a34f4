from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from . import services
from .forms import IndicatorForm, ObservationForm, show_service_errors
from .models import long_date
from .permissions import (
    can_manage_indicators,
    can_view_observation_notes,
    network_for_user_or_404,
)
from .selectors import indicator_of_network, indicator_trends


def _list_url(network) -> str:
    return reverse("baselining:indicators", kwargs={"network_slug": network.slug})


def _network_to_manage(request, network_slug):
    """(network, None) if this person may change its indicators; (network, redirect) with a
    message when the network has closed."""
    network = network_for_user_or_404(request.user, network_slug)
    if network.is_closed:
        messages.error(request, f"{network.title} has closed, so its indicators are read-only.")
        return network, redirect(_list_url(network))
    if not can_manage_indicators(request.user, network):
        raise PermissionDenied(
            "Only the network's co-leaders can define indicators and record observations."
        )
    return network, None


def _indicator_or_404(network, pk):
    indicator = indicator_of_network(network, pk)
    if indicator is None:
        raise Http404("No such indicator in this network.")
    return indicator


@login_required
def indicator_list(request, network_slug):
    """The co-leaders' and members' page: every indicator with notes and what to do next."""
    network = network_for_user_or_404(request.user, network_slug)
    if not can_view_observation_notes(request.user, network):
        raise PermissionDenied("This page is for the network's members and the national broker.")
    can_manage = can_manage_indicators(request.user, network)
    trends = indicator_trends(network)
    items = []
    for trend in trends:
        actions = []
        if can_manage:
            kwargs = {"network_slug": network.slug, "pk": trend.indicator.pk}
            actions = [
                ("Record an observation", reverse("baselining:record_observation", kwargs=kwargs)),
                ("Edit the definition", reverse("baselining:edit_indicator", kwargs=kwargs)),
            ]
        items.append((trend, actions))
    return render(
        request,
        "baselining/indicator_list.html",
        {"network": network, "items": items, "can_manage": can_manage},
    )


@login_required
def define_indicator(request, network_slug):
    network, refusal = _network_to_manage(request, network_slug)
    if refusal:
        return refusal
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.define_indicator(
                network=network, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, f"Added the indicator '{indicator.name}'.")
            return redirect(f"{_list_url(network)}#indicator-{indicator.pk}")
    return render(
        request,
        "baselining/form.html",
        {
            "network": network,
            "form": form,
            "heading": "Define an indicator",
            "intro": "Something the network will measure to see whether its work makes a "
            "difference, with the value it starts from.",
            "submit_label": "Add indicator",
        },
    )


@login_required
def edit_indicator(request, network_slug, pk):
    network, refusal = _network_to_manage(request, network_slug)
    if refusal:
        return refusal
    indicator = _indicator_or_404(network, pk)
    initial = {field: getattr(indicator, field) for field in services.INDICATOR_FIELDS}
    form = IndicatorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_indicator(
                indicator=indicator,
                by=request.user,
                **{field: form.cleaned_data[field] for field in form.changed_data},
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, f"Saved the indicator '{form.cleaned_data['name']}'.")
            return redirect(f"{_list_url(network)}#indicator-{indicator.pk}")
    return render(
        request,
        "baselining/form.html",
        {
            "network": network,
            "form": form,
            "heading": f"Edit '{indicator.name}'",
            "submit_label": "Save indicator",
        },
    )


@login_required
def record_observation(request, network_slug, pk):
    network, refusal = _network_to_manage(request, network_slug)
    if refusal:
        return refusal
    indicator = _indicator_or_404(network, pk)
    form = ObservationForm(request.POST or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            observation = services.record_observation(
                indicator=indicator, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Recorded {indicator.format_value(observation.value)} for '{indicator.name}'.",
            )
            return redirect(f"{_list_url(network)}#indicator-{indicator.pk}")
    return render(
        request,
        "baselining/form.html",
        {
            "network": network,
            "form": form,
            "heading": f"Record an observation: {indicator.name}",
            "intro": f"Baseline: {indicator.format_value(indicator.baseline_value)} on "
            f"{long_date(indicator.baseline_on)}. {indicator.get_direction_display()}.",
            "submit_label": "Record observation",
        },
    )
