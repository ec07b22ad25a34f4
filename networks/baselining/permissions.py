"""Who may see and change a network's indicators.

What the public sees, decided here: networks publish their learning, so anyone who can see the
network sees each indicator's definition, its trend chart and the numbers behind it. The notes
on observations (which may mention a cohort or a particular class) are for the network itself,
the national broker and administrators. Only co-leaders (and administrators, for support)
define indicators and record observations, and never once the network has closed. Each `can_*`
has a `why_not_*` giving the message people read.
"""

from networks.permissions import (
    why_not_manage_network,
    why_not_view_network,
    why_not_view_network_insights,
)


def why_not_view_indicators(user, network) -> str | None:
    return why_not_view_network(user, network)


def can_view_indicators(user, network) -> bool:
    return why_not_view_indicators(user, network) is None


def why_not_view_observation_notes(user, network) -> str | None:
    if why_not_view_network_insights(user, network):
        return "This page is for the network's members and the national broker."
    return None


def can_view_observation_notes(user, network) -> bool:
    return why_not_view_observation_notes(user, network) is None


def why_not_manage_indicators(user, network) -> str | None:
    if network.is_closed:
        return (
            f"{network.title} has closed, so its indicators are read-only. "
            "What it recorded stays available."
        )
    return why_not_manage_network(user, network, doing="define indicators and record observations")


def can_manage_indicators(user, network) -> bool:
    return why_not_manage_indicators(user, network) is None
