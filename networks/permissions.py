"""Who may do what with a network. Views, templates, services and the Wagtail admin ask here only.

Every predicate `can_x(user, obj) -> bool` has a companion `why_not_x(user, obj) -> str | None`:
None when the person may, otherwise the message they read (on the page, in the admin, in a
service's refusal). `network_for_user_or_404` fetches and authorises in one call, giving the same
404 for "does not exist" and "not yours".
"""

from allauth.account.models import EmailAddress

from django.contrib.humanize.templatetags.humanize import apnumber
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format

from core.roles import is_admin, is_broker, is_signed_in

from .models import (
    MINIMUM_CO_LEADERS,
    DecisionKind,
    DecisionStatus,
    InvitationStatus,
    Membership,
    NetworkPage,
    NetworkProposal,
    NetworkStatus,
    ProposalStatus,
    Role,
)

NO_NETWORK = "No network found."
NO_PROPOSAL = "No proposal found."


def current_role(user, network) -> str | None:
    if not getattr(user, "is_authenticated", False):
        return None
    cache = user.__dict__.setdefault("_network_roles", {})
    if network.pk not in cache:
        cache[network.pk] = roles_by_network(user).get(network.pk)
    return cache[network.pk]


def roles_by_network(user) -> dict[int, str]:
    """Every current membership of the person, network id to role: one query, cached on the
    user, so that a page asking about several networks (and what they may read) asks once."""
    if not is_signed_in(user):
        return {}
    cached = user.__dict__.get("_roles_by_network")
    if cached is None:
        cached = user.__dict__["_roles_by_network"] = dict(
            Membership.objects.current()
            .filter(user=user)
            .order_by("-joined_at")
            .values_list("network_id", "role")
        )
    return cached


def forget_cached_roles(user) -> None:
    """Call after changing a person's memberships within the same request."""
    user.__dict__.pop("_network_roles", None)
    user.__dict__.pop("_roles_by_network", None)


def current_network_ids(user) -> frozenset[int]:
    """The networks the person belongs to now, in any role. One query, cached on the user."""
    if not is_signed_in(user):
        return frozenset()
    return frozenset(roles_by_network(user))


def belongs_to_a_network(user) -> bool:
    """A current membership of any network: what "members only" asks of a reader."""
    return bool(current_network_ids(user))


def is_member(user, network) -> bool:
    return current_role(user, network) is not None


def is_co_leader(user, network) -> bool:
    return current_role(user, network) == Role.CO_LEADER


def closed_message(network) -> str:
    return f"{network.title} has closed: its record is read-only."


def _allowed(why_not: str | None) -> bool:
    return why_not is None


# --- Seeing a network ------------------------------------------------------------------------


def why_not_view_network(user, network) -> str | None:
    if network.live or is_member(user, network) or is_broker(user) or is_admin(user):
        return None
    return NO_NETWORK


def can_view_network(user, network) -> bool:
    return _allowed(why_not_view_network(user, network))


def network_for_user_or_404(user, network_slug) -> NetworkPage:
    """The network with this slug if the person may see it; the same 404 otherwise."""
    network = NetworkPage.objects.filter(slug=network_slug).first()
    if network is None or not can_view_network(user, network):
        raise Http404(NO_NETWORK)
    return network


def deny_unless(why_not: str | None) -> None:
    """For views: a 403 page showing the permission's own message when a `why_not_*` says no."""
    if why_not:
        raise PermissionDenied(why_not)


def why_not_view_network_insights(user, network) -> str | None:
    """Engagement, funding records and baselining notes: the network itself and the broker."""
    if is_member(user, network) or is_broker(user) or is_admin(user):
        return None
    return "This is for the network's members and the national broker."


def can_view_network_insights(user, network) -> bool:
    return _allowed(why_not_view_network_insights(user, network))


def why_not_view_manage_page(user, network) -> str | None:
    """The people page: co-leaders and admins (read-only once the network has closed)."""
    if is_co_leader(user, network) or is_admin(user):
        return None
    return "Only the network's co-leaders can see its people page."


