"""Who sees engagement counts.

What the public sees, decided here: the number of people active in a network is public on its
profile, because it says how alive the network is. The per-school breakdown is for the network
itself and the national broker only: the programme found that activity in a school tracks pupil
outcomes, so published school-by-school counts would read as a league table of schools.
"""

from networks.permissions import (
    can_view_network,
    can_view_network_insights,
    is_admin,
    is_broker,
)


def can_view_active_people_total(user, network) -> bool:
    return can_view_network(user, network)


def can_view_active_people_by_school(user, network) -> bool:
    return can_view_network_insights(user, network)


def can_view_engagement_overview(user) -> bool:
    """The all-networks overview: national brokers and administrators."""
    return is_broker(user) or is_admin(user)
