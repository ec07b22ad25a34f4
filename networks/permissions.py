"""Who may do what with a network. Views, templates and the Wagtail admin ask here only.

Every predicate takes (user, network) and answers with a bool; `*_or_404` accessors fetch and
authorise in one call, giving the same 404 for "does not exist" and "not yours".
"""

from .models import Membership, NetworkStatus, Role


def _current_role(user, network) -> str | None:
    if not getattr(user, "is_authenticated", False):
        return None
    cache = user.__dict__.setdefault("_network_roles", {})
    if network.pk not in cache:
        cache[network.pk] = (
            Membership.objects.filter(network_id=network.pk, user=user, left_at__isnull=True)
            .values_list("role", flat=True)
            .first()
        )
    return cache[network.pk]


def forget_cached_roles(user) -> None:
    """Call after changing a person's memberships within the same request."""
    user.__dict__.pop("_network_roles", None)


def is_member(user, network) -> bool:
    return _current_role(user, network) is not None


def is_co_leader(user, network) -> bool:
    return _current_role(user, network) == Role.CO_LEADER


def is_broker(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_broker", False))


def is_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_superuser)


def can_view_network(user, network) -> bool:
    return network.live or is_member(user, network) or is_broker(user) or is_admin(user)


def can_manage_network(user, network) -> bool:
    """Co-leaders run their network (admins too, for support). A closed network is read-only."""
    if network.status == NetworkStatus.CLOSED:
        return False
    return is_co_leader(user, network) or is_admin(user)


def can_view_network_insights(user, network) -> bool:
    """Engagement and baselining detail: the network itself and the national broker."""
    return is_member(user, network) or is_broker(user) or is_admin(user)