def can_view_manage_page(user, network) -> bool:
    return _allowed(why_not_view_manage_page(user, network))


# --- Running a network -----------------------------------------------------------------------


def why_not_manage_network(user, network, *, doing: str = "run the network") -> str | None:
    """Co-leaders run their network (admins too, for support). A closed network is read-only.

    `doing` finishes the sentence "Only the network's co-leaders can …" for each action.
    """
    if network.status == NetworkStatus.CLOSED:
        return closed_message(network)
    if is_co_leader(user, network) or is_admin(user):
        return None
    return f"Only the network's co-leaders can {doing}."


def can_manage_network(user, network) -> bool:
    return _allowed(why_not_manage_network(user, network))


def why_not_invite(user, network) -> str | None:
    return why_not_manage_network(user, network, doing="invite people")


def can_invite(user, network) -> bool:
    return _allowed(why_not_invite(user, network))


def why_not_revoke_invitation(user, network) -> str | None:
    return why_not_manage_network(user, network, doing="revoke invitations")


def can_revoke_invitation(user, network) -> bool:
    return _allowed(why_not_revoke_invitation(user, network))


def why_not_decide_join_request(user, network) -> str | None:
    return why_not_manage_network(user, network, doing="approve or decline requests to join")


def can_decide_join_request(user, network) -> bool:
    return _allowed(why_not_decide_join_request(user, network))


def why_not_change_role(user, network) -> str | None:
    return why_not_manage_network(user, network, doing="change roles")


def can_change_role(user, network) -> bool:
    return _allowed(why_not_change_role(user, network))


def why_not_remove_member(user, network) -> str | None:
    return why_not_manage_network(user, network, doing="remove members")


def can_remove_member(user, network) -> bool:
    return _allowed(why_not_remove_member(user, network))


def why_not_add_school(user, network) -> str | None:
    return why_not_manage_network(user, network, doing="add schools")


def can_add_school(user, network) -> bool:
    return _allowed(why_not_add_school(user, network))


def why_not_remove_school(user, network) -> str | None:
    return why_not_manage_network(user, network, doing="remove schools")


def can_remove_school(user, network) -> bool:
    return _allowed(why_not_remove_school(user, network))


def why_not_change_status(user, network) -> str | None:
    """Forming → active → sustaining. Closing is a two-key decision between co-leaders."""
    return why_not_manage_network(user, network, doing="change its status")


def can_change_status(user, network) -> bool:
    return _allowed(why_not_change_status(user, network))


# --- Proposing a network ---------------------------------------------------------------------


def why_not_propose_network(user) -> str | None:
    """Any signed-in person may propose a network, one proposal at a time. A proposal gives no
    role: the network exists, with its proposer as first co-leader, once the broker approves."""
    if not is_signed_in(user):
        return "Sign in to propose a network."
    if NetworkProposal.objects.filter(proposed_by=user, status=ProposalStatus.PENDING).exists():
        return (
            "Your proposal for a network is already waiting for the national broker: you can "
            "propose another once it is decided."
        )
    return None


def can_propose_network(user) -> bool:
    return _allowed(why_not_propose_network(user))


def why_not_review_proposals(user) -> str | None:
    """The queue of proposals: the national broker (and admins, for support)."""
    if is_broker(user) or is_admin(user):
        return None
    return "Only the national broker reviews proposed networks."


def can_review_proposals(user) -> bool:
    return _allowed(why_not_review_proposals(user))


def why_not_view_proposal(user, proposal) -> str | None:
    """Its proposer and the reviewers; everyone else gets the same 404 as a missing proposal."""
    if can_review_proposals(user) or (is_signed_in(user) and proposal.proposed_by_id == user.pk):
        return None
    return NO_PROPOSAL


def can_view_proposal(user, proposal) -> bool:
    return _allowed(why_not_view_proposal(user, proposal))


