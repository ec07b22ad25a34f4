"""Who may see and change a network's indicators.

What the public sees, decided here: networks publish their learning, so anyone who can see the
network sees each indicator's definition, its trend chart and the numbers behind it. The notes
on observations (which may mention a cohort or a particular class) are for the network itself,
the national broker and administrators. Only co-leaders (and administrators, for support)
define indicators and record observations, and never once the network has closed.
"""

from django.http import Http404

from networks.models import NetworkPage
from networks.permissions import can_manage_network, can_view_network, can_view_network_insights


def can_view_indicators(user, network) -> bool:
    return can_view_network(user, network)


def can_view_observation_notes(user, network) -> bool:
    return can_view_network_insights(user, network)


def can_manage_indicators(user, network) -> bool:
    return can_manage_network(user, network)


def network_for_user_or_404(user, network_slug) -> NetworkPage:
    """The network with this slug if the person may see it; the same 404 otherwise."""
    network = NetworkPage.objects.filter(slug=network_slug).first()
    if network is None or not can_view_network(user, network):
        raise Http404("No network found.")
    return network
