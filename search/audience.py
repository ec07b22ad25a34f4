"""The audience filter: who is reading, as every backend applies it inside its queries.

Search never decides visibility: the content app that owns the visibility rule registers, once,
the function that states a reader's `Audience` (see `register_audience`); every document's
`visibility` and `network_id` are judged by it. Until one is registered, everyone is the public
audience, so nothing is shown by mistake. Cached on the user object for the request.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

from core.visibility import Visibility

from .backends.base import PUBLIC, Audience

AudienceProvider = Callable[[object], Audience]

_provider: AudienceProvider | None = None
CACHE_ATTRIBUTE = "_search_audience"


def register_audience(provider: AudienceProvider) -> AudienceProvider:
    """Register the one function that states a reader's audience (idempotent for the same
    function; a second, different one is a configuration error: the rule has one home)."""
    global _provider
    if _provider is not None and _provider is not provider:
        raise ImproperlyConfigured(
            f"The search audience is already given by {_provider.__module__}."
            f"{_provider.__qualname__}."
        )
    _provider = provider
    return provider


def audience_for(user) -> Audience:
    """The reader's audience (public for anyone signed out, or when no rule is registered)."""
    if not getattr(user, "is_authenticated", False) or _provider is None:
        return PUBLIC
    cached = user.__dict__.get(CACHE_ATTRIBUTE)
    if cached is None:
        cached = _provider(user)
        user.__dict__[CACHE_ATTRIBUTE] = cached
    return cached


def audience_may_see(audience: Audience, *, visibility: str, network_id: int | None) -> bool:
    """The audience filter in Python, for one document (the backends apply it in their query)."""
    if audience.everything or visibility == Visibility.PUBLIC:
        return True
    if visibility == Visibility.MEMBERS:
        return audience.members
    if visibility == Visibility.NETWORK:
        return network_id in audience.network_ids
    return False
