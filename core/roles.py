"""Platform roles: who someone is across the whole platform, whatever network they belong to.

Network roles (member, co-leader, critical friend) live in `networks.permissions`; these are the
roles that stand above every network.
"""


def is_signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def is_broker(user) -> bool:
    """The national broker curates and spreads the learning; it reads every network."""
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_broker", False))


def is_admin(user) -> bool:
    """Platform staff: support for every network, and the Wagtail admin."""
    return bool(getattr(user, "is_authenticated", False) and user.is_superuser)


def is_staff_or_broker(user) -> bool:
    return is_admin(user) or is_broker(user)


def can_open_admin(user) -> bool:
    """Staff and the national brokers are offered the way into the Wagtail admin."""
    return bool(getattr(user, "is_authenticated", False) and (user.is_staff or is_broker(user)))
