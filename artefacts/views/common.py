"""What the artefact views share."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect

from networks.models import NetworkPage
from networks.permissions import can_view_network


def network_or_404(user, network_slug) -> NetworkPage:
    """The network with this slug if the person may see it; the same 404 otherwise."""
    network = NetworkPage.objects.filter(slug=network_slug).first()
    if network is None or not can_view_network(user, network):
        raise Http404("No network found.")
    return network


def check(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def to_workspace(artefact):
    return redirect("artefacts:workspace", artefact_id=artefact.pk)


def trials_url(artefact) -> str:
    """Where an artefact's “we tried this” responses are, on its page."""
    return f"{artefact.url}#tried"
