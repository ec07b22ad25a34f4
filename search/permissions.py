"""Who may see search analytics and maintain synonyms.

Who may *find* what is not decided here: see `search.audience` (the rule is registered by the
content app that owns it).
"""

from core.roles import is_admin, is_broker


def can_view_search_analytics(user) -> bool:
    """Top and zero-result queries: the national brokers and admins."""
    return is_broker(user) or is_admin(user)


def can_manage_synonyms(user) -> bool:
    return is_broker(user) or is_admin(user)
