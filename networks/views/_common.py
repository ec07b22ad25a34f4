from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from ..models import NetworkPage
from ..permissions import can_view_network


def network_or_404(user, network_slug) -> NetworkPage:
    """The network with this slug if the person may see it; the same 404 otherwise."""
    network = NetworkPage.objects.filter(slug=network_slug).first()
    if network is None or not can_view_network(user, network):
        raise Http404("No network found.")
    return network


def check(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def manage_url(network) -> str:
    return reverse("networks:manage", kwargs={"network_slug": network.slug})


def back_to_manage(network):
    return redirect("networks:manage", network_slug=network.slug)


def report_refusal(request, error) -> None:
    messages.error(request, error.message)


def form_page(
    request,
    *,
    network=None,
    title,
    intro="",
    form,
    submit_label,
    back_url="",
    status=200,
    template="networks/manage/form_page.html",
    **extra,
):
    return render(
        request,
        template,
        {
            "network": network,
            "title": title,
            "intro": intro,
            "form": form,
            "submit_label": submit_label,
            "back_url": back_url,
            **extra,
        },
        status=status,
    )
