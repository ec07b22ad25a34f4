"""Who may see and change a network's funding records and spending plan.

What the public sees, decided here: a network publishes its learning, so anyone who can see the
network sees its funding totals and the full history of its spending plan (with what the network
learned that changed it). The itemised records (each grant with its note, each school's
contributions and who recorded them) are for the network itself, the national broker and
administrators. Only co-leaders (and administrators, for support) record and revise, and never
once the network has closed.
"""

from django.http import Http404

from networks.models import NetworkPage
from networks.permissions import can_manage_network, can_view_network, can_view_network_insights


def can_view_funding_totals(user, network) -> bool:
    return can_view_network(user, network)


def can_view_spending_plan(user, network) -> bool:
    return can_view_network(user, network)


def can_view_funding_records(user, network) -> bool:
    return can_view_network_insights(user, network)


def can_record_funding(user, network) -> bool:
    return can_manage_network(user, network)


def can_revise_spending_plan(user, network) -> bool:
    return can_manage_network(user, network)


def network_for_user_or_404(user, network_slug):
    """The network with this slug if the person may see it; the same 404 otherwise."""
    network = NetworkPage.objects.filter(slug=network_slug).first()
    if network is None or not can_view_network(user, network):
        raise Http404("No network found.")
    return network
