"""What the network services raise when they refuse. Each carries a message for the person."""


class NetworkActionRefused(Exception):
    """A rule refused the action. `message` says why and, where it can, what to do instead."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(NetworkActionRefused):
    """The person may not do this (see networks.permissions)."""


class NetworkClosed(NetworkActionRefused):
    """The network has closed: its record is read-only."""


class CoLeadershipRule(NetworkActionRefused):
    """The change would break the co-leadership rule, or needs a two-key decision."""


class InvitationUnusable(NetworkActionRefused):
    """The invitation is unknown, used, revoked, expired, or for another address."""
