from .membership import Membership, NetworkSchool, Role
from .pages import NetworkIndexPage, NetworkPage, NetworkStatus
from .themes import Theme

__all__ = [
    "Membership",
    "NetworkIndexPage",
    "NetworkPage",
    "NetworkSchool",
    "NetworkStatus",
    "Role",
    "Theme",
]