def proposal_for_user_or_404(user, proposal_id) -> NetworkProposal:
    proposal = (
        NetworkProposal.objects.select_related("proposed_by", "school", "co_proposer_school")
        .filter(pk=proposal_id)
        .first()
    )
    if proposal is None or not can_view_proposal(user, proposal):
        raise Http404(NO_PROPOSAL)
    return proposal


def why_not_decide_proposal(user, proposal) -> str | None:
    """Approve or decline: a reviewer, while it waits, and never their own proposal."""
    why = why_not_review_proposals(user)
    if why:
        return why
    if not proposal.is_pending:
        return f"This proposal has already been {proposal.get_status_display().lower()}."
    if proposal.proposed_by_id == user.pk:
        return "You proposed this network: another broker decides on it."
    return None


def can_decide_proposal(user, proposal) -> bool:
    return _allowed(why_not_decide_proposal(user, proposal))


def why_not_withdraw_proposal(user, proposal) -> str | None:
    if not is_signed_in(user) or proposal.proposed_by_id != user.pk:
        return "Only the person who proposed the network can withdraw the proposal."
    if not proposal.is_pending:
        return f"This proposal has already been {proposal.get_status_display().lower()}."
    return None


def can_withdraw_proposal(user, proposal) -> bool:
    return _allowed(why_not_withdraw_proposal(user, proposal))


# --- Joining and leaving ---------------------------------------------------------------------


def has_verified_address(user, email: str) -> bool:
    """Whether the person has verified this e-mail address (allauth's EmailAddress)."""
    if not is_signed_in(user):
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def why_not_follow_invitation(invitation) -> str | None:
    """Whether the link in an invitation e-mail still leads anywhere, whoever follows it."""
    if invitation is None:
        return (
            "This invitation link is not valid. Check that you copied the whole link from the "
            "e-mail, or ask a co-leader to invite you again."
        )
    if invitation.status == InvitationStatus.ACCEPTED:
        return "This invitation has already been used."
    if invitation.status == InvitationStatus.REVOKED:
        return (
            f"This invitation was withdrawn. Ask a co-leader of {invitation.network.title} "
            "if you should have a new one."
        )
    if invitation.has_expired:
        return (
            "This invitation expired on "
            f"{date_format(timezone.localtime(invitation.expires_at), 'j F Y')}. "
            f"Ask a co-leader of {invitation.network.title} to invite you again."
        )
    if invitation.network.status == NetworkStatus.CLOSED:
        return closed_message(invitation.network)
    return None


def why_not_accept_invitation(user, invitation) -> str | None:
    """Only the invited address, signed in and verified, while the invitation is open."""
    why = why_not_follow_invitation(invitation)
    if why:
        return why
    if not is_signed_in(user):
        return f"Sign in with {invitation.email} to accept this invitation."
    if not has_verified_address(user, invitation.email):
        return (
            f"This invitation was sent to {invitation.email}, but you are signed in as "
            f"{user.email}. Sign in with that address (or add and verify it under "
            "“E-mail addresses”) to accept."
        )
    if is_member(user, invitation.network):
        return f"You are already a member of {invitation.network.title}."
    return None


def can_accept_invitation(user, invitation) -> bool:
    return _allowed(why_not_accept_invitation(user, invitation))


def why_not_request_to_join(user, network) -> str | None:
    if not is_signed_in(user):
        return "Sign in to ask to join this network."
    if network.status == NetworkStatus.CLOSED:
        return closed_message(network)
    if not network.live:
        return NO_NETWORK
    if is_member(user, network):
        return f"You are already a member of {network.title}."
    return None


def can_request_to_join(user, network) -> bool:
    return _allowed(why_not_request_to_join(user, network))


def why_not_withdraw_join_request(user, join_request) -> str | None:
    if getattr(user, "pk", None) != join_request.user_id:
        return "Only the person who asked can withdraw the request."
    return None


def can_withdraw_join_request(user, join_request) -> bool:
    return _allowed(why_not_withdraw_join_request(user, join_request))


def why_not_leave_network(user, network) -> str | None:
    if network.status == NetworkStatus.CLOSED:
        return closed_message(network)
    if not is_member(user, network):
        return "You are not a member of this network."
    return None


