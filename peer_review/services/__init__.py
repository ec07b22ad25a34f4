"""Every write about review cycles goes through these verbs (keyword-only, one transaction each).

They ask peer_review.permissions again inside the transaction, write Wagtail's audit log and tell
the people concerned; they raise `core.errors.ActionRefused` (or `NotAllowed`) with a message
for the person, and change nothing, when a rule says no.
"""

from .cycles import advance_phase, extend_deadline, missing_for_next_phase, open_cycle
from .frameworks import copy_version
from .rating import consolidate_peer_assessment, rate_criterion, submit_ratings
from .reminders import send_due_reminders
from .report import issue_report, write_finding, write_report
from .response import (
    acknowledge_report,
    add_action,
    record_follow_up,
    record_progress,
    start_learning_artefact,
)
from .self_review import (
    add_evidence,
    consolidate_self_assessment,
    propose_level,
    remove_evidence,
)
from .team import (
    accept_invitation,
    declare_conflict,
    decline_invitation,
    invite_reviewer,
    make_lead,
    why_not_invite,
    withdraw_reviewer,
)
from .visit import schedule_review_visit

__all__ = [
    "accept_invitation",
    "acknowledge_report",
    "add_action",
    "add_evidence",
    "advance_phase",
    "consolidate_peer_assessment",
    "consolidate_self_assessment",
    "copy_version",
    "decline_invitation",
    "declare_conflict",
    "extend_deadline",
    "invite_reviewer",
    "issue_report",
    "make_lead",
    "missing_for_next_phase",
    "open_cycle",
    "propose_level",
    "rate_criterion",
    "record_follow_up",
    "record_progress",
    "remove_evidence",
    "schedule_review_visit",
    "send_due_reminders",
    "start_learning_artefact",
    "submit_ratings",
    "why_not_invite",
    "withdraw_reviewer",
    "write_finding",
    "write_report",
]
