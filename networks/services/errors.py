"""The network services' refusals: core's ActionRefused, with names for the rules they guard."""

from core.errors import ActionRefused, NotAllowed

__all__ = [
    "ActionRefused",
    "CoLeadershipRule",
    "InvitationUnusable",
    "NetworkClosed",
    "NotAllowed",
]


class NetworkClosed(ActionRefused):
    """The network has closed: its record is read-only."""


class CoLeadershipRule(ActionRefused):
    """The change would break the co-leadership rule, or needs a two-key decision."""


class InvitationUnusable(ActionRefused):
    """The invitation is unknown, used, revoked, expired, or for another address."""
