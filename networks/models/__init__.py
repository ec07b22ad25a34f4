from .decisions import OPEN_STATUSES, Decision, DecisionKind, DecisionStatus
from .invitations import Invitation, InvitationStatus, JoinRequest, JoinRequestStatus
from .membership import MINIMUM_CO_LEADERS, Membership, NetworkSchool, Role
from .pages import NetworkIndexPage, NetworkPage, NetworkStatus
from .proposals import NetworkProposal, ProposalStatus
from .themes import Theme

__all__ = [
    "MINIMUM_CO_LEADERS",
    "OPEN_STATUSES",
    "Decision",
    "DecisionKind",
    "DecisionStatus",
    "Invitation",
    "InvitationStatus",
    "JoinRequest",
    "JoinRequestStatus",
    "Membership",
    "NetworkIndexPage",
    "NetworkPage",
    "NetworkProposal",
    "NetworkSchool",
    "NetworkStatus",
    "ProposalStatus",
    "Role",
    "Theme",
]
