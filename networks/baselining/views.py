from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from core.views import perform_form
from networks.permissions import deny_unless, network_for_user_or_404

from . import services
from .forms import IndicatorForm, ObservationForm
from .models import long_date
from .permissions import (
    can_manage_indicators,
    why_not_manage_indicators,
    why_not_view_observation_notes,
)
from .selectors import indicator_of_network, indicator_trends


def _list_url(network) -> str:
    return reverse("baselining:indicators", kwargs={"network_slug": network.slug})


def _indicator_url(network, indicator) -> str:
    return f"{_list_url(network)}#indicator-{indicator.pk}"


def _network_to_manage(request, network_slug):
    """(network, None) if this person may change its indicators; (network, redirect) with the
    reason when the network has closed; 403 with the reason for anyone else who may see it."""
    network = network_for_user_or_404(request.user, network_slug)
    why_not = why_not_manage_indicators(request.user, network)
    if why_not and network.is_closed:
        messages.error(request, why_not)
        return network, redirect(_list_url(network))
    deny_unless(why_not)
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
    deny_unless(why_not_view_observation_notes(request.user, network))
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
    done = perform_form(
        request,
        form,
        lambda data: services.define_indicator(network=network, by=request.user, **data),
        success="Added the indicator '{result.name}'.",
        to=lambda indicator: _indicator_url(network, indicator),
    )
    return done or render(
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
    done = perform_form(
        request,
        form,
        lambda data: services.update_indicator(
            indicator=indicator,
            by=request.user,
            **{field: data[field] for field in form.changed_data},
        ),
        success="Saved the indicator '{result.name}'.",
        to=lambda indicator: _indicator_url(network, indicator),
    )
    return done or render(
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
    done = perform_form(
        request,
        form,
        lambda data: services.record_observation(indicator=indicator, by=request.user, **data),
        success=lambda observation: (
            f"Recorded {indicator.format_value(observation.value)} for '{indicator.name}'."
        ),
        to=_indicator_url(network, indicator),
    )
    return done or render(
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
