"""Every write about networks goes through these verbs (keyword-only; each runs in one transaction).

They enforce the co-leadership rule, the invitation rules, two-key decisions and the closed
network's read-only state, write Wagtail's audit log and notify people. Network roles give no
Wagtail admin access: people act on their networks through the site only. They raise `ActionRefused` (or a
subclass) with a message for the person when a rule says no.
"""

from .decisions import (
    agree_to_appointment,
    appointment_path,
    confirm_decision,
    decline_appointment,
    expire_decisions,
    propose_decision,
    withdraw_decision,
)
from .errors import (
    ActionRefused,
    CoLeadershipRule,
    InvitationUnusable,
    NetworkClosed,
    NotAllowed,
)
from .invitations import (
    accept_invitation,
    approve_join_request,
    check_invitation_usable,
    decline_join_request,
    expire_invitations,
    invitation_for_token,
    invite_member,
    request_to_join,
    revoke_invitation,
    withdraw_join_request,
)
from .lifecycle import activate_network, change_status
from .memberships import change_role, leave_network, remove_member
from .proposals import (
    RESERVED_SLUGS,
    approve_proposal,
    decline_proposal,
    proposal_path,
    propose_network,
    withdraw_proposal,
)
from .schools import add_school, remove_school

__all__ = [
    "RESERVED_SLUGS",
    "CoLeadershipRule",
    "InvitationUnusable",
    "ActionRefused",
    "NetworkClosed",
    "NotAllowed",
    "accept_invitation",
    "activate_network",
    "add_school",
    "approve_join_request",
    "approve_proposal",
    "change_role",
    "change_status",
    "check_invitation_usable",
    "agree_to_appointment",
    "appointment_path",
    "confirm_decision",
    "decline_appointment",
    "decline_join_request",
    "decline_proposal",
    "expire_decisions",
    "expire_invitations",
    "invitation_for_token",
    "invite_member",
    "leave_network",
    "propose_decision",
    "proposal_path",
    "propose_network",
    "remove_member",
    "remove_school",
    "request_to_join",
    "revoke_invitation",
    "withdraw_decision",
    "withdraw_join_request",
    "withdraw_proposal",
]
