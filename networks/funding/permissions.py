"""Who may see and change a network's funding records and spending plan.

What the public sees, decided here: anyone who can see the network sees that it matches its
funding in kind, and its totals. The spending plan's history (each revision, who made it and
what the network learned that changed it) and the itemised records (each grant with its note,
each school's contributions and who recorded them) are for the network itself, the national
broker and administrators, on every surface. Only co-leaders (and administrators, for support) record and revise, and never
once the network has closed. Each `can_*` has a `why_not_*` giving the message people read.
"""

from networks.permissions import (
    why_not_manage_network,
    why_not_view_network,
    why_not_view_network_insights,
)


def why_not_view_funding_totals(user, network) -> str | None:
    return why_not_view_network(user, network)


def can_view_funding_totals(user, network) -> bool:
    return why_not_view_funding_totals(user, network) is None


def why_not_view_spending_plan(user, network) -> str | None:
    if why_not_view_network_insights(user, network):
        return "The spending plan's history is for the network's members and the national broker."
    return None


def can_view_spending_plan(user, network) -> bool:
    return why_not_view_spending_plan(user, network) is None


def why_not_view_funding_records(user, network) -> str | None:
    if why_not_view_network_insights(user, network):
        return "The funding records are for the network's members and the national broker."
    return None


def can_view_funding_records(user, network) -> bool:
    return why_not_view_funding_records(user, network) is None


def why_not_record_funding(user, network) -> str | None:
    if network.is_closed:
        return (
            f"{network.title} has closed, so its funding records and spending plan are "
            "read-only. What it recorded stays available."
        )
    return why_not_manage_network(user, network, doing="record funding and revise the plan")


def can_record_funding(user, network) -> bool:
    return why_not_record_funding(user, network) is None


def why_not_revise_spending_plan(user, network) -> str | None:
    return why_not_record_funding(user, network)


def can_revise_spending_plan(user, network) -> bool:
    return why_not_revise_spending_plan(user, network) is None
