"""The audit-log actions the network services write, registered in networks.wagtail_hooks."""

PROPOSED = "networks.proposed"
PROPOSAL_SUBMITTED = "networks.proposal_submitted"
PROPOSAL_APPROVED = "networks.proposal_approved"
PROPOSAL_DECLINED = "networks.proposal_declined"
PROPOSAL_WITHDRAWN = "networks.proposal_withdrawn"
STATUS_CHANGED = "networks.status_changed"
INVITATION_SENT = "networks.invitation_sent"
INVITATION_ACCEPTED = "networks.invitation_accepted"
INVITATION_REVOKED = "networks.invitation_revoked"
JOIN_REQUESTED = "networks.join_requested"
JOIN_APPROVED = "networks.join_approved"
JOIN_DECLINED = "networks.join_declined"
ROLE_CHANGED = "networks.role_changed"
MEMBER_REMOVED = "networks.member_removed"
MEMBER_LEFT = "networks.member_left"
SCHOOL_ADDED = "networks.school_added"
SCHOOL_REMOVED = "networks.school_removed"
DECISION_PROPOSED = "networks.decision_proposed"
DECISION_CONFIRMED = "networks.decision_confirmed"
DECISION_WITHDRAWN = "networks.decision_withdrawn"
APPOINTMENT_AGREED = "networks.appointment_agreed"
APPOINTMENT_DECLINED = "networks.appointment_declined"

ACTION_LABELS = {
    PROPOSED: ("Network proposed", "Proposed the network"),
    PROPOSAL_SUBMITTED: ("Network proposal submitted", "Proposed a network"),
    PROPOSAL_APPROVED: ("Network proposal approved", "Approved a proposed network"),
    PROPOSAL_DECLINED: ("Network proposal declined", "Declined a proposed network"),
    PROPOSAL_WITHDRAWN: ("Network proposal withdrawn", "Withdrew a proposed network"),
    STATUS_CHANGED: ("Network status changed", "Changed the network's status"),
    INVITATION_SENT: ("Invitation sent", "Invited someone to the network"),
    INVITATION_ACCEPTED: ("Invitation accepted", "Accepted an invitation to the network"),
    INVITATION_REVOKED: ("Invitation revoked", "Revoked an invitation to the network"),
    JOIN_REQUESTED: ("Asked to join", "Asked to join the network"),
    JOIN_APPROVED: ("Join request approved", "Approved a request to join"),
    JOIN_DECLINED: ("Join request declined", "Declined a request to join"),
    ROLE_CHANGED: ("Role changed", "Changed a member's role"),
    MEMBER_REMOVED: ("Member removed", "Removed a member from the network"),
    MEMBER_LEFT: ("Member left", "Left the network"),
    SCHOOL_ADDED: ("School added", "Added a school to the network"),
    SCHOOL_REMOVED: ("School removed", "Removed a school from the network"),
    DECISION_PROPOSED: ("Decision proposed", "Proposed a two-key decision"),
    DECISION_CONFIRMED: ("Decision confirmed", "Confirmed a two-key decision"),
    DECISION_WITHDRAWN: ("Decision withdrawn", "Withdrew a two-key decision"),
    APPOINTMENT_AGREED: ("Appointment agreed", "Agreed to become a co-leader"),
    APPOINTMENT_DECLINED: ("Appointment declined", "Declined to become a co-leader"),
}