def can_leave_network(user, network) -> bool:
    return _allowed(why_not_leave_network(user, network))


# --- Two-key decisions -----------------------------------------------------------------------


def why_not_propose_decision(user, network) -> str | None:
    """Two-key decisions are between the network's own co-leaders: admins hold no key."""
    if network.status == NetworkStatus.CLOSED:
        return closed_message(network)
    if not is_co_leader(user, network):
        return "Only the network's co-leaders can propose a two-key decision."
    return None


def can_propose_decision(user, network) -> bool:
    return _allowed(why_not_propose_decision(user, network))


def why_not_propose_step_down(user, network, *, co_leaders: int | None = None) -> str | None:
    """A co-leader may be proposed to step down only while enough co-leaders would remain: at
    least MINIMUM_CO_LEADERS in an active or sustaining network, one in a forming one.
    `co_leaders` is the current number when the caller has counted them already."""
    if reason := why_not_propose_decision(user, network):
        return reason
    if co_leaders is None:
        co_leaders = (
            Membership.objects.current().filter(network_id=network.pk, role=Role.CO_LEADER).count()
        )
    needed = (
        MINIMUM_CO_LEADERS
        if network.status in (NetworkStatus.ACTIVE, NetworkStatus.SUSTAINING)
        else 1
    )
    if co_leaders - 1 < needed:
        return (
            f"{network.title} must always have at least {apnumber(needed)} "
            f"co-leader{'s' if needed != 1 else ''}: appoint another co-leader before one steps "
            "down."
        )
    return None


def can_propose_step_down(user, network, *, co_leaders: int | None = None) -> bool:
    return _allowed(why_not_propose_step_down(user, network, co_leaders=co_leaders))


def _why_not_decide(user, decision, *, doing: str, still_open: bool = False) -> str | None:
    if not (decision.is_open if still_open else decision.is_pending):
        return "This decision is no longer waiting."
    if decision.network.status == NetworkStatus.CLOSED:
        return closed_message(decision.network)
    if not is_co_leader(user, decision.network):
        return f"Only the network's co-leaders can {doing} this."
    return None


def why_not_confirm_decision(user, decision) -> str | None:
    """A different co-leader from the one who proposed it."""
    why = _why_not_decide(user, decision, doing="confirm")
    if why is None and decision.proposed_by_id == user.pk:
        return "You proposed this: a different co-leader must confirm it."
    return why


def can_confirm_decision(user, decision) -> bool:
    return _allowed(why_not_confirm_decision(user, decision))


def why_not_withdraw_decision(user, decision) -> str | None:
    """The proposer withdraws it, or another co-leader turns it down, also while it awaits the
    appointee's agreement."""
    return _why_not_decide(user, decision, doing="withdraw", still_open=True)


def can_withdraw_decision(user, decision) -> bool:
    return _allowed(why_not_withdraw_decision(user, decision))


ANSWERED_APPOINTMENT = {
    DecisionStatus.PENDING: "This appointment is still waiting for a second co-leader to confirm it.",
    DecisionStatus.CONFIRMED: "You have already agreed: you are a co-leader.",
    DecisionStatus.DECLINED: "You have already declined this appointment.",
}


def why_not_answer_appointment(user, decision) -> str | None:
    """Only the person appointed agrees or declines, once both keys have turned, while the
    network is open."""
    target = decision.target if decision.kind == DecisionKind.APPOINT_CO_LEADER else None
    if target is None or not is_signed_in(user) or target.user_id != user.pk:
        return "Only the person being appointed can agree or decline."
    if decision.network.status == NetworkStatus.CLOSED:
        return closed_message(decision.network)
    if not decision.is_awaiting_consent:
        return ANSWERED_APPOINTMENT.get(
            decision.status, "This appointment is no longer waiting for your answer."
        )
    return None


def can_answer_appointment(user, decision) -> bool:
    return _allowed(why_not_answer_appointment(user, decision))
