"""Who may do what with a network. Views, templates and the Wagtail admin ask here only.

Every predicate takes (user, network) and answers with a bool; `*_or_404` accessors fetch and
authorise in one call, giving the same 404 for "does not exist" and "not yours".
"""

from core.roles import is_admin, is_broker, is_signed_in

from .models import Membership, NetworkStatus, Role


def current_role(user, network) -> str | None:
    if not getattr(user, "is_authenticated", False):
        return None
    cache = user.__dict__.setdefault("_network_roles", {})
    if network.pk not in cache:
        cache[network.pk] = (
            Membership.objects.current()
            .filter(network_id=network.pk, user=user)
            .values_list("role", flat=True)
            .first()
        )
    return cache[network.pk]


def remember_role_among(user, network, memberships) -> None:
    """Note the person's role from the network's current memberships, already loaded."""
    if getattr(user, "is_authenticated", False):
        roles = user.__dict__.setdefault("_network_roles", {})
        roles[network.pk] = next((m.role for m in memberships if m.user_id == user.pk), None)


def forget_cached_roles(user) -> None:
    """Call after changing a person's memberships within the same request."""
    user.__dict__.pop("_network_roles", None)


def is_member(user, network) -> bool:
    return current_role(user, network) is not None


def is_co_leader(user, network) -> bool:
    return current_role(user, network) == Role.CO_LEADER


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


# --- Actions on a network's people, schools and life cycle --------------------------------------
# Each predicate answers for the action's page or button; the services in networks.services ask
# the same predicates again inside their transaction.


def _is_open(network) -> bool:
    return network.status != NetworkStatus.CLOSED


def can_propose_network(user) -> bool:
    """Any signed-in person may propose a network and become its first co-leader."""
    return is_signed_in(user)


def can_view_manage_page(user, network) -> bool:
    """The people page: co-leaders and admins (read-only once the network has closed)."""
    return is_co_leader(user, network) or is_admin(user)


def can_invite(user, network) -> bool:
    return can_manage_network(user, network)


def can_revoke_invitation(user, network) -> bool:
    return can_manage_network(user, network)


def has_verified_address(user, email: str) -> bool:
    """Whether the person has verified this e-mail address (allauth's EmailAddress)."""
    from allauth.account.models import EmailAddress

    if not is_signed_in(user):
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def can_accept_invitation(user, invitation) -> bool:
    """Only the invited address, signed in and verified, while the invitation is open."""
    return (
        is_signed_in(user)
        and invitation.is_pending
        and _is_open(invitation.network)
        and not is_member(user, invitation.network)
        and has_verified_address(user, invitation.email)
    )


def can_request_to_join(user, network) -> bool:
    return (
        is_signed_in(user) and network.live and _is_open(network) and not is_member(user, network)
    )


def can_decide_join_request(user, network) -> bool:
    return can_manage_network(user, network)


def can_change_role(user, network) -> bool:
    return can_manage_network(user, network)


def can_remove_member(user, network) -> bool:
    return can_manage_network(user, network)


def can_leave_network(user, network) -> bool:
    return _is_open(network) and is_member(user, network)


def can_add_school(user, network) -> bool:
    return can_manage_network(user, network)


def can_remove_school(user, network) -> bool:
    return can_manage_network(user, network)


def can_change_status(user, network) -> bool:
    """Forming → active → sustaining. Closing is a two-key decision between co-leaders."""
    return can_manage_network(user, network)


def can_propose_decision(user, network) -> bool:
    """Two-key decisions are between the network's own co-leaders: admins hold no key."""
    return _is_open(network) and is_co_leader(user, network)


def can_confirm_decision(user, decision) -> bool:
    """A different co-leader from the one who proposed it."""
    return (
        decision.is_pending
        and can_propose_decision(user, decision.network)
        and decision.proposed_by_id != user.pk
    )


def can_withdraw_decision(user, decision) -> bool:
    """The proposer withdraws it, or another co-leader turns it down."""
    return decision.is_pending and can_propose_decision(user, decision.network)
