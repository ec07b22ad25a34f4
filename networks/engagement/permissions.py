"""Who sees engagement counts.

What the public sees, decided here: the number of people active in a network is public on its
profile, because it says how alive the network is. The per-school breakdown is for the network
itself and the national broker only: the programme found that activity in a school tracks pupil
outcomes, so published school-by-school counts would read as a league table of schools. Each
`can_*` has a `why_not_*` giving the message people read.
"""

from core.roles import is_admin, is_broker
from networks.permissions import why_not_view_network, why_not_view_network_insights


def why_not_view_active_people_total(user, network) -> str | None:
    return why_not_view_network(user, network)


def can_view_active_people_total(user, network) -> bool:
    return why_not_view_active_people_total(user, network) is None


def why_not_view_active_people_by_school(user, network) -> str | None:
    return why_not_view_network_insights(user, network)


def can_view_active_people_by_school(user, network) -> bool:
    return why_not_view_active_people_by_school(user, network) is None


def why_not_view_engagement_overview(user) -> str | None:
    """The all-networks overview: national brokers and administrators."""
    if is_broker(user) or is_admin(user):
        return None
    return "Only national brokers and administrators can see this overview."


def can_view_engagement_overview(user) -> bool:
    return why_not_view_engagement_overview(user) is None
