"""Who may find what, and who may see search analytics and maintain synonyms.

Search never decides visibility on its own: `audience_for(user)` states the artefact rules
(public to everyone; members-only to current members of any network; network-only to the
network's current members; everything to national brokers and admins) as an `Audience`, which every backend
applies inside its queries. `search.tests.test_permissions` checks, for a matrix of people,
that the documents search returns are exactly the live ones `artefacts_visible_to(user)`
returns.
"""

from core.roles import is_admin, is_broker
from networks.models import Membership

from .backends.base import PUBLIC, Audience
from .models import Visibility


def audience_for(user) -> Audience:
    """The person's audience, asking artefacts.permissions.visibility_allows itself.

    - members-only documents: visible when the rule lets this person read a members-only
      artefact;
    - everything: when the rule lets them read a network-only artefact of a network they do
      not belong to (national brokers and admins);
    - otherwise network-only documents of the networks they currently belong to (the rule's
      "current member of the artefact's network"), read in one query.
    Cached on the user object for the request.
    """
    from artefacts.permissions import visibility_allows

    if not getattr(user, "is_authenticated", False):
        return PUBLIC
    cached = user.__dict__.get("_search_audience")
    if cached is not None:
        return cached
    signed_in = visibility_allows(user, visibility=Visibility.MEMBERS, network=None)
    if not signed_in:
        audience = PUBLIC
    elif visibility_allows(user, visibility=Visibility.NETWORK, network=None):
        audience = Audience(everything=True, signed_in=True)
    else:
        network_ids = (
            Membership.objects.current()
            .filter(user=user)
            .order_by()
            .values_list("network_id", flat=True)
        )
        audience = Audience(signed_in=True, network_ids=frozenset(network_ids))
    user.__dict__["_search_audience"] = audience
    return audience


def audience_may_see(audience: Audience, *, visibility: str, network_id: int | None) -> bool:
    """The same rule in Python, for one document (used by tests and the drift report)."""
    if audience.everything or visibility == Visibility.PUBLIC:
        return True
    if visibility == Visibility.MEMBERS:
        return audience.signed_in
    if visibility == Visibility.NETWORK:
        return network_id in audience.network_ids
    return False


def can_view_search_analytics(user) -> bool:
    """Top and zero-result queries: the national brokers and admins."""
    return is_broker(user) or is_admin(user)


def can_manage_synonyms(user) -> bool:
    return is_broker(user) or is_admin(user)
