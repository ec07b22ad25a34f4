"""Which networks a searcher is in, for the query log: the network, never the person.

Search knows no networks: the app that owns membership registers, once, the function that
answers (`register_searcher_networks`), as the audience is registered (see search.audience).
Until one is, searches are logged without networks. Cached on the user object for the request.
"""

from collections.abc import Callable, Iterable

from django.core.exceptions import ImproperlyConfigured

SearcherNetworks = Callable[[object], Iterable[int]]

_provider: SearcherNetworks | None = None
CACHE_ATTRIBUTE = "_searcher_network_ids"


def register_searcher_networks(provider: SearcherNetworks) -> SearcherNetworks:
    """Register the one function giving a signed-in person's network ids (idempotent for the
    same function; a second, different one is a configuration error)."""
    global _provider
    if _provider is not None and _provider is not provider:
        raise ImproperlyConfigured(
            f"Searchers' networks are already given by {_provider.__module__}."
            f"{_provider.__qualname__}."
        )
    _provider = provider
    return provider


def searcher_network_ids(user) -> frozenset[int]:
    """The ids of the networks the searcher is in now (none when signed out or unregistered)."""
    if not getattr(user, "is_authenticated", False) or _provider is None:
        return frozenset()
    cached = user.__dict__.get(CACHE_ATTRIBUTE)
    if cached is None:
        cached = frozenset(_provider(user))
        user.__dict__[CACHE_ATTRIBUTE] = cached
    return cached
